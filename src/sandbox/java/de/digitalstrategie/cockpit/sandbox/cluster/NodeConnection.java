package de.digitalstrategie.cockpit.sandbox.cluster;

import de.digitalstrategie.cockpit.sandbox.ao.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One node's own connection to the shared database for the host's cluster services, in
 * auto-commit: what it writes is committed at once and visible to every node, whatever
 * transaction the plugin's Active Objects work is in on the same thread (Confluence's cluster
 * services keep their tables outside the application's transactions in the same way).
 */
final class NodeConnection implements AutoCloseable {
    private final Database database;
    private Connection connection;
    private boolean closed;

    NodeConnection(Database database) {
        this.database = database;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work on the connection, once more on a fresh connection if the first one broke. */
    synchronized <T> T call(Work<T> work) throws SQLException {
        if (closed) {
            throw new SQLException("The node's cluster connection is closed");
        }
        try {
            return work.run(open());
        } catch (SQLException first) {
            if (connection != null && !connection.isClosed() && connection.isValid(1)) {
                throw first;
            }
            discard();
            return work.run(open());
        }
    }

    /** Creates a table unless it is there; two nodes starting together may race to create it. */
    void ensureTable(String ddl) {
        try {
            call(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(ddl);
                }
                return null;
            });
        } catch (SQLException raced) {
            try {
                call(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(ddl);
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the sandbox's cluster tables", e);
            }
        }
    }

    private Connection open() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(database.url(), database.user(), database.password());
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void discard() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Broken already.
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        discard();
    }
}
