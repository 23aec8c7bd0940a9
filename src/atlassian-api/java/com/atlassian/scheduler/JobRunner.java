package com.atlassian.scheduler;

/**
 * Stand-in for {@code com.atlassian.scheduler.JobRunner} (atlassian-scheduler 2.0.0 javadoc): called
 * by the scheduler when a job is due. A {@code null} response counts as success; the runner is
 * expected to catch its own exceptions and report them with {@link JobRunnerResponse#failed}.
 * Never packaged.
 */
public interface JobRunner {
    JobRunnerResponse runJob(JobRunnerRequest request);
}
