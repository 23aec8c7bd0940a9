package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules, over one {@link Evidence} of the whole portfolio. Days are the city's (the clock's
 * zone); a window is inclusive at both ends.
 *
 * <ul>
 *   <li>{@link Rule#STALE}: health green and status running, and the last change (in the history or
 *   Jira's {@code updated}, whichever is later) lies more than {@code staleWeeks} weeks back.</li>
 *   <li>{@link Rule#OVERDUE}: as {@link DigitalProject#overdue} says today.</li>
 *   <li>{@link Rule#HEALTH_UNBACKED}: the project's last change of health made it better (red to
 *   amber or green, amber to green), within the look-back, with no decision about the project and
 *   no change of another of its fields (publication aside) within the window around it. A first
 *   mirroring is no change, and backs none.</li>
 *   <li>{@link Rule#COMPLETED_OPEN}: phase completed while the status is open. The status is what
 *   the sync reads off the issue's status category (done: finished; in progress: running; to do:
 *   planned), so an open status is an issue not done.</li>
 *   <li>{@link Rule#BUDGET_UNBACKED}: each change of the budget within the look-back with no
 *   decision about the project within the window around it.</li>
 * </ul>
 */
public class EvidenceRules {
    private final Clock clock;

    public EvidenceRules(Clock clock) {
        this.clock = clock;
    }

    /** From when the history must be read for the rules to see every change they judge. */
    public Instant readFrom(EvidenceSettings settings) {
        Instant now = clock.instant();
        Instant stale = now.minus(Duration.ofDays(7L * settings.staleWeeks()));
        Instant changes = now.minus(Duration.ofDays((long) settings.lookbackDays() + settings.windowDays() + 1));
        return stale.isBefore(changes) ? stale : changes;
    }

    /** The open flags, by rule, then by the day they started, then by key. */
    public List<Flag> evaluate(Evidence evidence, EvidenceSettings settings) {
        if (evidence.since().isAfter(readFrom(settings))) {
            throw new IllegalArgumentException("history read from " + evidence.since() + ", needed from "
                    + readFrom(settings));
        }
        Map<String, List<ProjectChange>> changes = new HashMap<>();
        for (ProjectChange c : evidence.changes()) {
            changes.computeIfAbsent(c.issueKey(), k -> new ArrayList<>()).add(c);
        }
        List<Flag> flags = new ArrayList<>();
        for (DigitalProject p : evidence.projects()) {
            List<ProjectChange> own = changes.getOrDefault(p.issueKey(), List.of());
            List<LocalDate> decided = evidence.decisions().getOrDefault(p.issueKey(), List.of());
            stale(p, own, settings, flags);
            overdue(p, flags);
            healthUnbacked(p, own, decided, settings, flags);
            completedOpen(p, evidence.entered().get(p.issueKey()), flags);
            budgetUnbacked(p, own, decided, settings, flags);
        }
        flags.sort(Comparator.comparing(Flag::rule).thenComparing(Flag::since).thenComparing(Flag::issueKey)
                .thenComparing(Flag::occurrence));
        return flags;
    }

    private void stale(DigitalProject p, List<ProjectChange> own, EvidenceSettings s, List<Flag> flags) {
        if (p.health() != Health.GREEN || p.status() != ProjectStatus.RUNNING) {
            return;
        }
        Instant last = p.updated();
        for (ProjectChange c : own) {
            // A change of the reported values counts as an update; publishing the profile does not.
            if (c.field().mirrored() && c.at().isAfter(last)) {
                last = c.at();
            }
        }
        Instant now = clock.instant();
        if (!last.isBefore(now.minus(Duration.ofDays(7L * s.staleWeeks())))) {
            return;
        }
        LocalDate lastDay = day(last);
        long weeks = ChronoUnit.WEEKS.between(lastDay, today());
        flags.add(new Flag(Rule.STALE, p.issueKey(), last.toString(), lastDay.plusWeeks(s.staleWeeks()),
                Message.of("cockpit.evidence.reason.stale", Health.GREEN.label(), ProjectStatus.RUNNING.label(),
                        lastDay, weeks, s.staleWeeks())));
    }

    private void overdue(DigitalProject p, List<Flag> flags) {
        if (!p.overdue(today())) {
            return;
        }
        LocalDate end = p.timeFrame().end();
        flags.add(new Flag(Rule.OVERDUE, p.issueKey(), end.toString(), end.plusDays(1),
                Message.of("cockpit.evidence.reason.overdue", end, ChronoUnit.DAYS.between(end, today()),
                        p.status().label())));
    }

    private void healthUnbacked(DigitalProject p, List<ProjectChange> own, List<LocalDate> decided,
                                EvidenceSettings s, List<Flag> flags) {
        ProjectChange last = null;
        for (ProjectChange c : own) {
            if (c.field() == ChangeField.HEALTH && (last == null || later(c, last))) {
                last = c;
            }
        }
        if (last == null || last.before() == null || !recent(last, s)) {
            return;
        }
        Health was = Health.valueOf(last.before());
        Health now = Health.valueOf(last.after());
        // Health runs from on track to critical: an earlier constant is a better one.
        if (now.ordinal() >= was.ordinal()) {
            return;
        }
        LocalDate day = day(last.at());
        LocalDate from = day.minusDays(s.windowDays());
        LocalDate to = day.plusDays(s.windowDays());
        if (anyWithin(decided, from, to)) {
            return;
        }
        // The first mirroring brings every field at once (the status, which every project has, from
        // none): what a project starts with is no change behind a later one.
        Instant created = own.stream().filter(c -> c.field() == ChangeField.STATUS && c.before() == null)
                .map(ProjectChange::at).findFirst().orElse(null);
        for (ProjectChange c : own) {
            if (c.id() != last.id() && c.field() != ChangeField.HEALTH && c.field().mirrored()
                    && !c.at().equals(created) && within(day(c.at()), from, to)) {
                return;
            }
        }
        flags.add(new Flag(Rule.HEALTH_UNBACKED, p.issueKey(), Long.toString(last.id()), day,
                Message.of("cockpit.evidence.reason.health", day, was.label(), now.label(), from, to)));
    }

    private void completedOpen(DigitalProject p, Instant entered, List<Flag> flags) {
        if (p.phase() != Phase.COMPLETED || !p.status().open()) {
            return;
        }
        Instant since = entered != null ? entered : p.updated();
        flags.add(new Flag(Rule.COMPLETED_OPEN, p.issueKey(), entered != null ? entered.toString() : "", day(since),
                Message.of("cockpit.evidence.reason.completed", p.phase().label(), p.issueKey(),
                        p.status().label())));
    }

    private void budgetUnbacked(DigitalProject p, List<ProjectChange> own, List<LocalDate> decided,
                                EvidenceSettings s, List<Flag> flags) {
        for (ProjectChange c : own) {
            if (c.field() != ChangeField.BUDGET || c.before() == null || !recent(c, s)) {
                continue;
            }
            LocalDate day = day(c.at());
            LocalDate from = day.minusDays(s.windowDays());
            LocalDate to = day.plusDays(s.windowDays());
            if (!anyWithin(decided, from, to)) {
                flags.add(new Flag(Rule.BUDGET_UNBACKED, p.issueKey(), Long.toString(c.id()), day,
                        Message.of("cockpit.evidence.reason.budget", day, new Flag.Cents(Long.parseLong(c.before())),
                                new Flag.Cents(Long.parseLong(c.after())), from, to)));
            }
        }
    }

    private boolean recent(ProjectChange c, EvidenceSettings s) {
        return !day(c.at()).isBefore(today().minusDays(s.lookbackDays()));
    }

    /** By time, then id: two nodes write rows with ids and clocks of their own. */
    private static boolean later(ProjectChange a, ProjectChange b) {
        return a.at().isAfter(b.at()) || (a.at().equals(b.at()) && a.id() > b.id());
    }

    private static boolean anyWithin(List<LocalDate> days, LocalDate from, LocalDate to) {
        return days.stream().anyMatch(d -> within(d, from, to));
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
