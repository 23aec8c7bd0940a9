package com.atlassian.scheduler;

/**
 * Stand-in for {@code com.atlassian.scheduler.SchedulerServiceException} (atlassian-scheduler API
 * 1.6.0 javadoc: thrown by {@code scheduleJob}): a checked failure to schedule. Never packaged.
 */
public class SchedulerServiceException extends Exception {
    public SchedulerServiceException(String message) {
        super(message);
    }

    public SchedulerServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
