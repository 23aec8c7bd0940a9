package com.atlassian.scheduler.status;

/**
 * Stand-in for {@code com.atlassian.scheduler.status.RunOutcome} (atlassian-scheduler API: the enum
 * is listed in the 1.6.0 javadoc's package summary; SUCCESS, ABORTED and FAILED are used by the
 * decompiled {@code JobRunnerResponse}; UNAVAILABLE, for a run claimed by a node without the runner,
 * is recalled, not seen). The plugin never reads it: only the sandbox's scheduler reports it.
 * Never packaged.
 */
public enum RunOutcome {
    SUCCESS,
    UNAVAILABLE,
    ABORTED,
    FAILED
}
