package de.digitalstrategie.cockpit.access;

import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renews Jira's browse answers off the page ({@link JiraBrowseAccess#refreshStale()}) every minute,
 * as a job of the host's scheduler that runs on every node ({@link RunMode#RUN_LOCALLY}): each node
 * keeps the answers of the viewers it served, so a run once per cluster would leave the other
 * nodes' answers to expire and their page views to ask Jira. A view that finds answers missing
 * asks for one more run at once on its node ({@link #runSoon}), so its viewer need not wait for
 * the minute.
 */
public final class BrowseAccessJob {
    private static final Logger LOG = Logger.getLogger(BrowseAccessJob.class.getName());
    static final JobRunnerKey RUNNER = JobRunnerKey.of("de.digitalstrategie.cockpit.jira-browse-refresh");
    public static final JobId JOB = JobId.of(RUNNER.toString());
    /** Once, as soon as possible, on the node whose view found answers missing. */
    public static final JobId NOW_JOB = JobId.of(RUNNER + "-now");
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final SchedulerService scheduler;
    private final JiraBrowseAccess access;
    private final Clock clock;

    public BrowseAccessJob(SchedulerService scheduler, JiraBrowseAccess access, Clock clock) {
        this.scheduler = scheduler;
        this.access = access;
        this.clock = clock;
    }

    /** Plugin start (Spring init-method): this node's runner and its local schedule. */
    public void register() throws SchedulerServiceException {
        scheduler.registerJobRunner(RUNNER, this::refresh);
        scheduler.scheduleJob(JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY)
                .withSchedule(Schedule.forInterval(INTERVAL.toMillis(), Date.from(clock.instant().plus(INTERVAL)))));
    }

    /** Plugin stop (Spring destroy-method): a local job goes with its node. */
    public void unregister() {
        scheduler.unscheduleJob(JOB);
        scheduler.unscheduleJob(NOW_JOB);
        scheduler.unregisterJobRunner(RUNNER);
    }

    /**
     * Asks the host's scheduler to run the refresh on this node as soon as it can (the same runner
     * as the minute's job, under an id of its own: scheduling again replaces a run not yet made).
     */
    static void runSoon(SchedulerService scheduler) throws SchedulerServiceException {
        scheduler.scheduleJob(NOW_JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY)
                .withSchedule(Schedule.runOnce(null)));
    }

    private JobRunnerResponse refresh(JobRunnerRequest request) {
        try {
            return JobRunnerResponse.success(access.refreshStale() + " answer(s) renewed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing Jira's browse answers failed", e);
            return JobRunnerResponse.failed(e);
        }
    }
}
