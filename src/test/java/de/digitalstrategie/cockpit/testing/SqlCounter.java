package de.digitalstrategie.cockpit.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements the ORM sends while it is open: ActiveObjects 0.8.2 logs each one
 * (queries, lazy loads of single fields, inserts) at INFO on the "net.java.ao" logger.
 */
public final class SqlCounter implements AutoCloseable {
    private static final Logger AO = Logger.getLogger("net.java.ao");
    private final AtomicInteger statements = new AtomicInteger();
    private final List<String> sql = new CopyOnWriteArrayList<>();
    private final Level previous;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            statements.incrementAndGet();
            sql.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public SqlCounter() {
        previous = AO.getLevel();
        AO.setLevel(Level.INFO);
        AO.setUseParentHandlers(false);
        AO.addHandler(handler);
    }

    public int statements() {
        return statements.get();
    }

    /** The statements as the ORM logged them, in order. */
    public List<String> sql() {
        return List.copyOf(sql);
    }

    @Override
    public void close() {
        AO.removeHandler(handler);
        AO.setLevel(previous);
    }
}
