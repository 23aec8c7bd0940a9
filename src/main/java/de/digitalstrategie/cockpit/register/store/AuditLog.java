package de.digitalstrategie.cockpit.register.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.register.RecordKind;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/** The registers' audit trail: append-only, read per record in order. */
public class AuditLog {
    /** Ids per IN list: far below what every supported database takes as parameters. */
    private static final int BATCH = 500;
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
                .map(AuditLog::entry)
                .toList();
    }

    /**
     * The histories of many records of a kind, by record id, each in order: a few queries for any
     * number of records (a view listing decisions never reads one history per row).
     */
    public Map<Long, List<AuditEntry>> histories(RecordKind kind, Collection<Long> recordIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(recordIds));
        Map<Long, List<AuditEntry>> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Object> params = new ArrayList<>(List.of(kind.name()));
            params.addAll(batch);
            Arrays.stream(ao.find(AuditEntryEntity.class, Query.select()
                            .where(AuditEntryEntity.SUBJECT_TYPE + " = ? AND " + AuditEntryEntity.SUBJECT_ID + " IN ("
                                    + batch.stream().map(id -> "?").collect(Collectors.joining(",")) + ")",
                                    params.toArray())
                            .order("CHANGED_AT, ID")))
                    .map(AuditLog::entry)
                    .forEach(e -> found.computeIfAbsent(e.recordId(), k -> new ArrayList<>()).add(e));
        }
        return found;
    }

    /** Every entry about records of a kind made within {@code from <= at < until}, in order. */
    public List<AuditEntry> between(RecordKind kind, Instant from, Instant until) {
        return Arrays.stream(ao.find(AuditEntryEntity.class, Query.select()
                        .where(AuditEntryEntity.SUBJECT_TYPE + " = ? AND CHANGED_AT >= ? AND CHANGED_AT < ?",
                                kind.name(), Date.from(from), Date.from(until))
                        .order("CHANGED_AT, ID")))
                .map(AuditLog::entry)
                .toList();
    }

    private static AuditEntry entry(AuditEntryEntity e) {
        return new AuditEntry(RecordKind.valueOf(e.getSubjectType()), e.getSubjectId(), e.getActor(),
                toInstant(e.getChangedAt()), e.getFromState(), e.getToState(), e.getCommentText());
    }
}
