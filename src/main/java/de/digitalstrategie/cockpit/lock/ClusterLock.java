package de.digitalstrategie.cockpit.lock;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A lock shared by every node of a cluster, held in the database: taking it is inserting a row
 * under a unique name, which exactly one node can do; releasing it deletes the row. A lock whose
 * holder died expires and may be taken over (the stale row is removed by a conditional delete,
 * itself atomic).
 */
public class ClusterLock {
    private static final Logger LOG = Logger.getLogger(ClusterLock.class.getName());
    private final ActiveObjects ao;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    public ClusterLock(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /** Runs the work under the named lock, or returns empty at once if another holder has it. */
    public <T> Optional<T> tryRun(String name, Duration lease, Supplier<T> work) {
        if (!acquire(name, lease)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            release(name);
        }
    }

    /**
     * Runs the work under the named lock, waiting up to {@code wait} for another holder to let
     * go: for short critical sections such as one record's status change.
     *
     * @throws de.digitalstrategie.cockpit.message.LocalisedException if the lock stays taken
     */
    public <T> T runWaiting(String name, Duration wait, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!acquire(name, Duration.ofMinutes(1))) {
            if (System.nanoTime() > deadline) {
                throw new de.digitalstrategie.cockpit.message.LocalisedException(
                        de.digitalstrategie.cockpit.message.Message.of("cockpit.lock.error.busy"));
            }
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for lock " + name, e);
            }
        }
        try {
            return work.get();
        } finally {
            release(name);
        }
    }

    public boolean acquire(String name, Duration lease) {
        Date now = Date.from(clock.instant());
        ao.deleteWithSQL(LockEntity.class, LockEntity.LOCK_NAME + " = ? AND " + LockEntity.EXPIRES + " < ?", name, now);
        try {
            ao.executeInTransaction(() -> ao.create(LockEntity.class,
                    new DBParam(LockEntity.LOCK_NAME, name),
                    new DBParam("HOLDER", node),
                    new DBParam(LockEntity.EXPIRES, Date.from(clock.instant().plus(lease)))));
            return true;
        } catch (RuntimeException taken) {
            // The unique constraint refused the row: someone else holds the lock.
            LOG.log(Level.FINE, "Lock {0} is held elsewhere", name);
            return false;
        }
    }

    public void release(String name) {
        ao.deleteWithSQL(LockEntity.class, LockEntity.LOCK_NAME + " = ? AND HOLDER = ?", name, node);
    }

    /** Whether anyone holds the lock now. */
    public boolean held(String name) {
        return ao.count(LockEntity.class, LockEntity.LOCK_NAME + " = ? AND " + LockEntity.EXPIRES + " >= ?", name,
                Date.from(clock.instant())) > 0;
    }
}
