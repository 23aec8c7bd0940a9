package de.digitalstrategie.cockpit.jira;

import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.outbox.DecisionStateSync;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.jira.sync.SyncStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background work between the plugin and Jira, as jobs of the host's scheduler that run once
 * per cluster: deliver the outbox every minute, an incremental project sync every quarter hour, a
 * full one (which also finds deleted issues) once a day at night; each sync then reads back the
 * implementation of the decisions from their issues ({@link DecisionStateSync}), in the same way. Each node registers the runners
 * when the plugin starts and schedules the jobs (the host keeps one schedule per job for the whole
 * cluster, so scheduling again only replaces it); each run is claimed by one node. The cluster
 * locks in {@link OutboxDelivery} and {@link ProjectSync} still guard the work itself: a run that
 * outlasts its interval, or a sync started from the admin page, must not overlap another.
 */
public final class JiraJobs {
    private static final Logger LOG = Logger.getLogger(JiraJobs.class.getName());
    static final JobRunnerKey DELIVERY = JobRunnerKey.of("de.digitalstrategie.cockpit.jira-outbox-delivery");
    static final JobRunnerKey SYNC = JobRunnerKey.of("de.digitalstrategie.cockpit.jira-project-sync");
    static final JobRunnerKey FULL_SYNC = JobRunnerKey.of("de.digitalstrategie.cockpit.jira-project-sync-full");
    public static final JobId DELIVERY_JOB = JobId.of(DELIVERY.toString());
    public static final JobId SYNC_JOB = JobId.of(SYNC.toString());
    public static final JobId FULL_SYNC_JOB = JobId.of(FULL_SYNC.toString());
    /** A full sync that found another sync running tries again once, a little later. */
    public static final JobId FULL_SYNC_RETRY_JOB = JobId.of(FULL_SYNC + "-retry");

    static final Duration DELIVERY_INTERVAL = Duration.ofMinutes(1);
    static final Duration SYNC_INTERVAL = Duration.ofMinutes(15);
    static final Duration FULL_SYNC_INTERVAL = Duration.ofDays(1);
    static final LocalTime FULL_SYNC_AT = LocalTime.of(3, 0);
    static final Duration FULL_SYNC_RETRY = Duration.ofMinutes(5);
    private static final int DELIVERIES_PER_RUN = 200;

    private final SchedulerService scheduler;
    private final JiraConnector connector;
    private final ProjectSync sync;
    private final OutboxDelivery delivery;
    private final DecisionStateSync decisionStates;
    private final Clock clock;

    public JiraJobs(SchedulerService scheduler, JiraConnector connector, ProjectSync sync, OutboxDelivery delivery,
                    DecisionStateSync decisionStates, Clock clock) {
        this.scheduler = scheduler;
        this.connector = connector;
        this.sync = sync;
        this.delivery = delivery;
        this.decisionStates = decisionStates;
        this.clock = clock;
    }

    /** Plugin start (Spring init-method): this node's runners, the cluster's schedules. */
    public void register() throws SchedulerServiceException {
        scheduler.registerJobRunner(DELIVERY, this::deliver);
        scheduler.registerJobRunner(SYNC, request -> sync(false));
        scheduler.registerJobRunner(FULL_SYNC, request -> sync(true));
        Instant now = clock.instant();
        schedule(DELIVERY_JOB, DELIVERY, DELIVERY_INTERVAL, now.plus(DELIVERY_INTERVAL));
        schedule(SYNC_JOB, SYNC, SYNC_INTERVAL, now.plus(Duration.ofMinutes(1)));
        // At a fixed time of night, so that restarting nodes does not keep putting it off.
        ZonedDateTime tonight = ZonedDateTime.now(clock).with(FULL_SYNC_AT);
        schedule(FULL_SYNC_JOB, FULL_SYNC, FULL_SYNC_INTERVAL,
                (tonight.toInstant().isAfter(now) ? tonight : tonight.plusDays(1)).toInstant());
    }

    private void schedule(JobId id, JobRunnerKey runner, Duration interval, Instant first)
            throws SchedulerServiceException {
        scheduler.scheduleJob(id, JobConfig.forJobRunnerKey(runner).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(interval.toMillis(), Date.from(first))));
    }

    /**
     * Plugin stop (Spring destroy-method): this node runs none of the jobs any more. The schedules
     * stay, kept by the host for the other nodes and replaced on the next start.
     */
    public void unregister() {
        scheduler.unregisterJobRunner(DELIVERY);
        scheduler.unregisterJobRunner(SYNC);
        scheduler.unregisterJobRunner(FULL_SYNC);
    }

    private JobRunnerResponse deliver(JobRunnerRequest request) {
        try {
            Optional<JiraClient> jira = connector.client();
            if (jira.isEmpty()) {
                return JobRunnerResponse.success("Jira is not configured");
            }
            int delivered = delivery.deliverDue(jira.get(), connector.settings(), DELIVERIES_PER_RUN);
            return JobRunnerResponse.success(delivered + " record(s) delivered");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox delivery failed", e);
            return JobRunnerResponse.failed(e);
        }
    }

    private JobRunnerResponse sync(boolean full) {
        try {
            Optional<JiraClient> jira = connector.client();
            if (jira.isEmpty()) {
                return JobRunnerResponse.success("Jira is not configured");
            }
            // Its own high-water mark and lock: a failure of one part does not hold the other back.
            String decisionError = decisionStates.run(jira.get(), connector.settings(), full)
                    .map(DecisionStateSync.Outcome::error).orElse("");
            Optional<SyncStatus> status = sync.run(jira.get(), connector.settings(), full);
            if (!decisionError.isEmpty()) {
                return JobRunnerResponse.failed(decisionError);
            }
            if (status.isEmpty()) {
                if (full) {
                    retryFullSync();
                }
                return JobRunnerResponse.aborted("Another project sync is running");
            }
            return status.get().lastError().isEmpty() ? JobRunnerResponse.success(status.get().toString())
                    : JobRunnerResponse.failed(status.get().lastError());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Project sync failed", e);
            return JobRunnerResponse.failed(e);
        }
    }

    /** The day's full sync must not be lost to an incremental one that happened to be running. */
    private void retryFullSync() {
        try {
            scheduler.scheduleJob(FULL_SYNC_RETRY_JOB, JobConfig.forJobRunnerKey(FULL_SYNC)
                    .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.runOnce(Date.from(clock.instant().plus(FULL_SYNC_RETRY)))));
        } catch (SchedulerServiceException e) {
            LOG.log(Level.WARNING, "The full project sync could not be scheduled again; it runs tomorrow", e);
        }
    }
}
