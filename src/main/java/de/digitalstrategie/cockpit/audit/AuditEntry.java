package de.digitalstrategie.cockpit.audit;

import java.time.Instant;

/**
 * One status change: who changed which record when, from what to what, and why.
 *
 * @param actor   the user key of who made the change, or the source (e.g. "page-edit")
 * @param comment the reason given, or ""
 */
public record AuditEntry(AuditSubject subject, long subjectId, String actor, Instant at, String from, String to,
                         String comment) {
    public AuditEntry {
        comment = comment == null ? "" : comment;
    }
}
