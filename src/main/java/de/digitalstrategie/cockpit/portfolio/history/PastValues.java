package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portfolio as it stood at a moment, from the changes written after it: each field a change
 * touched had the value its first later change started from (its "before"); a project whose
 * first mirroring came later did not exist yet. Fields no later change touched, and the fields
 * the history does not keep (title, texts, unit, field of action), are as they are now.
 *
 * <p>A project is followed by its Jira id where the history has one, so a project moved to
 * another key since keeps the changes written under its old key.
 */
public final class PastValues {
    private final Map<String, Map<ChangeField, Optional<String>>> before = new HashMap<>();
    private final Set<String> createdLater = new HashSet<>();

    /** @param changesAfter every change written after the moment, oldest first */
    public PastValues(List<ProjectChange> changesAfter, Map<Long, String> issueIds) {
        for (ProjectChange c : changesAfter) {
            String who = identity(c.issueKey(), issueIds.get(c.id()));
            Map<ChangeField, Optional<String>> fields = before.computeIfAbsent(who, k -> new EnumMap<>(ChangeField.class));
            if (fields.isEmpty() && c.field() == ChangeField.STATUS && c.before() == null) {
                // Its first mirroring: every project has a status, so none before means none at all.
                createdLater.add(who);
            }
            fields.putIfAbsent(c.field(), Optional.ofNullable(c.before()));
        }
    }

    private static String identity(String issueKey, String issueId) {
        return issueId == null ? "key:" + issueKey : "id:" + issueId;
    }

    /**
     * The project as it stood then; empty if it did not exist yet. A project without history
     * (mirrored before the history began) existed and had its present values.
     *
     * @param issueId its Jira id, null where unknown
     */
    public Optional<DigitalProject> of(DigitalProject now, String issueId) {
        Map<ChangeField, Optional<String>> fields = fields(now.issueKey(), issueId);
        if (fields == null) {
            return Optional.of(now);
        }
        if (createdLater.contains(identity(now.issueKey(), issueId))
                || createdLater.contains(identity(now.issueKey(), null))) {
            return Optional.empty();
        }
        TimeFrame frame = new TimeFrame(day(fields, ChangeField.START, now.timeFrame().start()),
                day(fields, ChangeField.END, now.timeFrame().end()));
        return Optional.of(new DigitalProject(now.issueKey(), now.title(), now.profile(), frame,
                money(fields, ChangeField.BUDGET, now.budgetCents()), money(fields, ChangeField.FUNDING, now.fundingCents()),
                value(fields, ChangeField.STATUS, ProjectStatus::valueOf, now.status()),
                value(fields, ChangeField.PHASE, Phase::valueOf, now.phase()),
                value(fields, ChangeField.HEALTH, Health::valueOf, now.health()),
                now.departmentKey(), now.fieldOfActionKey(), now.updated()));
    }

    /** What was written about the project after the moment, under its id and under its key. */
    private Map<ChangeField, Optional<String>> fields(String issueKey, String issueId) {
        Map<ChangeField, Optional<String>> byId = issueId == null ? null : before.get(identity(issueKey, issueId));
        Map<ChangeField, Optional<String>> byKey = before.get(identity(issueKey, null));
        if (byId == null || byKey == null) {
            return byId == null ? byKey : byId;
        }
        Map<ChangeField, Optional<String>> both = new EnumMap<>(byId);
        byKey.forEach(both::putIfAbsent);
        return both;
    }

    private static <T> T value(Map<ChangeField, Optional<String>> fields, ChangeField field,
                               java.util.function.Function<String, T> parse, T now) {
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
