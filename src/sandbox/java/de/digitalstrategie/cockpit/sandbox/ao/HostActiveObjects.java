package de.digitalstrategie.cockpit.sandbox.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.DBParam;
import net.java.ao.DatabaseProvider;
import net.java.ao.EntityManager;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;
import net.java.ao.schema.FieldNameConverter;
import net.java.ao.schema.UnderscoreFieldNameConverter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ActiveObjects} facade implemented on the original ActiveObjects 0.8.2 ORM, so the
 * plugin's entities and stores run outside Confluence on a real database (H2 or PostgreSQL).
 * Names follow Atlassian's AO: prefixed upper-underscore tables, underscore columns.
 */
public final class HostActiveObjects implements ActiveObjects, AutoCloseable {
    // 0.8.2 logs every statement at INFO; a strong reference keeps the level from being collected.
    private static final Logger AO_LOG = Logger.getLogger("net.java.ao");

    static {
        AO_LOG.setLevel(Level.WARNING);
    }

    private final EntityManager manager;
    private final DatabaseProvider provider;
    private final UnlimitedColumns unlimited;
    private final AtlassianTableNameConverter tables;
    private final FieldNameConverter fields;
    private final EntityStream streams;
    private final ForkSql sql;
    /** The {@code <upgradeTask>}s of the plugin's {@code <ao>} module, in model-version order. */
    private final List<ActiveObjectsUpgradeTask> upgradeTasks;
    private boolean upgrading;
    private final ThreadLocal<Integer> transactionDepth = ThreadLocal.withInitial(() -> 0);

    private HostActiveObjects(DatabaseProvider provider, UnlimitedColumns unlimited, AtlassianTableNameConverter tables,
                              ForkSql sql, String namespace) {
        this.provider = provider;
        this.sql = sql;
        this.upgradeTasks = UpgradeTasks.declaredFor(namespace);
        this.unlimited = unlimited;
        this.tables = tables;
        this.fields = new CachingFieldNameConverter(new UnderscoreFieldNameConverter(true));
        this.manager = new EntityManager(provider, true);
        manager.setTableNameConverter(tables);
        manager.setFieldNameConverter(fields);
        this.streams = new EntityStream(provider, tables, fields);
    }

    /**
     * Opens the plugin's store on a database.
     *
     * @param database  where and how to connect
     * @param namespace the plugin's AO namespace (the {@code <ao namespace>} of atlassian-plugin.xml)
     */
    public static HostActiveObjects open(Database database, String namespace) {
        AtlassianTableNameConverter tables = new AtlassianTableNameConverter(namespace);
        UnlimitedColumns unlimited = new UnlimitedColumns();
        ForkSql sql = new ForkSql(database.kind() == Database.Kind.H2 ? ForkSql.Dialect.H2 : ForkSql.Dialect.POSTGRESQL,
                identifierQuote(database), database.schema());
        DatabaseProvider provider = switch (database.kind()) {
            case H2 -> new H2DatabaseProvider(database.url(), database.user(), database.password(), tables.prefix(),
                    database.schema(), unlimited, sql);
            case POSTGRESQL -> new PostgresDatabaseProvider(database.url(), database.user(), database.password(),
                    tables.prefix(), database.schema(), unlimited, sql);
        };
        // Without a pool 0.8.2 opens a connection per operation (30 s instead of 2 s for 10,000 inserts).
        return new HostActiveObjects(new ForkPoolProvider(provider, sql, tables.prefix()), unlimited, tables, sql,
                namespace);
    }

    /** The identifier quote the driver reports: what the fork quotes with ({@code DatabaseProvider.loadQuoteString}). */
    private static String identifierQuote(Database database) {
        try (Connection c = java.sql.DriverManager.getConnection(database.url(), database.user(), database.password())) {
            return c.getMetaData().getIdentifierQuoteString().trim();
        } catch (SQLException e) {
            throw new StoreException("Cannot reach " + database.describe(), e);
        }
    }

    public String tablePrefix() {
        return tables.prefix();
    }

    /** The table of an entity, as it is named in the database. */
    public String tableOf(Class<? extends RawEntity<?>> entity) {
        return tables.getName(entity);
    }

    /**
     * The table of an entity as the fork writes it into SQL ({@code withSchema}: schema-qualified,
     * quoted where the database needs it), for code that reads or writes it with plain JDBC.
     */
    public String qualifiedTable(Class<? extends RawEntity<?>> entity) {
        return sql.withSchema(tables.getName(entity));
    }

    /** A column (or index) name as the fork writes it into SQL ({@code processID}), for plain JDBC. */
    public String identifier(String name) {
        return sql.processID(name);
    }

    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        if (!upgrading) {
            // As Active Objects: the module's pending upgrade tasks run before its entities are migrated.
            upgrading = true;
            try {
                new UpgradeTasks(provider, sql, tables.prefix()).run(upgradeTasks, this);
            } finally {
                upgrading = false;
            }
        }
        for (Class<? extends RawEntity<?>> entity : entities) {
            unlimited.register(entity, tables, fields);
        }
        run(() -> {
            manager.migrate(entities);
            // What Atlassian's AO keeps and 0.8.2 does not: indexes declared after their table, and @Indexes.
            Connection connection = provider.getConnection();
            try (java.sql.Statement statement = connection.createStatement()) {
                for (Class<? extends RawEntity<?>> entity : entities) {
                    for (String index : EntityIndexes.statements(entity, tables, fields, sql)) {
                        statement.execute(index);
                    }
                }
            } finally {
                connection.close();
            }
            return null;
        });
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        // 0.8.2 hashes each DBParam's value and fails on null; a null column is the default anyway.
        DBParam[] present = java.util.Arrays.stream(params).filter(p -> p.getValue() != null).toArray(DBParam[]::new);
        return run(() -> manager.create(type, present));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        return run(() -> manager.create(type, params));
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        return manager.get(type, key);
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type) {
        return run(() -> manager.find(type));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return run(() -> manager.find(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return run(() -> manager.find(type, query));
    }

    /** 0.8.2 has no stream: a plain JDBC walk handing out read-only rows ({@link EntityStream}). */
    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> callback) {
        run(() -> {
            streams.stream(type, query, callback);
            return null;
        });
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type) {
        return run(() -> manager.count(type));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return count(type, criteria == null ? Query.select() : Query.select().where(criteria, parameters));
    }

    /** As 0.8.2 counts, with its parameters bound without 0.8.2's costly type lookup ({@link EntityStream}). */
    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        return run(() -> streams.count(type, query));
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        run(() -> {
            manager.delete(entities);
            return null;
        });
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        // 0.8.2 has no deleteWithSQL: rendered as the fork's EntityManager.deleteWithSQL does.
        String delete = "DELETE FROM " + sql.withSchema(tables.getName(type))
                + (criteria == null ? "" : " WHERE " + sql.processWhereClause(criteria));
        return run(() -> {
            Connection connection = provider.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object p = parameters[i];
                    // JDBC drivers know java.sql.Timestamp, not java.util.Date.
                    statement.setObject(i + 1, p instanceof java.util.Date d && !(p instanceof java.sql.Timestamp)
                            ? new java.sql.Timestamp(d.getTime()) : p);
                }
                // Like Atlassian's AO, no cache is flushed: a deleted row's id is never read again.
                // (0.8.2's flushAll visits every entity it still holds, live or garbage not yet
                // collected: after a sync of 10,000 issues that cost 10-15 ms per delete, and the
                // cluster lock deletes twice per sync.)
                return statement.executeUpdate();
            } finally {
                connection.close();
            }
        });
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        if (transactionDepth.get() > 0) {
            // Nested calls join the outer transaction, as with AO's transaction template.
            return callback.doInTransaction();
        }
        transactionDepth.set(1);
        try {
            return new Transaction<T>(manager) {
                @Override
                protected T run() throws SQLException {
                    try {
                        return callback.doInTransaction();
                    } catch (RuntimeException e) {
                        // 0.8.2 rolls back only on SQLException, and its finally block's
                        // setAutoCommit(true) commits whatever else was written: Atlassian's AO rolls
                        // the whole transaction back on any exception, so this one must too.
                        throw new RolledBack(e);
                    }
                }
            }.execute();
        } catch (RolledBack e) {
            manager.flushAll();
            throw e.cause;
        } catch (SQLException e) {
            manager.flushAll();
            throw new StoreException("Transaction failed", e);
        } finally {
            transactionDepth.remove();
        }
    }

    /** Carries a callback's exception through AO's transaction, which rolls back on SQLException only. */
    private static final class RolledBack extends SQLException {
        private final transient RuntimeException cause;

        RolledBack(RuntimeException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    @Override
    public void flushAll() {
        manager.flushAll();
    }

    @Override
    public void close() {
        provider.dispose();
    }

    private <T> T run(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T call() throws SQLException;
    }
}
