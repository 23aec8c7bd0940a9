package de.digitalstrategie.cockpit.register;

/**
 * Told, inside the same transaction, whenever a record is recorded or changes: how the outbox
 * learns what must go to Jira without the registers knowing of Jira.
 */
@FunctionalInterface
public interface RecordListener {
    RecordListener NONE = (kind, id) -> { };

    void changed(RecordKind kind, long id);
}
