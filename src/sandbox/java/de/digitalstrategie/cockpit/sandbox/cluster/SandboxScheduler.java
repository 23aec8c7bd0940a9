package de.digitalstrategie.cockpit.sandbox.cluster;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.IntervalScheduleInfo;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.RunOutcome;
import de.digitalstrategie.cockpit.sandbox.ao.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host's scheduler (atlassian-scheduler) as Confluence Data Center runs it with Caesium: job
 * runners are registered per node and live in memory; a job scheduled {@code RUN_ONCE_PER_CLUSTER}
 * is a row in a table of the shared database, and each of its runs is claimed by one node with an
 * optimistic update of the row's next run time and version, committed at once on the node's own
 * connection (Caesium's {@code ClusteredJobDao.updateNextRunTime(jobId, next, expectedVersion)}),
 * so two nodes due at the same moment cannot both run it. A {@code RUN_LOCALLY} job lives in this
 * node's memory only. Scheduling under an existing id replaces the job, cluster-wide for a
 * clustered one.
 *
 * <p>As strict as Caesium's defaults (decompiled {@code CaesiumSchedulerService}): an interval is
 * rounded up to whole minutes (its {@code quantize}, unless the host turns on fine-grained
 * schedules), so the plugin cannot rely on shorter ones; a run is claimed before the runner is
 * looked up, and a node without the runner loses that run ({@code UNAVAILABLE}); a run that
 * outlasts its interval does not stop another node from claiming the next one, so the work itself
 * must still guard against overlap.
 *
 * <p>{@link #start()} runs due jobs on worker threads, as the host does. Tests leave it stopped
 * and call {@link #runPending()}, which runs what is due now in the calling thread until nothing
 * is (the work the scheduler would have done by then).
 */
public final class SandboxScheduler implements SchedulerService, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxScheduler.class.getName());
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final int MAX_CLAIMS = 50;

    private final NodeConnection db;
    private final String nodeId;
    private final Clock clock;
    private final Map<JobRunnerKey, JobRunner> runners = new ConcurrentHashMap<>();
    private final Map<JobId, LocalJob> localJobs = new ConcurrentHashMap<>();
    private final Set<JobId> running = ConcurrentHashMap.newKeySet();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private ExecutorService workers;
    private Thread poller;
    private volatile boolean closing;

    public SandboxScheduler(Database database, Clock clock) {
        this(database, "node-" + UUID.randomUUID(), clock);
    }

    public SandboxScheduler(Database database, String nodeId, Clock clock) {
        this.db = new NodeConnection(database);
        this.nodeId = nodeId;
        this.clock = clock;
        db.ensureTable("CREATE TABLE IF NOT EXISTS sandbox_clustered_job (job_id VARCHAR(255) PRIMARY KEY, "
                + "runner_key VARCHAR(255) NOT NULL, interval_ms BIGINT NOT NULL, first_run BIGINT, next_run BIGINT, "
                + "version BIGINT NOT NULL)");
    }

    /** One run this node made: which job, when, and how it ended. */
    public record Run(String node, JobId jobId, JobRunnerKey runner, Date startTime, RunOutcome outcome,
                      String message) {
    }

    private record LocalJob(JobId id, JobConfig config, long intervalMs, Long nextRun) {
    }

    private record ClusteredJob(JobId id, JobRunnerKey runner, long intervalMs, Long firstRun, long nextRun,
                                long version) {
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner) {
        runners.put(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"), Objects.requireNonNull(jobRunner, "jobRunner"));
    }

    @Override
    public void unregisterJobRunner(JobRunnerKey jobRunnerKey) {
        runners.remove(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"));
    }

    @Override
    public void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobConfig, "jobConfig");
        Schedule schedule = jobConfig.getSchedule();
        if (schedule.getType() != Schedule.Type.INTERVAL) {
            throw new SchedulerServiceException("The sandbox schedules interval and run-once jobs only: " + schedule);
        }
        IntervalScheduleInfo info = schedule.getIntervalScheduleInfo();
        long interval = quantize(info.getIntervalInMillis());
        long first = info.getFirstRunTime() != null ? info.getFirstRunTime().getTime() : clock.millis();
        try {
            if (jobConfig.getRunMode() == RunMode.RUN_LOCALLY) {
                localJobs.put(jobId, new LocalJob(jobId, jobConfig, interval, first));
                deleteClustered(jobId);
            } else {
                localJobs.remove(jobId);
                createOrReplace(jobId, jobConfig.getJobRunnerKey(), interval,
                        info.getFirstRunTime() == null ? null : info.getFirstRunTime().getTime(), first);
            }
        } catch (SQLException e) {
            throw new SchedulerServiceException("Could not schedule job " + jobId, e);
        }
    }

    /** Caesium rounds intervals up to whole minutes unless fine-grained schedules are on; 0 (run once) stays. */
    static long quantize(long intervalMs) {
        return intervalMs <= 0 ? 0 : ((intervalMs + MINUTE - 1) / MINUTE) * MINUTE;
    }

    private void createOrReplace(JobId id, JobRunnerKey runner, long interval, Long firstRun, long next)
            throws SQLException, SchedulerServiceException {
        for (int attempt = 1; attempt <= MAX_CLAIMS; attempt++) {
            deleteClustered(id);
            boolean created = db.call(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO sandbox_clustered_job (job_id, runner_key, "
                        + "interval_ms, first_run, next_run, version) VALUES (?, ?, ?, ?, ?, 1)")) {
                    s.setString(1, id.toString());
                    s.setString(2, runner.toString());
                    s.setLong(3, interval);
                    if (firstRun == null) {
                        s.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        s.setLong(4, firstRun);
                    }
                    s.setLong(5, next);
                    return s.executeUpdate() == 1;
                } catch (SQLException raced) {
                    // Another node scheduled the same job at the same moment: delete and try again, as Caesium does.
                    return false;
                }
            });
            if (created) {
                return;
            }
        }
        throw new SchedulerServiceException("Unable to either create or replace clustered job " + id);
    }

    private void deleteClustered(JobId id) throws SQLException {
        db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sandbox_clustered_job WHERE job_id = ?")) {
                s.setString(1, id.toString());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void unscheduleJob(JobId jobId) {
        localJobs.remove(jobId);
        try {
            deleteClustered(jobId);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not unschedule clustered job " + jobId, e);
        }
    }

    /** A job as the host's scheduler administration page lists it. */
    public record Scheduled(JobId id, JobRunnerKey runner, RunMode runMode, long intervalMs, Date nextRun) {
    }

    /** Every job this node knows: its local ones and the cluster's, by id. */
    public List<Scheduled> scheduledJobs() {
        List<Scheduled> jobs = new ArrayList<>();
        localJobs.values().forEach(j -> jobs.add(new Scheduled(j.id(), j.config().getJobRunnerKey(), RunMode.RUN_LOCALLY,
                j.intervalMs(), j.nextRun() == null ? null : new Date(j.nextRun()))));
        try {
            db.call(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT job_id, runner_key, interval_ms, next_run "
                        + "FROM sandbox_clustered_job")) {
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long next = rs.getLong(4);
                            jobs.add(new Scheduled(JobId.of(rs.getString(1)), JobRunnerKey.of(rs.getString(2)),
                                    RunMode.RUN_ONCE_PER_CLUSTER, rs.getLong(3), rs.wasNull() ? null : new Date(next)));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        jobs.sort(java.util.Comparator.comparing(Scheduled::id));
        return jobs;
    }

    /** Whether a clustered job is scheduled (for tests and the health report). */
    public boolean isScheduled(JobId jobId) {
        if (localJobs.containsKey(jobId)) {
            return true;
        }
        try {
            return db.call(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM sandbox_clustered_job WHERE job_id = ?")) {
                    s.setString(1, jobId.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getInt(1) > 0;
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runs this node made, oldest first. */
    public List<Run> runs() {
        return List.copyOf(runs);
    }

    // --- running due jobs ---

    /**
     * Runs, in the calling thread, every job that is due now on this node (local ones, and the
     * clustered ones this node can claim), again and again until none is, and waits for runs
     * the workers have under way. Returns how many runs it made.
     */
    public int runPending() {
        int made = 0;
        for (int round = 0; round < 1000; round++) {
            List<Runnable> due = dueRuns();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(Runnable::run);
            made += due.size();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return made;
    }

    /** What is due now, each as a run that claims its job first (a run that loses the claim does nothing). */
    private List<Runnable> dueRuns() {
        long now = clock.millis();
        List<Runnable> due = new ArrayList<>();
        for (LocalJob job : localJobs.values()) {
            if (job.nextRun() != null && job.nextRun() <= now && !running.contains(job.id())) {
                due.add(() -> runLocal(job));
            }
        }
        for (ClusteredJob job : dueClustered(now)) {
            if (!running.contains(job.id())) {
                due.add(() -> runClustered(job));
            }
        }
        return due;
    }

    private List<ClusteredJob> dueClustered(long now) {
        try {
            return db.call(c -> {
                List<ClusteredJob> jobs = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT job_id, runner_key, interval_ms, first_run, "
                        + "next_run, version FROM sandbox_clustered_job WHERE next_run IS NOT NULL AND next_run <= ? "
                        + "ORDER BY next_run, job_id")) {
                    s.setLong(1, now);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long first = rs.getLong(4);
                            Long firstRun = rs.wasNull() ? null : first;
                            jobs.add(new ClusteredJob(JobId.of(rs.getString(1)), JobRunnerKey.of(rs.getString(2)),
                                    rs.getLong(3), firstRun, rs.getLong(5), rs.getLong(6)));
                        }
                    }
                }
                return jobs;
            });
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the clustered jobs", e);
            return List.of();
        }
    }

    private void runLocal(LocalJob job) {
        if (!running.add(job.id())) {
            return;
        }
        try {
            long firedAt = clock.millis();
            Long next = job.intervalMs() > 0 ? firedAt + job.intervalMs() : null;
            // Only if it was not scheduled anew meanwhile: a new schedule replaces this one.
            boolean current = next == null ? localJobs.remove(job.id(), job)
                    : localJobs.replace(job.id(), job, new LocalJob(job.id(), job.config(), job.intervalMs(), next));
            if (!current) {
                return;
            }
            launch(job.id(), job.config(), firedAt);
        } finally {
            running.remove(job.id());
        }
    }

    private void runClustered(ClusteredJob job) {
        if (!running.add(job.id())) {
            return;
        }
        try {
            long firedAt = clock.millis();
            Long next = job.intervalMs() > 0 ? firedAt + job.intervalMs() : null;
            boolean claimed = db.call(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE sandbox_clustered_job SET next_run = ?, "
                        + "version = version + 1 WHERE job_id = ? AND version = ?")) {
                    if (next == null) {
                        s.setNull(1, java.sql.Types.BIGINT);
                    } else {
                        s.setLong(1, next);
                    }
                    s.setString(2, job.id().toString());
                    s.setLong(3, job.version());
                    return s.executeUpdate() == 1;
                }
            });
            if (!claimed) {
                // Another node got there first.
                return;
            }
            JobConfig config = JobConfig.forJobRunnerKey(job.runner()).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                    .withSchedule(Schedule.forInterval(job.intervalMs(),
                            job.firstRun() == null ? null : new Date(job.firstRun())));
            launch(job.id(), config, firedAt);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not claim clustered job " + job.id(), e);
        } finally {
            running.remove(job.id());
        }
    }

    private void launch(JobId id, JobConfig config, long firedAt) {
        JobRunner runner = runners.get(config.getJobRunnerKey());
        Date start = new Date(firedAt);
        if (runner == null) {
            LOG.log(Level.INFO, "Job {0}: no runner {1} registered on node {2}", new Object[]{id,
                    config.getJobRunnerKey(), nodeId});
            runs.add(new Run(nodeId, id, config.getJobRunnerKey(), start, RunOutcome.UNAVAILABLE, "no runner"));
            return;
        }
        JobRunnerRequest request = new JobRunnerRequest() {
            @Override
            public Date getStartTime() {
                return new Date(firedAt);
            }

            @Override
            public JobId getJobId() {
                return id;
            }

            @Override
            public JobConfig getJobConfig() {
                return config;
            }

            @Override
            public boolean isCancellationRequested() {
                return closing;
            }
        };
        try {
            JobRunnerResponse response = runner.runJob(request);
            RunOutcome outcome = response == null ? RunOutcome.SUCCESS : response.getRunOutcome();
            String message = response == null ? "" : response.getMessage();
            if (outcome == RunOutcome.FAILED) {
                LOG.log(Level.WARNING, "Job {0} failed on node {1}: {2}", new Object[]{id, nodeId, message});
            }
            runs.add(new Run(nodeId, id, config.getJobRunnerKey(), start, outcome, message));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "Job " + id + " threw on node " + nodeId, t);
            runs.add(new Run(nodeId, id, config.getJobRunnerKey(), start, RunOutcome.FAILED, t.toString()));
        }
    }

    /** Runs due jobs on worker threads from now on, as the host's scheduler does. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sandbox-scheduler-worker");
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(() -> {
            while (!closing) {
                try {
                    for (Runnable run : dueRuns()) {
                        workers.execute(run);
                    }
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Scheduler poll failed", e);
                }
            }
        }, "sandbox-scheduler");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (poller != null) {
            poller.interrupt();
            workers.shutdown();
            try {
                workers.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        db.close();
    }
}
