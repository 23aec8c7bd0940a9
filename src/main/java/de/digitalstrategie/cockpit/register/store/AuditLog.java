package de.digitalstrategie.cockpit.register.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.register.RecordKind;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/** The registers' audit trail: append-only, read per record in order. */
public class AuditLog {
    private final ActiveObjects ao;

    public AuditLog(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Appends an entry; call inside the transaction that makes the change. */
    public void append(AuditEntry entry) {
        ao.create(AuditEntryEntity.class,
                new DBParam(AuditEntryEntity.SUBJECT_TYPE, entry.kind().name()),
                new DBParam(AuditEntryEntity.SUBJECT_ID, entry.recordId()),
                new DBParam("ACTOR", entry.actor()),
                new DBParam("CHANGED_AT", Date.from(entry.at())),
                new DBParam("FROM_STATE", entry.from()),
                new DBParam("TO_STATE", entry.to()),
                new DBParam("COMMENT_TEXT", entry.comment()));
    }

    public List<AuditEntry> history(RecordKind kind, long recordId) {
        return Arrays.stream(ao.find(AuditEntryEntity.class, Query.select()
                        .where(AuditEntryEntity.SUBJECT_TYPE + " = ? AND " + AuditEntryEntity.SUBJECT_ID + " = ?",
                                kind.name(), recordId)
                        .order("CHANGED_AT, ID")))
                .map(e -> new AuditEntry(RecordKind.valueOf(e.getSubjectType()), e.getSubjectId(), e.getActor(),
                        toInstant(e.getChangedAt()), e.getFromState(), e.getToState(), e.getCommentText()))
                .toList();
    }
}
