package de.digitalstrategie.cockpit.register.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.register.RecordKind;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which projects a record concerns, read in batches (never per row). */
public class ProjectLinks {
    private static final int BATCH = 500;
    private final ActiveObjects ao;

    public ProjectLinks(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Replaces the projects a record concerns; call inside the record's transaction. */
    public void replace(RecordKind kind, long recordId, List<String> issueKeys) {
        ao.deleteWithSQL(ProjectLinkEntity.class, ProjectLinkEntity.SUBJECT_TYPE + " = ? AND "
                + ProjectLinkEntity.SUBJECT_ID + " = ?", kind.name(), recordId);
        for (String key : new LinkedHashSet<>(issueKeys)) {
            ao.create(ProjectLinkEntity.class,
                    new DBParam(ProjectLinkEntity.SUBJECT_TYPE, kind.name()),
                    new DBParam(ProjectLinkEntity.SUBJECT_ID, recordId),
                    new DBParam(ProjectLinkEntity.ISSUE_KEY, key));
        }
    }

    /** The issue keys per record id, for all the given records at once. */
    public Map<Long, List<String>> keysFor(RecordKind kind, Collection<Long> recordIds) {
        Map<Long, List<String>> keys = new HashMap<>();
        List<Long> ids = new ArrayList<>(recordIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String placeholders = batch.stream().map(id -> "?").collect(Collectors.joining(","));
            Object[] params = new Object[batch.size() + 1];
            params[0] = kind.name();
            for (int i = 0; i < batch.size(); i++) {
                params[i + 1] = batch.get(i);
            }
            ao.stream(ProjectLinkEntity.class, Query.select(String.join(", ", "ID", ProjectLinkEntity.SUBJECT_ID,
                            ProjectLinkEntity.ISSUE_KEY))
                    .where(ProjectLinkEntity.SUBJECT_TYPE + " = ? AND " + ProjectLinkEntity.SUBJECT_ID
                            + " IN (" + placeholders + ")", params)
                    .order("ID"), link -> keys.computeIfAbsent(link.getSubjectId(), k -> new ArrayList<>())
                    .add(link.getIssueKey()));
        }
        return keys;
    }

    /** The issue keys per record id, for every record of one kind, in one query (for checks across the portfolio). */
    public Map<Long, List<String>> all(RecordKind kind) {
        Map<Long, List<String>> keys = new HashMap<>();
        ao.stream(ProjectLinkEntity.class, Query.select(String.join(", ", "ID", ProjectLinkEntity.SUBJECT_ID,
                        ProjectLinkEntity.ISSUE_KEY)).where(ProjectLinkEntity.SUBJECT_TYPE + " = ?", kind.name()),
                link -> keys.computeIfAbsent(link.getSubjectId(), k -> new ArrayList<>()).add(link.getIssueKey()));
        return keys;
    }

    /** The ids of the records of one kind that concern a project. */
    public List<Long> concerning(RecordKind kind, String issueKey) {
        List<Long> ids = new ArrayList<>();
        for (ProjectLinkEntity link : ao.find(ProjectLinkEntity.class, ProjectLinkEntity.SUBJECT_TYPE + " = ? AND "
                + ProjectLinkEntity.ISSUE_KEY + " = ?", kind.name(), issueKey)) {
            ids.add(link.getSubjectId());
        }
        return ids;
    }

    /**
     * The ids of the records of one kind that concern any of the projects, each with the ones of
     * them it concerns, in one query (the projects a portfolio page shows).
     */
    public Map<Long, List<String>> concerning(RecordKind kind, Collection<String> issueKeys) {
        Map<Long, List<String>> keys = new HashMap<>();
        if (issueKeys.isEmpty()) {
            return keys;
        }
        List<Object> params = new ArrayList<>();
        params.add(kind.name());
        params.addAll(issueKeys);
        ao.stream(ProjectLinkEntity.class, Query.select(String.join(", ", "ID", ProjectLinkEntity.SUBJECT_ID,
                        ProjectLinkEntity.ISSUE_KEY)).where(ProjectLinkEntity.SUBJECT_TYPE + " = ? AND "
                        + ProjectLinkEntity.ISSUE_KEY + " IN (" + String.join(", ",
                        java.util.Collections.nCopies(issueKeys.size(), "?")) + ")", params.toArray()),
                link -> keys.computeIfAbsent(link.getSubjectId(), k -> new ArrayList<>()).add(link.getIssueKey()));
        return keys;
    }
}
