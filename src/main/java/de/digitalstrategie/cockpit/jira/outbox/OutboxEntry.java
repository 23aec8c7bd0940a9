package de.digitalstrategie.cockpit.jira.outbox;

import de.digitalstrategie.cockpit.register.RecordKind;

import java.time.Instant;

/**
 * A record's delivery to Jira as the admin page shows it.
 *
 * @param held      not sent, as its minutes page is restricted
 * @param lastError what Jira (or the network) said the last time, or ""
 */
public record OutboxEntry(RecordKind kind, long recordId, boolean delivered, boolean held, int attempts,
                          Instant nextAttempt,
                          String jiraKey, String lastError) {
}
