package de.digitalstrategie.cockpit.register.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.register.RecordKind;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Which records of another kind a record takes up, both ways, read in batches (never per row).
 * What it holds is what the pages say; nothing here knows who may see what: the reader keeps only
 * the records on pages the viewer may see, on both ends.
 */
public class RecordLinks {
    private static final int BATCH = 500;
    private final ActiveObjects ao;

    public RecordLinks(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Replaces what a record takes up of the target kind; call inside the record's transaction. */
    public void replace(RecordKind subject, long subjectId, RecordKind target, List<String> numbers) {
        ao.deleteWithSQL(RecordLinkEntity.class, RecordLinkEntity.SUBJECT_TYPE + " = ? AND "
                + RecordLinkEntity.SUBJECT_ID + " = ? AND " + RecordLinkEntity.TARGET_TYPE + " = ?",
                subject.name(), subjectId, target.name());
        for (String number : new LinkedHashSet<>(numbers)) {
            ao.create(RecordLinkEntity.class,
                    new DBParam(RecordLinkEntity.SUBJECT_TYPE, subject.name()),
                    new DBParam(RecordLinkEntity.SUBJECT_ID, subjectId),
                    new DBParam(RecordLinkEntity.TARGET_TYPE, target.name()),
                    new DBParam(RecordLinkEntity.TARGET_NUMBER, number));
        }
    }

    /** The numbers of the target kind each of the records names, in the order the page names them. */
    public Map<Long, List<String>> targets(RecordKind subject, Collection<Long> subjectIds, RecordKind target) {
        Map<Long, List<String>> found = new LinkedHashMap<>();
        batched(RecordLinkEntity.SUBJECT_ID, subject, target, List.copyOf(new LinkedHashSet<>(subjectIds)),
                link -> found.computeIfAbsent(link.getSubjectId(), k -> new ArrayList<>()).add(link.getTargetNumber()));
        return found;
    }

    /** The ids of the records of the subject kind that name each of the numbers, oldest link first. */
    public Map<String, List<Long>> subjects(RecordKind subject, RecordKind target, Collection<String> numbers) {
        Map<String, List<Long>> found = new LinkedHashMap<>();
        batched(RecordLinkEntity.TARGET_NUMBER, subject, target, List.copyOf(new LinkedHashSet<>(numbers)),
                link -> found.computeIfAbsent(link.getTargetNumber(), k -> new ArrayList<>()).add(link.getSubjectId()));
        return found;
    }

    private void batched(String column, RecordKind subject, RecordKind target, List<?> values,
                         Consumer<RecordLinkEntity> each) {
        for (int from = 0; from < values.size(); from += BATCH) {
            List<?> batch = values.subList(from, Math.min(values.size(), from + BATCH));
            String placeholders = batch.stream().map(v -> "?").collect(Collectors.joining(","));
            List<Object> params = new ArrayList<>(List.of(subject.name(), target.name()));
            params.addAll(batch);
            ao.stream(RecordLinkEntity.class, Query.select(String.join(", ", "ID", RecordLinkEntity.SUBJECT_ID,
                            RecordLinkEntity.TARGET_NUMBER))
                    .where(RecordLinkEntity.SUBJECT_TYPE + " = ? AND " + RecordLinkEntity.TARGET_TYPE + " = ? AND "
                            + column + " IN (" + placeholders + ")", params.toArray())
                    .order("ID"), each::accept);
        }
    }
}
