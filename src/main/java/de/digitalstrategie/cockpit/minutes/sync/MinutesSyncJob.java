package de.digitalstrategie.cockpit.minutes.sync;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.lock.LockBusyException;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.MessageList;
import de.digitalstrategie.cockpit.minutes.sync.PendingPages.Pending;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off the pending minutes pages ({@link PendingPages}) on the host's scheduler, away from the
 * page save that recorded them: each page under its cluster lock, its versions in the order they
 * were saved. A version whose recording fails stays pending (with the versions after it) and is
 * tried again; one that another node is recording right now is left to the next run.
 *
 * <p>Three ways in: right after a save, on the node that heard it ({@link #kick}, a local run-once
 * job), once more a few seconds later (in case the save's transaction had not committed when the
 * first run looked), and every minute on one node of the cluster, for whatever failed or was
 * missed (a node that stopped, a database that was away).
 */
public final class MinutesSyncJob implements JobRunner {
    private static final Logger LOG = Logger.getLogger(MinutesSyncJob.class.getName());
    static final JobRunnerKey RUNNER = JobRunnerKey.of("de.digitalstrategie.cockpit.minutes-sync");
    /** Every minute, on one node: the retries. */
    static final JobId CLUSTER_JOB = JobId.of("de.digitalstrategie.cockpit.minutes-sync");
    /** Right after a save, on the node that heard it. */
    public static final JobId NOW_JOB = JobId.of("de.digitalstrategie.cockpit.minutes-sync-now");
    static final JobId RECHECK_JOB = JobId.of("de.digitalstrategie.cockpit.minutes-sync-recheck");
    static final Duration INTERVAL = Duration.ofMinutes(1);
    public static final Duration RECHECK = Duration.ofSeconds(5);
    /** Another node recording the page is done in well under this; otherwise the page waits for the next run. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(2);
    private static final int PAGES_PER_RUN = 200;

    private final SchedulerService scheduler;
    private final PendingPages pending;
    private final MinutesSync sync;
    private final ClusterLocks locks;
    private final Clock clock;

    public MinutesSyncJob(SchedulerService scheduler, PendingPages pending, MinutesSync sync, ClusterLocks locks,
                          Clock clock) {
        this.scheduler = scheduler;
        this.pending = pending;
        this.sync = sync;
        this.locks = locks;
        this.clock = clock;
    }

    /** Plugin start (Spring init-method): the runner on this node, the cluster's retry schedule. */
    public void register() throws SchedulerServiceException {
        scheduler.registerJobRunner(RUNNER, this);
        scheduler.scheduleJob(CLUSTER_JOB, JobConfig.forJobRunnerKey(RUNNER)
                .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(INTERVAL.toMillis(), Date.from(clock.instant().plus(INTERVAL)))));
    }

    /**
     * Plugin stop (Spring destroy-method): this node stops running the job. The cluster's schedule
     * stays for the other nodes; it is stored by the host and scheduled again on every start.
     */
    public void unregister() {
        scheduler.unscheduleJob(NOW_JOB);
        scheduler.unscheduleJob(RECHECK_JOB);
        scheduler.unregisterJobRunner(RUNNER);
    }

    /** Asks for a run on this node as soon as possible, and one more a few seconds later. */
    void kick() throws SchedulerServiceException {
        JobConfig local = JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY);
        scheduler.scheduleJob(NOW_JOB, local.withSchedule(Schedule.runOnce(null)));
        scheduler.scheduleJob(RECHECK_JOB, local.withSchedule(Schedule.runOnce(Date.from(clock.instant().plus(RECHECK)))));
    }

    /**
     * Another local run right away, on this node: under the recheck's id, as the host removes a
     * run-once job (this one's "now" job) once it has run.
     */
    private void runAgainNow() {
        try {
            scheduler.scheduleJob(RECHECK_JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY)
                    .withSchedule(Schedule.runOnce(null)));
        } catch (SchedulerServiceException e) {
            LOG.log(Level.WARNING, "The next local run could not be scheduled; the cluster's run looks again", e);
        }
    }

    /** Another local run a little later. Local jobs live in the node's memory, so this needs no database. */
    private void recheck() {
        try {
            scheduler.scheduleJob(RECHECK_JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY)
                    .withSchedule(Schedule.runOnce(Date.from(clock.instant().plus(RECHECK)))));
        } catch (SchedulerServiceException e) {
            LOG.log(Level.WARNING, "The next local run could not be scheduled; the cluster's run looks again", e);
        }
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        Tally tally = new Tally();
        if (pending.noteRemembered(sync::concerns) > 0) {
            // The database still fails: this node looks again later, on its own (the memory is its own).
            recheck();
        }
        try {
            PendingPages.Due due = pending.duePages(PAGES_PER_RUN);
            for (long pageId : due.pages()) {
                if (request.isCancellationRequested()) {
                    break;
                }
                Optional<Boolean> recorded = locks.tryRun(MinutesSync.pageLock(pageId), PAGE_WAIT,
                        () -> recordPending(pageId, tally));
                if (recorded.isEmpty()) {
                    tally.busy++;
                }
            }
            if (due.more() && !request.isCancellationRequested()) {
                // A backlog (many pages saved at once, or after an outage) is worked off run after run
                // at once, not one run per recheck or per minute.
                runAgainNow();
            }
        } catch (RuntimeException e) {
            // The database itself is away: everything stays pending for the next run.
            LOG.log(Level.WARNING, "Pending minutes pages could not be read", e);
            return JobRunnerResponse.failed(e);
        }
        String summary = tally.recorded + " page version(s) recorded, " + tally.failed + " failed, " + tally.busy
                + " page(s) busy elsewhere";
        return tally.failed > 0 ? JobRunnerResponse.failed(summary) : JobRunnerResponse.success(summary);
    }

    /** Under the page's lock: its versions in order, each removed once recorded; stops at the first failure. */
    private boolean recordPending(long pageId, Tally tally) {
        for (Pending p : pending.ofPage(pageId)) {
            if (!p.due()) {
                // An earlier failure waits for its retry: later versions must not overtake it.
                return false;
            }
            SyncReport report;
            try {
                report = p.trashed() ? sync.trashPage(p.page().location()) : sync.recordPage(p.page());
            } catch (LockBusyException e) {
                LOG.log(Level.INFO, "Minutes page {0}: a record is being changed elsewhere; tried again later", pageId);
                pending.failed(p.id(), e.getMessage());
                tally.failed++;
                return false;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Minutes page " + pageId + " (version " + p.page().version()
                        + ") could not be recorded (attempt " + (p.attempts() + 1) + "); tried again later", e);
                pending.failed(p.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
                tally.failed++;
                return false;
            }
            pending.done(p.id());
            tally.recorded++;
            if (!report.clean()) {
                // Which kinds of problem, not their texts: those quote what authors typed (the page shows them).
                LOG.log(Level.WARNING, "Minutes page {0} synced with {1} problem(s), {2} change(s) refused: {3}",
                        new Object[]{pageId, report.problems().size(), report.refused(), kinds(report.problems())});
            }
        }
        return true;
    }

    private static String kinds(List<Message> problems) {
        Set<String> keys = new TreeSet<>();
        problems.forEach(p -> collectKeys(p, keys));
        return String.join(", ", keys);
    }

    private static void collectKeys(Message message, Set<String> keys) {
        keys.add(message.key());
        for (Object arg : message.args()) {
            if (arg instanceof Message nested) {
                collectKeys(nested, keys);
            } else if (arg instanceof MessageList list) {
                list.items().forEach(m -> collectKeys(m, keys));
            }
        }
    }

    private static final class Tally {
        int recorded;
        int failed;
        int busy;
    }
}
