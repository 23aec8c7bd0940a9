package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;

import java.util.Date;

/**
 * Stand-in for {@code com.atlassian.scheduler.JobRunnerRequest} (atlassian-scheduler API 1.6.0
 * javadoc): what the scheduler tells a runner about the run it starts. Never packaged.
 */
public interface JobRunnerRequest {
    Date getStartTime();

    JobId getJobId();

    JobConfig getJobConfig();

    /** Cancellation is cooperative: a long run checks this and stops early. */
    boolean isCancellationRequested();
}
