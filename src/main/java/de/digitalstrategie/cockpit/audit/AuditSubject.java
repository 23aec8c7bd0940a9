package de.digitalstrategie.cockpit.audit;

/** The kinds of record whose status changes are audited. */
public enum AuditSubject {
    DECISION, ADVISORY_INPUT
}
