package com.atlassian.scheduler;

import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;

/**
 * Stand-in for {@code com.atlassian.scheduler.SchedulerService} (atlassian-scheduler API; signatures
 * as in the decompiled API jar and the 1.6.0 javadoc): the host's cluster-aware scheduler. Runners
 * are registered per node; a job scheduled {@code RUN_ONCE_PER_CLUSTER} is stored in the database
 * and each of its runs is claimed by one node. Scheduling a job under an existing id replaces it.
 * Only the members the plugin calls. Never packaged.
 */
public interface SchedulerService {
    void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner);

    void unregisterJobRunner(JobRunnerKey jobRunnerKey);

    void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException;

    void unscheduleJob(JobId jobId);
}
