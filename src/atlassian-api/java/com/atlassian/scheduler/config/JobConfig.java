package com.atlassian.scheduler.config;

import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.JobConfig} (atlassian-scheduler API; the
 * decompiled class and the 1.6.0 javadoc): an immutable job configuration. As in the real class,
 * a new one runs once per cluster, once, as soon as possible. Without {@code withParameters}: the
 * plugin passes none. Never packaged.
 */
public final class JobConfig {
    private final JobRunnerKey jobRunnerKey;
    private final RunMode runMode;
    private final Schedule schedule;

    private JobConfig(JobRunnerKey jobRunnerKey, RunMode runMode, Schedule schedule) {
        this.jobRunnerKey = jobRunnerKey;
        this.runMode = runMode != null ? runMode : RunMode.RUN_ONCE_PER_CLUSTER;
        this.schedule = schedule != null ? schedule : Schedule.runOnce(null);
    }

    public static JobConfig forJobRunnerKey(JobRunnerKey jobRunnerKey) {
        return new JobConfig(Objects.requireNonNull(jobRunnerKey, "jobRunnerKey"), RunMode.RUN_ONCE_PER_CLUSTER,
                Schedule.runOnce(null));
    }

    public JobRunnerKey getJobRunnerKey() {
        return jobRunnerKey;
    }

    public RunMode getRunMode() {
        return runMode;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public JobConfig withRunMode(RunMode runMode) {
        return new JobConfig(jobRunnerKey, runMode, schedule);
    }

    public JobConfig withSchedule(Schedule schedule) {
        return new JobConfig(jobRunnerKey, runMode, schedule);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobConfig other && jobRunnerKey.equals(other.jobRunnerKey) && runMode == other.runMode
                && schedule.equals(other.schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobRunnerKey, runMode, schedule);
    }

    @Override
    public String toString() {
        return "JobConfig[jobRunnerKey=" + jobRunnerKey + ",runMode=" + runMode + ",schedule=" + schedule + "]";
    }
}
