package com.atlassian.scheduler.status;

/**
 * Stand-in for {@code com.atlassian.scheduler.status.RunOutcome} (atlassian-scheduler API 1.6.0
 * javadoc): how a run ended; {@code UNAVAILABLE} when no runner was registered on the node that
 * claimed the run. Never packaged.
 */
public enum RunOutcome {
    SUCCESS,
    UNAVAILABLE,
    ABORTED,
    FAILED
}
