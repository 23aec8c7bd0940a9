package com.atlassian.scheduler.config;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.RunMode} (atlassian-scheduler API 1.6.0
 * javadoc). {@code RUN_ONCE_PER_CLUSTER}: each time the job triggers, one node runs it, and its
 * schedule survives restarts (the runner must still be registered on every start).
 * {@code RUN_LOCALLY}: only this node, kept in memory only. Never packaged.
 */
public enum RunMode {
    RUN_ONCE_PER_CLUSTER,
    RUN_LOCALLY
}
