package de.digitalstrategie.cockpit.cluster;

import com.atlassian.beehive.ClusterLock;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.schema.CockpitSchema;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import net.java.ao.DBParam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's cluster lock service behaves as beehive's database-backed one: two nodes on one
 * database exclude each other from the moment a lock is taken, inside or outside any transaction;
 * the lock belongs to the thread that took it; a dead node's locks pass on; nothing is more
 * lenient than beehive (no unlock by another thread, no re-entry, no conditions).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ClusterLockServiceTest {
    private static final String NAME = "de.digitalstrategie.cockpit.test-lock";
    private final Database database;
    private final SandboxClusterLockService a;
    private final SandboxClusterLockService b;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    ClusterLockServiceTest(DatabaseTarget target) {
        this.database = target.fresh();
        this.a = new SandboxClusterLockService(database);
        this.b = new SandboxClusterLockService(database);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        a.close();
        b.close();
    }

    @Test
    void aLockTakenOnOneNodeExcludesTheOtherUntilReleased() throws Exception {
        ClusterLock onA = a.getLockForName(NAME);
        ClusterLock onB = b.getLockForName(NAME);
        assertTrue(onA.tryLock());
        assertTrue(onA.isHeldByCurrentThread());
        assertFalse(onB.tryLock(), "the other node cannot take it");
        long start = System.nanoTime();
        assertFalse(onB.tryLock(200, TimeUnit.MILLISECONDS), "nor by waiting a while");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "it waited");
        assertTrue(b.heldAnywhere(NAME));
        onA.unlock();
        assertTrue(onB.tryLock(), "released, it is the other node's to take");
        assertFalse(onA.tryLock());
        onB.unlock();
        assertFalse(a.heldAnywhere(NAME));
    }

    @Test
    void aWaitingNodeGetsTheLockWhenTheHolderLetsGo() throws Exception {
        ClusterLock onA = a.getLockForName(NAME);
        onA.lock();
        Future<Boolean> waiting = threads.submit(() -> {
            ClusterLock onB = b.getLockForName(NAME);
            boolean got = onB.tryLock(10, TimeUnit.SECONDS);
            if (got) {
                onB.unlock();
            }
            return got;
        });
        Thread.sleep(150);
        assertFalse(waiting.isDone(), "B waits while A holds the lock");
        onA.unlock();
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
    }

    @Test
    void threadsOfTwoNodesNeverHoldTheLockAtTheSameTime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<?>> workers = new ArrayList<>();
        for (SandboxClusterLockService node : List.of(a, b, a, b)) {
            workers.add(threads.submit(() -> {
                start.await();
                ClusterLock lock = node.getLockForName(NAME);
                for (int i = 0; i < 25; i++) {
                    lock.lock();
                    try {
                        if (inside.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        entered.incrementAndGet();
                        Thread.sleep(1);
                        inside.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        assertEquals(100, entered.get());
        assertEquals(0, overlaps.get(), "never two holders at once");
    }

    @Test
    void theLockIsCommittedAtOnceAndOutlivesTheCallersRolledBackTransaction() {
        HostActiveObjects ao = HostActiveObjects.open(database, CockpitSchema.NAMESPACE);
        try {
            ao.migrate(CockpitSchema.entityArray());
            ClusterLock onA = a.getLockForName(NAME);
            ClusterLock onB = b.getLockForName(NAME);
            RuntimeException rolledBack = assertThrows(RuntimeException.class, () -> ao.executeInTransaction(() -> {
                assertTrue(onA.tryLock());
                ao.create(DecisionEntity.class, new DBParam(DecisionEntity.DECISION_NUMBER, "LK-ROLLBACK"),
                        new DBParam("TITLE", "Rollback"), new DBParam(DecisionEntity.STATUS, "PROPOSED"));
                // Taken inside a transaction that has not committed: the other node sees it all the same.
                assertFalse(onB.tryLock(), "excluded before the caller's transaction commits");
                throw new IllegalStateException("roll back");
            }));
            assertEquals("roll back", rolledBack.getMessage());
            assertFalse(onB.tryLock(), "the lock did not end with the caller's transaction");
            onA.unlock();
            assertTrue(onB.tryLock());
            onB.unlock();
        } finally {
            ao.close();
        }
    }

    @Test
    void onlyTheHoldingThreadMayUnlock() throws Exception {
        ClusterLock onA = a.getLockForName(NAME);
        assertThrows(IllegalMonitorStateException.class, onA::unlock, "not held at all");
        onA.lock();
        Future<?> other = threads.submit(onA::unlock);
        Exception e = assertThrows(Exception.class, () -> other.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalMonitorStateException, String.valueOf(e.getCause()));
        assertThrows(IllegalMonitorStateException.class, () -> b.getLockForName(NAME).unlock(),
                "nor a thread of the other node");
        assertTrue(b.heldAnywhere(NAME), "still held");
        Future<Boolean> sameNodeOtherThread = threads.submit(() -> onA.tryLock());
        assertFalse(sameNodeOtherThread.get(10, TimeUnit.SECONDS), "another thread of the same node waits its turn");
        onA.unlock();
    }

    @Test
    void reentryConditionsAndOverlongNamesAreRefused() {
        ClusterLock onA = a.getLockForName(NAME);
        onA.lock();
        try {
            assertThrows(IllegalStateException.class, onA::tryLock, "beehive does not promise re-entrant locks");
            assertThrows(IllegalStateException.class, onA::lock);
        } finally {
            onA.unlock();
        }
        assertThrows(UnsupportedOperationException.class, onA::newCondition);
        assertThrows(IllegalArgumentException.class, () -> a.getLockForName("x".repeat(256)));
        assertTrue(a.getLockForName("x".repeat(255)).tryLock());
    }

    @Test
    void aDeadNodesLockPassesToTheOthersAfterTheNodeTimeout() throws Exception {
        SandboxClusterLockService dying = new SandboxClusterLockService(database, "dying", Duration.ofMillis(100),
                Duration.ofMillis(600));
        SandboxClusterLockService survivor = new SandboxClusterLockService(database, "survivor",
                Duration.ofMillis(100), Duration.ofMillis(600));
        try {
            assertTrue(dying.getLockForName(NAME).tryLock());
            Thread.sleep(900);
            assertFalse(survivor.getLockForName(NAME).tryLock(), "a live holder keeps its lock however long");
            dying.halt();
            assertTrue(survivor.getLockForName(NAME).tryLock(5, TimeUnit.SECONDS),
                    "the dead node's lock passes on once its heartbeat is too old");
            survivor.getLockForName(NAME).unlock();
        } finally {
            survivor.close();
        }
    }
}
