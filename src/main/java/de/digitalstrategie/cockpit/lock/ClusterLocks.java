package de.digitalstrategie.cockpit.lock;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The plugin's named locks, on the cluster lock service of the host (beehive in Confluence Data
 * Center): a lock is held by one thread of one node at a time, everywhere in the cluster, from the
 * moment it is taken; the host keeps it outside any database transaction of ours. So a lock is
 * taken before the work's Active Objects transaction begins and let go after it has ended (lock,
 * transaction, unlock): the next holder then sees what the last one committed.
 *
 * <p>Beehive's locks are not promised to be re-entrant: work done under a lock never asks for the
 * same lock again.
 */
public final class ClusterLocks {
    /** Beehive asks callers to namespace their lock names. */
    static final String PREFIX = "de.digitalstrategie.cockpit.";
    /** How many locks one kind of record shares out among all its records. */
    static final int STRIPES = 64;
    private final ClusterLockService locks;

    public ClusterLocks(ClusterLockService locks) {
        this.locks = locks;
    }

    /**
     * The lock name for one record of a kind, one of {@link #STRIPES} per kind: beehive keeps a
     * database row for every lock name it has ever seen, so a name per record would grow its table
     * with every decision; records sharing a stripe merely wait for each other now and then. The
     * hash is Java's specified one for strings and longs, the same on every node.
     */
    public static String stripe(String kind, Object key) {
        return kind + "-" + Math.floorMod(key.hashCode(), STRIPES);
    }

    private ClusterLock lock(String name) {
        return locks.getLockForName(PREFIX + name);
    }

    /** Runs the work under the named lock, or returns empty at once if another holder has it. */
    public <T> Optional<T> tryRun(String name, Supplier<T> work) {
        ClusterLock lock = lock(name);
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the work under the named lock, waiting up to {@code wait} for another holder to let
     * go, or returns empty if it stays taken (for work that is tried again later).
     */
    public <T> Optional<T> tryRun(String name, Duration wait, Supplier<T> work) {
        ClusterLock lock = lock(name);
        if (!acquire(lock, name, wait)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the work under the named lock, waiting up to {@code wait} for another holder to let
     * go: for short critical sections such as one record's status change.
     *
     * @throws LockBusyException if the lock stays taken
     */
    public <T> T runWaiting(String name, Duration wait, Supplier<T> work) {
        ClusterLock lock = lock(name);
        if (!acquire(lock, name, wait)) {
            throw new LockBusyException(name);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static boolean acquire(ClusterLock lock, String name, Duration wait) {
        try {
            return lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for lock " + name, e);
        }
    }
}
