package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The portfolio as it stood at a moment, from the changes written after it: each field a change
 * touched had the value its first later change started from (its "before"); a project whose
 * first mirroring came later did not exist yet. Fields no later change touched, and the fields
 * the history does not keep (title, texts, unit, field of action), are as they are now.
 *
 * <p>A project's changes are its rows under its Jira id and its rows under its key that carry no
 * other id, taken together in the order they were written (time, then row): which identifier a
 * row carries says nothing about when it was made. So a project moved to another key since keeps
 * the changes written under its old key, and an edit written under its key alone counts where it
 * happened.
 *
 * <p>A project removed from the portfolio after the moment existed then: its removal row carries
 * its last state, which stands in for "now" (see {@link #removedSince()}). One that came back
 * since is read from its rows before the removal; the first mirroring after it is a new start.
 */
public final class PastValues {
    private final List<ProjectChange> changes;
    private final Map<Long, DigitalProject> removedStates;
    /** Positions in {@link #changes} of each Jira id's rows and each key's rows. */
    private final Map<String, List<Integer>> byId = new HashMap<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    /**
     * @param changesAfter  every change written after the moment, in the order they were written
     * @param removedStates each removal row's project as it stood when removed, by the row's id
     */
    public PastValues(List<ProjectChange> changesAfter, Map<Long, DigitalProject> removedStates) {
        this.changes = List.copyOf(changesAfter);
        this.removedStates = Map.copyOf(removedStates);
        for (int i = 0; i < changes.size(); i++) {
            ProjectChange c = changes.get(i);
            if (c.issueId() != null) {
                byId.computeIfAbsent(c.issueId(), k -> new ArrayList<>()).add(i);
            }
            byKey.computeIfAbsent(c.issueKey(), k -> new ArrayList<>()).add(i);
        }
    }

    /**
     * The project as it stood then; empty if it did not exist yet (or no longer, between a removal
     * and its return). A project without history (mirrored before the history began) existed and
     * had its present values.
     *
     * @param issueId its Jira id, null where unknown
     */
    public Optional<DigitalProject> of(DigitalProject now, String issueId) {
        return then(own(now.issueKey(), issueId), now);
    }

    /**
     * The projects that existed at the moment and were removed from the portfolio since, each as
     * it stood then, with the key and Jira id it was removed under (one entry per removed
     * project, its first removal after the moment). Whoever asks also asks {@link #of} for the
     * projects the mirror holds now: a removed project that came back is one of those.
     */
    public List<Removed> removedSince() {
        Map<String, Removed> removed = new LinkedHashMap<>();
        for (ProjectChange c : changes) {
            String who = c.issueId() == null ? "key:" + c.issueKey() : "id:" + c.issueId();
            if (c.field() == ChangeField.REMOVED && removedStates.containsKey(c.id()) && !removed.containsKey(who)) {
                then(own(c.issueKey(), c.issueId()), null)
                        .ifPresent(p -> removed.put(who, new Removed(c.issueKey(), c.issueId(), p)));
            }
        }
        return List.copyOf(removed.values());
    }

    /**
     * A project removed from the portfolio after the moment, as it stood then.
     *
     * @param issueId its Jira id when removed, null where unknown
     */
    public record Removed(String issueKey, String issueId, DigitalProject then) {
    }

    /**
     * The positions of a project's changes, in the order written: its rows under its id and its
     * rows under its key that carry no other id (all of its key's rows when its id is unknown).
     */
    private List<Integer> own(String issueKey, String issueId) {
        TreeSet<Integer> own = new TreeSet<>();
        if (issueId != null) {
            own.addAll(byId.getOrDefault(issueId, List.of()));
        }
        for (int i : byKey.getOrDefault(issueKey, List.of())) {
            String id = changes.get(i).issueId();
            if (issueId == null || id == null || id.equals(issueId)) {
                own.add(i);
            }
        }
        return new ArrayList<>(own);
    }

    /**
     * The project as it stood at the moment, from its changes after it; {@code now} null for one
     * the mirror no longer holds (its removal's last state stands in).
     */
    private Optional<DigitalProject> then(List<Integer> own, DigitalProject now) {
        if (own.isEmpty()) {
            return Optional.ofNullable(now);
        }
        ProjectChange first = changes.get(own.get(0));
        if (first.field() == ChangeField.STATUS && first.before() == null) {
            // Its first mirroring: every project has a status, so none before means none at all.
            return Optional.empty();
        }
        Map<ChangeField, Optional<String>> fields = new EnumMap<>(ChangeField.class);
        DigitalProject base = now;
        for (int i : own) {
            ProjectChange c = changes.get(i);
            if (c.field() == ChangeField.REMOVED) {
                DigitalProject last = removedStates.get(c.id());
                if (last == null) {
                    continue;
                }
                // Until its removal it stood as it was left, in each field no earlier change touched;
                // what came after the removal is a later life.
                for (ChangeField f : ChangeField.values()) {
                    if (f.mirrored()) {
                        fields.putIfAbsent(f, Optional.ofNullable(f.of(last)));
                    }
                }
                if (base == null) {
                    base = last;
                }
                break;
            }
            fields.putIfAbsent(c.field(), Optional.ofNullable(c.before()));
        }
        if (base == null) {
            return Optional.empty();
        }
        TimeFrame frame = new TimeFrame(day(fields, ChangeField.START, base.timeFrame().start()),
                day(fields, ChangeField.END, base.timeFrame().end()));
        return Optional.of(new DigitalProject(base.issueKey(), base.title(), base.profile(), frame,
                money(fields, ChangeField.BUDGET, base.budgetCents()), money(fields, ChangeField.FUNDING, base.fundingCents()),
                value(fields, ChangeField.STATUS, ProjectStatus::valueOf, base.status()),
                value(fields, ChangeField.PHASE, Phase::valueOf, base.phase()),
                value(fields, ChangeField.HEALTH, Health::valueOf, base.health()),
                base.departmentKey(), base.fieldOfActionKey(), base.updated()));
    }

    private static <T> T value(Map<ChangeField, Optional<String>> fields, ChangeField field,
                               Function<String, T> parse, T now) {
        Optional<String> then = fields.get(field);
        return then == null || then.isEmpty() ? now : parse.apply(then.get());
    }

    private static long money(Map<ChangeField, Optional<String>> fields, ChangeField field, long now) {
        return value(fields, field, Long::parseLong, now);
    }

    private static LocalDate day(Map<ChangeField, Optional<String>> fields, ChangeField field, LocalDate now) {
        Optional<String> then = fields.get(field);
        // An empty "before" of a day is an open end (or start): no day then.
        return then == null ? now : then.map(LocalDate::parse).orElse(null);
    }
}
