package de.digitalstrategie.cockpit.sandbox.cluster;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import de.digitalstrategie.cockpit.sandbox.ao.Database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Confluence Data Center's cluster lock service as beehive's database implementation works: one
 * row per lock name in a table of the shared database, taken by a conditional update that only
 * one node can win, written on the node's own connection in auto-commit (Confluence's beehive DAO
 * "executes all methods outside current session's transaction"), so a lock excludes every other
 * node from the moment it is taken, whatever transaction the caller is in, and stays taken if that
 * transaction rolls back. Within a node, the lock belongs to the thread that took it.
 *
 * <p>Never more lenient than beehive: {@code unlock} by a thread that does not hold the lock
 * throws {@link IllegalMonitorStateException}; asking again for a lock the thread already holds
 * throws {@link IllegalStateException}, because beehive does not promise re-entrant locks ("not
 * intended to be re-entrant ... do not rely on this behaviour", ClusterLockService javadoc 0.0.6);
 * names are limited to 255 characters; {@code newCondition} is not supported. A lock does not
 * time out while its node is alive; a node that stops beating its heart for {@code nodeTimeout}
 * (stopped, cut off from the database) loses its locks to the others, as in beehive.
 */
public final class SandboxClusterLockService implements ClusterLockService, AutoCloseable {
    static final int MAX_NAME = 255;
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-cluster-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final NodeConnection db;
    private final String nodeId;
    private final Duration heartbeat;
    private final Duration nodeTimeout;
    private final ConcurrentMap<String, SandboxLock> locks = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private ScheduledFuture<?> beating;

    /** A node with its own id, beating every 10 seconds; its locks pass to others a minute after it stops. */
    public SandboxClusterLockService(Database database) {
        this(database, "node-" + UUID.randomUUID(), Duration.ofSeconds(10), Duration.ofMinutes(1));
    }

    public SandboxClusterLockService(Database database, String nodeId, Duration heartbeat, Duration nodeTimeout) {
        this.db = new NodeConnection(database);
        this.nodeId = nodeId;
        this.heartbeat = heartbeat;
        this.nodeTimeout = nodeTimeout;
        db.ensureTable("CREATE TABLE IF NOT EXISTS sandbox_cluster_lock (lock_name VARCHAR(255) PRIMARY KEY, "
                + "node_id VARCHAR(64), locked_at BIGINT NOT NULL)");
        db.ensureTable("CREATE TABLE IF NOT EXISTS sandbox_cluster_node (node_id VARCHAR(64) PRIMARY KEY, "
                + "heartbeat BIGINT NOT NULL)");
        startBeating();
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public ClusterLock getLockForName(String lockName) {
        if (lockName == null || lockName.isEmpty() || lockName.length() > MAX_NAME) {
            throw new IllegalArgumentException("A lock name has 1 to " + MAX_NAME + " characters: " + lockName);
        }
        return locks.computeIfAbsent(lockName, SandboxLock::new);
    }

    /** Whether some node holds the lock in the database now (for tests and the health report). */
    public boolean heldAnywhere(String lockName) {
        try {
            return db.call(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM sandbox_cluster_lock l "
                        + "WHERE l.lock_name = ? AND l.node_id IS NOT NULL AND EXISTS (SELECT 1 FROM "
                        + "sandbox_cluster_node n WHERE n.node_id = l.node_id AND n.heartbeat >= ?)")) {
                    s.setString(1, lockName);
                    s.setLong(2, System.currentTimeMillis() - nodeTimeout.toMillis());
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        return rs.getInt(1) > 0;
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void beat() throws SQLException {
        db.call(c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE sandbox_cluster_node SET heartbeat = ? WHERE node_id = ?")) {
                update.setLong(1, now);
                update.setString(2, nodeId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO sandbox_cluster_node (node_id, heartbeat) VALUES (?, ?)")) {
                        insert.setString(1, nodeId);
                        insert.setLong(2, now);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** The row-level acquisition: one conditional update (or the row's first insert), which only one node can win. */
    private boolean acquireRow(String name) {
        try {
            beat();
            return db.call(c -> {
                if (take(c, name)) {
                    return true;
                }
                try (PreparedStatement exists = c.prepareStatement(
                        "SELECT COUNT(*) FROM sandbox_cluster_lock WHERE lock_name = ?")) {
                    exists.setString(1, name);
                    try (var rs = exists.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO sandbox_cluster_lock (lock_name, node_id, locked_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, nodeId);
                    insert.setLong(3, System.currentTimeMillis());
                    return insert.executeUpdate() == 1;
                } catch (SQLException raced) {
                    // Another node created the row at the same moment: it is there now, as anyone's to take.
                    return take(c, name);
                }
            });
        } catch (SQLException e) {
            // Beehive cannot take a lock without its database either; the caller sees "not acquired".
            return false;
        }
    }

    private boolean take(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement take = c.prepareStatement("UPDATE sandbox_cluster_lock SET node_id = ?, "
                + "locked_at = ? WHERE lock_name = ? AND (node_id IS NULL OR NOT EXISTS (SELECT 1 FROM "
                + "sandbox_cluster_node n WHERE n.node_id = sandbox_cluster_lock.node_id AND n.heartbeat >= ?))")) {
            long now = System.currentTimeMillis();
            take.setString(1, nodeId);
            take.setLong(2, now);
            take.setString(3, name);
            take.setLong(4, now - nodeTimeout.toMillis());
            return take.executeUpdate() == 1;
        }
    }

    private void releaseRow(String name) {
        try {
            db.call(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE sandbox_cluster_lock SET node_id = NULL WHERE lock_name = ? AND node_id = ?")) {
                    s.setString(1, name);
                    s.setString(2, nodeId);
                    return s.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release cluster lock " + name, e);
        }
    }

    private void heldOneMore() {
        held.incrementAndGet();
    }

    private void heldOneLess() {
        held.decrementAndGet();
    }

    /**
     * The node beats its heart for as long as it lives, not only while it holds a lock: a node that
     * had been idle and takes a lock must never look dead to another node whose statement began a
     * moment earlier (on PostgreSQL an UPDATE re-checks the row it waited for, but reads the
     * heartbeat in its subquery from the snapshot it started with).
     */
    private synchronized void startBeating() {
        try {
            beat();
        } catch (SQLException e) {
            // Not yet: the scheduled beats try again.
        }
        beating = HEARTBEATS.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (SQLException | RuntimeException e) {
                // A node that cannot reach the database loses its locks after the timeout, as in beehive.
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The node dies: no more heartbeats, nothing released. Its locks pass to the other nodes once
     * its last heartbeat is older than the node timeout.
     */
    public synchronized void halt() {
        if (beating != null) {
            beating.cancel(false);
            beating = null;
        }
        db.close();
    }

    /** A clean shutdown: the node's locks are released, as Confluence does when a node stops. */
    @Override
    public synchronized void close() {
        if (beating != null) {
            beating.cancel(false);
            beating = null;
        }
        try {
            db.call(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE sandbox_cluster_lock SET node_id = NULL WHERE node_id = ?")) {
                    s.setString(1, nodeId);
                    return s.executeUpdate();
                }
            });
        } catch (SQLException e) {
            // Closed or unreachable: the node timeout frees its locks.
        }
        db.close();
    }

    private final class SandboxLock implements ClusterLock {
        private final String name;
        /** Threads of this node queue here; the database decides between nodes. */
        private final ReentrantLock local = new ReentrantLock();

        SandboxLock(String name) {
            this.name = name;
        }

        private void refuseReentry() {
            if (local.isHeldByCurrentThread()) {
                throw new IllegalStateException("Cluster lock " + name + " is already held by this thread: "
                        + "beehive's locks are not promised to be re-entrant");
            }
        }

        @Override
        public boolean tryLock() {
            refuseReentry();
            if (!local.tryLock()) {
                return false;
            }
            return takeRowOrLetGo();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            refuseReentry();
            long deadline = System.nanoTime() + unit.toNanos(time);
            if (!local.tryLock(time, unit)) {
                return false;
            }
            long pause = 5;
            while (!acquireRow(name)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    local.unlock();
                    return false;
                }
                try {
                    Thread.sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                } catch (InterruptedException e) {
                    local.unlock();
                    throw e;
                }
                pause = Math.min(pause * 2, 100);
            }
            heldOneMore();
            return true;
        }

        @Override
        public void lock() {
            refuseReentry();
            local.lock();
            boolean interrupted = false;
            long pause = 5;
            while (!acquireRow(name)) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                pause = Math.min(pause * 2, 100);
            }
            heldOneMore();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            refuseReentry();
            local.lockInterruptibly();
            long pause = 5;
            while (!acquireRow(name)) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    local.unlock();
                    throw e;
                }
                pause = Math.min(pause * 2, 100);
            }
            heldOneMore();
        }

        private boolean takeRowOrLetGo() {
            if (acquireRow(name)) {
                heldOneMore();
                return true;
            }
            local.unlock();
            return false;
        }

        @Override
        public void unlock() {
            if (!local.isHeldByCurrentThread()) {
                throw new IllegalMonitorStateException("Cluster lock " + name + " is not held by the current thread");
            }
            try {
                releaseRow(name);
            } finally {
                heldOneLess();
                local.unlock();
            }
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return local.isHeldByCurrentThread();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("Cluster locks do not support conditions");
        }
    }
}
