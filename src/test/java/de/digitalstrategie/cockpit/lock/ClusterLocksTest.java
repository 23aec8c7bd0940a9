package de.digitalstrategie.cockpit.lock;

import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's use of the host's cluster locks: work under a lock another node holds is refused
 * (at once, or after the wait), never run alongside; record locks are shared out among a fixed
 * number of names, so the host's lock table does not grow with every record.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ClusterLocksTest {
    private final Database database;
    private final SandboxClusterLockService nodeA;
    private final SandboxClusterLockService nodeB;
    private final ClusterLocks a;
    private final ClusterLocks b;

    ClusterLocksTest(DatabaseTarget target) {
        this.database = target.fresh();
        this.nodeA = new SandboxClusterLockService(database);
        this.nodeB = new SandboxClusterLockService(database);
        this.a = new ClusterLocks(nodeA);
        this.b = new ClusterLocks(nodeB);
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void workUnderALockHeldElsewhereIsRefusedNotRunAlongside() {
        String name = ClusterLocks.stripe("decision", 42L);
        Optional<String> outer = a.tryRun(name, () -> {
            assertEquals(Optional.empty(), b.tryRun(name, () -> "ran"), "at once");
            assertEquals(Optional.empty(), b.tryRun(name, Duration.ofMillis(100), () -> "ran"), "after waiting");
            LockBusyException busy = assertThrows(LockBusyException.class,
                    () -> b.runWaiting(name, Duration.ofMillis(100), () -> "ran"));
            assertEquals("cockpit.lock.error.busy", busy.userMessage().key(), "the user is told to try again");
            return "held";
        });
        assertEquals(Optional.of("held"), outer);
        assertEquals("ran", b.runWaiting(name, Duration.ofMillis(100), () -> "ran"), "free again");
    }

    @Test
    void recordLocksShareAFixedNumberOfNames() throws Exception {
        for (long id = 1; id <= 500; id++) {
            a.runWaiting(ClusterLocks.stripe("decision", id), Duration.ofSeconds(1), () -> null);
            a.runWaiting(ClusterLocks.stripe("decision-macro", "macro-" + id), Duration.ofSeconds(1), () -> null);
        }
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sandbox_cluster_lock")) {
            rs.next();
            assertEquals(2 * ClusterLocks.STRIPES, rs.getInt(1), "one row per stripe, not per record");
        }
        // The same record gets the same name on every node: Java's string and long hashes are fixed.
        assertEquals("decision-macro-" + Math.floorMod("m-1".hashCode(), ClusterLocks.STRIPES),
                ClusterLocks.stripe("decision-macro", "m-1"));
        assertTrue(ClusterLocks.stripe("decision", -7L).matches("decision-\\d+"));
    }
}
