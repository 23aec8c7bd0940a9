package de.digitalstrategie.cockpit.audit;

/**
 * Told, inside the same transaction, whenever a decision or advisory input is recorded or
 * changes: how the outbox learns what must go to Jira without the registers knowing of Jira.
 */
@FunctionalInterface
public interface RecordListener {
    RecordListener NONE = (subject, id) -> { };

    void changed(AuditSubject subject, long id);
}
