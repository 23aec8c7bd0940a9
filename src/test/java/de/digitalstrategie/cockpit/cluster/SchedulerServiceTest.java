package de.digitalstrategie.cockpit.cluster;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.RunOutcome;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's scheduler behaves as atlassian-scheduler does in Confluence Data Center: a job
 * scheduled once per cluster runs on exactly one of two nodes sharing the database each time it is
 * due, whichever nodes are looking; a local job only on its own node; intervals are whole minutes.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class SchedulerServiceTest {
    private static final JobRunnerKey RUNNER = JobRunnerKey.of("de.digitalstrategie.cockpit.test-runner");
    private static final JobId JOB = JobId.of("de.digitalstrategie.cockpit.test-job");
    private static final int INTERVALS = 12;

    private final String target;
    private final MovableClock clock = new MovableClock();
    private final SandboxScheduler a;
    private final SandboxScheduler b;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    /** Runs by the time they were due for, and by node. */
    private final Map<Date, AtomicInteger> runsPerDue = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runsPerNode = new ConcurrentHashMap<>();

    SchedulerServiceTest(DatabaseTarget target) {
        this.target = target.name();
        Database database = target.fresh();
        this.a = new SandboxScheduler(database, "A", clock);
        this.b = new SandboxScheduler(database, "B", clock);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        a.close();
        b.close();
    }

    private JobRunner counting(String node) {
        return request -> {
            runsPerDue.computeIfAbsent(request.getStartTime(), t -> new AtomicInteger()).incrementAndGet();
            runsPerNode.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
            return JobRunnerResponse.success();
        };
    }

    /** Both nodes look for due jobs at the same moment, as two schedulers polling one database do. */
    private void bothLook() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> looks = new ArrayList<>();
        for (SandboxScheduler node : List.of(a, b)) {
            looks.add(threads.submit(() -> {
                start.await();
                return node.runPending();
            }));
        }
        for (Future<Integer> look : looks) {
            look.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJobScheduledOncePerClusterRunsOnExactlyOneNodePerInterval() throws Exception {
        a.registerJobRunner(RUNNER, counting("A"));
        b.registerJobRunner(RUNNER, counting("B"));
        JobConfig config = JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(Duration.ofMinutes(1).toMillis(),
                        Date.from(clock.instant().plus(Duration.ofMinutes(1)))));
        // Every node schedules the job on start: one job for the cluster, not two.
        a.scheduleJob(JOB, config);
        b.scheduleJob(JOB, config);
        bothLook();
        assertTrue(runsPerDue.isEmpty(), "not due yet");
        for (int i = 0; i < INTERVALS; i++) {
            clock.advance(Duration.ofMinutes(1));
            bothLook();
        }
        int duplicated = (int) runsPerDue.values().stream().filter(n -> n.get() > 1).count();
        int missed = INTERVALS - runsPerDue.size();
        System.out.printf("scheduler once-per-cluster (%s): %d intervals, runs by node %s, duplicated %d, missed %d%n",
                target, INTERVALS, runsPerNode, duplicated, missed);
        assertEquals(0, duplicated, "no interval ran on both nodes");
        assertEquals(0, missed, "every interval ran on one node");
        assertEquals(INTERVALS, a.runs().size() + b.runs().size());
        assertTrue(a.runs().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCESS && r.node().equals("A")));
    }

    @Test
    void aLocalJobRunsOnlyOnItsNodeAndARunOnceJobOnlyOnce() throws Exception {
        a.registerJobRunner(RUNNER, counting("A"));
        b.registerJobRunner(RUNNER, counting("B"));
        a.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY)
                .withSchedule(Schedule.runOnce(null)));
        assertFalse(b.isScheduled(JOB), "a local job is not the cluster's");
        bothLook();
        clock.advance(Duration.ofMinutes(5));
        bothLook();
        assertEquals(java.util.Set.of("A"), runsPerNode.keySet(), runsPerNode.toString());
        assertEquals(1, runsPerNode.get("A").get(), "run once");
        assertFalse(a.isScheduled(JOB), "gone after its run");
    }

    @Test
    void aNodeWithoutTheRunnerLosesTheRunItClaimedAndIntervalsAreWholeMinutes() throws Exception {
        // Caesium claims a run before it looks for the runner: a node without it reports the run unavailable.
        b.registerJobRunner(RUNNER, counting("B"));
        a.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withSchedule(
                Schedule.forInterval(Duration.ofSeconds(5).toMillis(), null)));
        assertEquals(1, a.runPending());
        assertEquals(RunOutcome.UNAVAILABLE, a.runs().get(0).outcome());
        assertEquals(0, b.runPending(), "the run was claimed: the other node does not run it again");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, b.runPending(), "five seconds are rounded up to a minute, as in Caesium");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, b.runPending());
        assertEquals(1, runsPerNode.get("B").get());
    }

    @Test
    void schedulingAgainReplacesTheJobAndUnschedulingEndsIt() throws Exception {
        a.registerJobRunner(RUNNER, counting("A"));
        a.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withSchedule(Schedule.runOnce(null)));
        a.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withSchedule(
                Schedule.runOnce(Date.from(clock.instant().plus(Duration.ofMinutes(10))))));
        assertEquals(0, a.runPending(), "replaced by the later one");
        assertTrue(b.isScheduled(JOB), "a clustered job is every node's");
        b.unscheduleJob(JOB);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, a.runPending());
        assertFalse(a.isScheduled(JOB));
    }
}
