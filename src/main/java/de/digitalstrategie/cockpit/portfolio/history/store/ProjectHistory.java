package de.digitalstrategie.cockpit.portfolio.history.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ChangeSource;
import de.digitalstrategie.cockpit.portfolio.history.PastValues;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/**
 * Each project's history: every change of its status, phase, health, budget, funding, time frame
 * and publication, with when it was written, where it came from and who made it. Append-only.
 *
 * <p>Written by {@code ProjectStore} alone, inside the transaction of the write that makes the
 * change, so the history holds exactly the changes the mirror holds: a write that rolls back
 * leaves no row, and no caller can change a project without its history. Read by whatever
 * shows a project's course (the public feed of its changes).
 */
public class ProjectHistory {
    private static final String COLUMNS = String.join(", ", "ID", ProjectChangeEntity.ISSUE_KEY,
            ProjectChangeEntity.ISSUE_ID, ProjectChangeEntity.CHANGED_AT, ProjectChangeEntity.CHANGE_SOURCE,
            ProjectChangeEntity.ACTOR, ProjectChangeEntity.FIELD_NAME, ProjectChangeEntity.OLD_VALUE,
            ProjectChangeEntity.NEW_VALUE);
    private final ActiveObjects ao;
    private final Clock clock;

    public ProjectHistory(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /**
     * Appends what differs between two states of a project (before: null for a new one) and
     * returns how many fields changed. Only for the store's write path, inside its transaction.
     */
    public int record(DigitalProject before, DigitalProject after, String issueId, ChangeSource source,
                      String actor) {
        Date at = Date.from(clock.instant());
        int changed = 0;
        for (ChangeField field : ChangeField.values()) {
            if (field.mirrored() && field.changed(before, after)) {
                append(after.issueKey(), issueId, at, source, actor, field, field.of(before), field.of(after), null);
                changed++;
            }
        }
        return changed;
    }

    /** Appends one change of a field the cockpit itself keeps (see {@link ChangeField#PUBLIC}). */
    public void recordSetting(String issueKey, String issueId, String actor, ChangeField field, String before,
                              String after) {
        append(issueKey, issueId, Date.from(clock.instant()), ChangeSource.EDIT, actor, field, before, after, null);
    }

    /**
     * Appends that the project left the portfolio (its issue deleted in Jira or no longer part of
     * it), with its last state: without it the days it existed would lose it. Only for the store's
     * write path, inside the transaction that removes it.
     */
    public void recordRemoval(DigitalProject last, String issueId) {
        append(last.issueKey(), issueId, Date.from(clock.instant()), ChangeSource.JIRA_SYNC, null,
                ChangeField.REMOVED, null, null, LastState.write(last));
    }

    private void append(String issueKey, String issueId, Date at, ChangeSource source, String actor,
                        ChangeField field, String before, String after, String lastState) {
        ao.create(ProjectChangeEntity.class,
                new DBParam(ProjectChangeEntity.ISSUE_KEY, issueKey),
                new DBParam(ProjectChangeEntity.ISSUE_ID, issueId),
                new DBParam(ProjectChangeEntity.CHANGED_AT, at),
                new DBParam(ProjectChangeEntity.CHANGE_SOURCE, source.name()),
                new DBParam(ProjectChangeEntity.ACTOR, actor),
                new DBParam(ProjectChangeEntity.FIELD_NAME, field.name()),
                new DBParam(ProjectChangeEntity.OLD_VALUE, before),
                new DBParam(ProjectChangeEntity.NEW_VALUE, after),
                new DBParam(ProjectChangeEntity.LAST_STATE, lastState));
    }

    /** A project's most recent changes, newest first, at most {@code limit}. */
    public List<ProjectChange> of(String issueKey, int limit) {
        List<ProjectChange> changes = new ArrayList<>();
        ao.stream(ProjectChangeEntity.class, Query.select(COLUMNS)
                .where(ProjectChangeEntity.ISSUE_KEY + " = ?", issueKey).order("ID DESC").limit(limit),
                e -> changes.add(toChange(e)));
        return changes;
    }

    /** When the project's history last changed, if it has any. */
    public Optional<Instant> lastChange(String issueKey) {
        ProjectChangeEntity[] last = ao.find(ProjectChangeEntity.class, Query.select("ID, "
                + ProjectChangeEntity.CHANGED_AT).where(ProjectChangeEntity.ISSUE_KEY + " = ?", issueKey)
                // By time, not id: two nodes write rows with ids and clocks of their own.
                .order(ProjectChangeEntity.CHANGED_AT + " DESC, ID DESC").limit(1));
        return last.length == 0 ? Optional.empty() : Optional.of(toInstant(last[0].getChangedAt()));
    }

    /**
     * When each of the projects' histories last changed, in one query however many projects are
     * asked for (the public list asks for every published one on each request).
     */
    public Map<String, Instant> lastChanges(Collection<String> issueKeys) {
        Map<String, Instant> last = new HashMap<>();
        if (issueKeys.isEmpty()) {
            return last;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(issueKeys.size(), "?"));
        ao.stream(ProjectChangeEntity.class, Query.select("ID, " + ProjectChangeEntity.ISSUE_KEY + ", "
                        + ProjectChangeEntity.CHANGED_AT)
                        .where(ProjectChangeEntity.ISSUE_KEY + " IN (" + marks + ")", issueKeys.toArray()),
                e -> last.merge(e.getIssueKey(), toInstant(e.getChangedAt()),
                        (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }

    /**
     * Every change of one field written at or after {@code since}, oldest first: how the portfolio
     * moved since a day (a meeting preparation asks for the health since the body's last meeting).
     */
    public List<ProjectChange> changesSince(ChangeField field, Instant since) {
        List<ProjectChange> changes = new ArrayList<>();
        ao.stream(ProjectChangeEntity.class, Query.select(COLUMNS)
                        .where(ProjectChangeEntity.FIELD_NAME + " = ? AND " + ProjectChangeEntity.CHANGED_AT + " >= ?",
                                field.name(), Date.from(since))
                        .order(ProjectChangeEntity.CHANGED_AT + ", ID"),
                e -> changes.add(toChange(e)));
        return changes;
    }

    /**
     * Every change of every project written at or after {@code since}, oldest first, in one query:
     * the evidence checks judge the whole portfolio's recent course at once.
     */
    public List<ProjectChange> allSince(Instant since) {
        List<ProjectChange> changes = new ArrayList<>();
        ao.stream(ProjectChangeEntity.class, Query.select(COLUMNS)
                        .where(ProjectChangeEntity.CHANGED_AT + " >= ?", Date.from(since))
                        .order(ProjectChangeEntity.CHANGED_AT + ", ID"),
                e -> changes.add(toChange(e)));
        return changes;
    }

    /**
     * Every change of the given projects written at or after {@code since}, oldest first, in one
     * query: the evidence checks of the projects a portfolio page or a profile shows.
     */
    public List<ProjectChange> since(Collection<String> issueKeys, Instant since) {
        List<ProjectChange> changes = new ArrayList<>();
        if (issueKeys.isEmpty()) {
            return changes;
        }
        List<Object> params = new ArrayList<>(issueKeys);
        params.add(Date.from(since));
        ao.stream(ProjectChangeEntity.class, Query.select(COLUMNS)
                        .where(ProjectChangeEntity.ISSUE_KEY + " IN (" + String.join(", ",
                                java.util.Collections.nCopies(issueKeys.size(), "?")) + ") AND "
                                + ProjectChangeEntity.CHANGED_AT + " >= ?", params.toArray())
                        .order(ProjectChangeEntity.CHANGED_AT + ", ID"),
                e -> changes.add(toChange(e)));
        return changes;
    }

    /**
     * When one of the fields last changed, per project, for the given projects only (one query; an
     * evidence check asks for the few projects that report completion while their issue is open).
     */
    public Map<String, Instant> lastChanges(Collection<String> issueKeys, java.util.Set<ChangeField> fields) {
        Map<String, Instant> last = new HashMap<>();
        if (issueKeys.isEmpty() || fields.isEmpty()) {
            return last;
        }
        List<Object> params = new ArrayList<>(issueKeys);
        fields.forEach(f -> params.add(f.name()));
        ao.stream(ProjectChangeEntity.class, Query.select("ID, " + ProjectChangeEntity.ISSUE_KEY + ", "
                        + ProjectChangeEntity.CHANGED_AT).where(ProjectChangeEntity.ISSUE_KEY + " IN ("
                        + String.join(", ", java.util.Collections.nCopies(issueKeys.size(), "?")) + ") AND "
                        + ProjectChangeEntity.FIELD_NAME + " IN ("
                        + String.join(", ", java.util.Collections.nCopies(fields.size(), "?")) + ")", params.toArray()),
                e -> last.merge(e.getIssueKey(), toInstant(e.getChangedAt()), (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }

    /** The zone the history's days are counted in: the server's, as every "today" of the cockpit. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /**
     * The portfolio's fields as they stood at the end of {@code day}: one query over the changes
     * written after it (by the index on their time), however many projects there are.
     */
    public PastValues asOf(LocalDate day) {
        return asOf(List.of(day)).get(0);
    }

    /**
     * The portfolio's fields as they stood at the end of each of the days, in their order: still
     * one query, over the changes written after the earliest of them.
     */
    public List<PastValues> asOf(List<LocalDate> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        List<ProjectChange> after = new ArrayList<>();
        Map<Long, DigitalProject> removed = new HashMap<>();
        // By time, then id: the order the changes were made in, whichever identifier a row carries.
        ao.stream(ProjectChangeEntity.class, Query.select(COLUMNS + ", " + ProjectChangeEntity.LAST_STATE)
                        .where(ProjectChangeEntity.CHANGED_AT + " >= ?", Date.from(endOf(first)))
                        .order(ProjectChangeEntity.CHANGED_AT + ", ID"),
                e -> {
                    ProjectChange c = toChange(e);
                    after.add(c);
                    if (c.field() == ChangeField.REMOVED && e.getLastState() != null) {
                        removed.put(c.id(), LastState.read(e.getLastState()));
                    }
                });
        List<PastValues> states = new ArrayList<>();
        for (LocalDate day : days) {
            Instant end = endOf(day);
            int from = 0;
            while (from < after.size() && after.get(from).at().isBefore(end)) {
                from++;
            }
            states.add(new PastValues(after.subList(from, after.size()), removed));
        }
        return states;
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    private static ProjectChange toChange(ProjectChangeEntity e) {
        return new ProjectChange(e.getID(), e.getIssueKey(), e.getIssueId(), toInstant(e.getChangedAt()),
                ChangeSource.valueOf(e.getChangeSource()), e.getActor(), ChangeField.valueOf(e.getFieldName()),
                e.getOldValue(), e.getNewValue());
    }
}
