package de.digitalstrategie.cockpit.jira.sync;

import java.time.Instant;

/**
 * What the admin page shows of the project sync: progress while it runs (issues read of total),
 * the outcome of the last run, and the problem if it failed.
 */
public record SyncStatus(boolean running, boolean full, int read, int total, int removed, int rejected,
                         Instant startedAt, Instant finishedAt, Instant highWater, String lastError) {
}
