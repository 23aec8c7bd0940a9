package de.digitalstrategie.cockpit.register.rest;

import de.digitalstrategie.cockpit.register.AuditEntry;

import java.time.Instant;

/**
 * One step of a record's audit trail, as the REST API shows it.
 *
 * @param from the status before, null when the record was created
 */
public record AuditJson(String actor, Instant at, String from, String to, String comment) {
    static AuditJson of(AuditEntry e) {
        return new AuditJson(e.actor(), e.at(), e.from(), e.to(), e.comment());
    }
}
