package de.digitalstrategie.cockpit.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A write in one transaction, tried again (afresh, reading everything again) when the database
 * refuses it as a serialization failure (SQLSTATE 40001): Active Objects runs transactions
 * serializable, and two writers of one row (a stamp) at the same moment are then one too many.
 * What was refused was rolled back whole, so trying again loses and doubles nothing, provided the
 * work reads what it changes inside the transaction.
 */
public final class SerializableWrites {
    /** How often a write is tried when writers meet. */
    private static final int ATTEMPTS = 10;

    private SerializableWrites() {
    }

    public static <T> T inTransaction(ActiveObjects ao, TransactionCallback<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ao.executeInTransaction(write);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !serializationFailure(e)) {
                    throw e;
                }
                try {
                    // Apart again at a random moment, so that the same writers do not meet again.
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean serializationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
