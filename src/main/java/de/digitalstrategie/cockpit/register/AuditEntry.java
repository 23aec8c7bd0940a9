package de.digitalstrategie.cockpit.register;

import java.time.Instant;

/**
 * One step in a record's history: who changed which record when, from what status to what, and why.
 *
 * @param actor   the user key of who made the change, or the source (e.g. "page:4711/v3")
 * @param from    the status before, null when the record was created
 * @param comment the reason given, or ""
 */
public record AuditEntry(RecordKind kind, long recordId, String actor, Instant at, String from, String to,
                         String comment) {
    public AuditEntry {
        comment = comment == null ? "" : comment;
    }
}
