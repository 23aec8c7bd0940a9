package de.digitalstrategie.cockpit.jira.integration;

import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.status.RunOutcome;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.JiraJobs;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jira jobs are the host scheduler's, once per cluster: two nodes that both register them
 * make one schedule each, and each run happens on one of them; the outbox reaches Jira once, the
 * projects are mirrored, and the nightly full sync is not lost to an incremental one.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class JiraJobsTest {
    private final MovableClock clock = new MovableClock();
    private final StoreFixture store;
    private final JiraSetup jira;
    private final Node a;
    private final Node b;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** One node: the plugin enabled on its own host (scheduler, lock service) over the shared database and settings. */
    private static final class Node implements AutoCloseable {
        final StoreFixture node;
        final SandboxScheduler scheduler;
        final DecisionStore decisions;
        final ProjectSync sync;

        Node(StoreFixture node) {
            this.node = node;
            this.scheduler = node.scheduler;
            this.decisions = node.decisions;
            this.sync = node.bean(ProjectSync.class);
        }

        @Override
        public void close() {
            node.close();
        }
    }

    JiraJobsTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target, clock);
        this.jira = new JiraSetup(store.bean(JiraSettingsStore.class)).provisioned();
        for (int i = 1; i <= 6; i++) {
            store.organisation.save(new FieldOfAction("3." + i, "Feld " + i, "Field " + i, i, ""));
        }
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 5, jira::profile);
        this.a = new Node(store);
        this.b = new Node(store.node(clock));
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        b.close();
        a.close();
        jira.close();
    }

    private void bothLook() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> looks = new ArrayList<>();
        for (Node node : List.of(a, b)) {
            looks.add(threads.submit(() -> {
                start.await();
                return node.scheduler.runPending();
            }));
        }
        for (Future<Integer> look : looks) {
            look.get(60, TimeUnit.SECONDS);
        }
    }

    private long runs(JobId job) {
        return a.scheduler.runs().stream().filter(r -> r.jobId().equals(job)).count()
                + b.scheduler.runs().stream().filter(r -> r.jobId().equals(job)).count();
    }

    @Test
    void bothNodesRegisterTheJobsAndTheClusterHasOneScheduleEach() {
        List<SandboxScheduler.Scheduled> jobs = a.scheduler.scheduledJobs();
        List<JobId> jiraJobs = List.of(JiraJobs.DELIVERY_JOB, JiraJobs.SYNC_JOB, JiraJobs.FULL_SYNC_JOB);
        assertEquals(jiraJobs.stream().sorted().toList(),
                jobs.stream().map(SandboxScheduler.Scheduled::id).filter(jiraJobs::contains).toList());
        for (SandboxScheduler.Scheduled job : jobs) {
            if (jiraJobs.contains(job.id())) {
                assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, job.runMode(), job.toString());
            }
        }
        assertEquals(Duration.ofMinutes(1).toMillis(), interval(jobs, JiraJobs.DELIVERY_JOB));
        assertEquals(Duration.ofMinutes(15).toMillis(), interval(jobs, JiraJobs.SYNC_JOB));
        assertEquals(Duration.ofDays(1).toMillis(), interval(jobs, JiraJobs.FULL_SYNC_JOB));
        // The clock stands at 09:00 UTC: the full sync is due at three in the night.
        assertEquals(Instant.parse("2026-11-28T03:00:00Z"), jobs.stream()
                .filter(j -> j.id().equals(JiraJobs.FULL_SYNC_JOB)).findFirst().orElseThrow().nextRun().toInstant());
    }

    private static long interval(List<SandboxScheduler.Scheduled> jobs, JobId id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow().intervalMs();
    }

    @Test
    void eachRunHappensOnOneNodeAndTheOutboxReachesJiraOnce() throws Exception {
        Decision d = a.decisions.record(new Decision(0, "jobs-1", "LK-2026-81", "Beschluss 81", "Text.",
                DecisionStatus.READY_FOR_VOTE, null, 0, 0, List.of("DIGI-1"), "", LocalDate.of(2027, 3, 31), "",
                new PageRef(4081, 1, "DIGI", "Protokoll"), false, true), "schriftfuehrung");
        bothLook();
        assertEquals(0, runs(JiraJobs.DELIVERY_JOB), "not due before its first minute");
        for (int minute = 1; minute <= 3; minute++) {
            clock.advance(Duration.ofMinutes(1));
            bothLook();
            assertEquals(minute, runs(JiraJobs.DELIVERY_JOB), "one delivery per minute in the cluster");
        }
        assertEquals(1, runs(JiraJobs.SYNC_JOB), "the first incremental sync, on one node");
        assertEquals(1, jira.fixture.jira.issues().stream()
                .filter(i -> i.labels().contains("cockpit-decision-" + d.id())).count(), "in Jira once");
        assertEquals(5, store.projects.count(), "the projects are mirrored");
        assertTrue(a.scheduler.runs().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCESS), a.scheduler.runs().toString());
        assertTrue(b.scheduler.runs().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCESS), b.scheduler.runs().toString());
    }

    @Test
    void aFullSyncThatFindsAnotherSyncRunningIsTriedAgainLater() throws Exception {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-28T03:00:00Z")));
        // An incremental sync (or one started from the admin page) is running on node B at three in the night.
        assertTrue(b.node.locks.tryRun(ProjectSync.LOCK, () -> a.scheduler.runPending() > 0).orElse(false));
        assertTrue(a.scheduler.runs().stream().anyMatch(r -> r.jobId().equals(JiraJobs.FULL_SYNC_JOB)
                && r.outcome() == RunOutcome.ABORTED), a.scheduler.runs().toString());
        assertTrue(a.scheduler.isScheduled(JiraJobs.FULL_SYNC_RETRY_JOB), "tried again later");
        clock.advance(Duration.ofMinutes(5));
        bothLook();
        assertEquals(1, runs(JiraJobs.FULL_SYNC_RETRY_JOB));
        assertTrue(a.sync.status().full(), "the full sync ran");
        assertEquals(5, store.projects.count());
    }
}
