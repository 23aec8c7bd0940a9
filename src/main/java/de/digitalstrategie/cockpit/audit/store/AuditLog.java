package de.digitalstrategie.cockpit.audit.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.audit.AuditEntry;
import de.digitalstrategie.cockpit.audit.AuditSubject;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/** The audit trail of status changes: append-only, read per record in order. */
public class AuditLog {
    private final ActiveObjects ao;

    public AuditLog(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Appends an entry; call inside the transaction that makes the change. */
    public void append(AuditEntry entry) {
        ao.create(AuditEntryEntity.class,
                new DBParam(AuditEntryEntity.SUBJECT_TYPE, entry.subject().name()),
                new DBParam(AuditEntryEntity.SUBJECT_ID, entry.subjectId()),
                new DBParam("ACTOR", entry.actor()),
                new DBParam("CHANGED_AT", Date.from(entry.at())),
                new DBParam("FROM_STATE", entry.from()),
                new DBParam("TO_STATE", entry.to()),
                new DBParam("COMMENT_TEXT", entry.comment()));
    }

    public List<AuditEntry> history(AuditSubject subject, long subjectId) {
        return Arrays.stream(ao.find(AuditEntryEntity.class, Query.select()
                        .where(AuditEntryEntity.SUBJECT_TYPE + " = ? AND " + AuditEntryEntity.SUBJECT_ID + " = ?",
                                subject.name(), subjectId)
                        .order("CHANGED_AT, ID")))
                .map(e -> new AuditEntry(AuditSubject.valueOf(e.getSubjectType()), e.getSubjectId(), e.getActor(),
                        toInstant(e.getChangedAt()), e.getFromState(), e.getToState(), e.getCommentText()))
                .toList();
    }
}
