package de.digitalstrategie.cockpit.sandbox.demo;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo values, not from any source: how the demo projects got where they are over the last two
 * years (first reported, budgets raised, time frames moved, health that worsened and recovered,
 * phases passed), so the timeline on a profile, the portfolio as of a past day and the health over
 * time show something to read. Written through the history's own write path, the store's mirror
 * as the Jira sync writes it, with a clock set back to each report's day; the last report is the
 * project as the demo shows it today, two months before today, so the changes since the steering
 * committee's last meeting stay the demo's own (see {@code WormsDemo#reportsSinceTheLastMeeting}).
 * Deterministic: the same portfolio gives the same history.
 */
public final class DemoHistory {
    private final ActiveObjects ao;
    private final ZoneId zone;
    private final Random random = new Random(2024);

    public DemoHistory(ActiveObjects ao, ZoneId zone) {
        this.ao = ao;
        this.zone = zone;
    }

    /** Writes each project's reports up to its state in {@code portfolio} (with its Jira id), before today. */
    public void write(List<ProjectStore.Mirrored> portfolio, LocalDate today) {
        LocalDate since = today.minusYears(2);
        LocalDate last = today.minusMonths(2);
        for (ProjectStore.Mirrored m : portfolio) {
            DigitalProject now = m.project();
            LocalDate start = now.timeFrame().start();
            // First reported when its planning began, but not before the history does.
            LocalDate first = start == null || start.minusMonths(3).isBefore(since)
                    ? since.plusDays(random.nextInt(120)) : start.minusMonths(3);
            if (!first.isBefore(last)) {
                first = last.minusMonths(1 + random.nextInt(3));
            }
            List<DigitalProject> states = states(now);
            long span = ChronoUnit.DAYS.between(first, last);
            for (int i = 0; i < states.size(); i++) {
                LocalDate day = i == states.size() - 1 ? last.minusDays(random.nextInt(20))
                        : first.plusDays(span * i / states.size() + random.nextInt((int) Math.max(1, span / 8)));
                Clock clock = Clock.fixed(day.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(zone)
                        .toInstant(), zone);
                new ProjectStore(ao, new ProjectHistory(ao, clock), clock).mirror(List.of(
                        new ProjectStore.Mirrored(states.get(i), m.issueId(), m.blockedBy())));
            }
        }
    }

    /** The project's reports, oldest first, the last one the project as it is. */
    private List<DigitalProject> states(DigitalProject now) {
        List<DigitalProject> states = new ArrayList<>();
        Phase finalPhase = now.phase();
        Phase firstPhase = finalPhase.ordinal() <= Phase.PLANNING.ordinal() ? Phase.IDEA : Phase.PLANNING;
        long firstBudget = now.budgetCents() * (70 + random.nextInt(25)) / 100 / 1_000_00 * 1_000_00;
        long firstFunding = now.fundingCents() == 0 ? 0 : now.fundingCents() * (50 + random.nextInt(40)) / 100
                / 1_000_00 * 1_000_00;
        LocalDate end = now.timeFrame().end();
        TimeFrame firstFrame = new TimeFrame(now.timeFrame().start(),
                end == null || random.nextInt(3) == 0 ? end : end.minusMonths(3 + random.nextInt(9)));
        states.add(with(now, firstFrame, firstBudget, firstFunding, ProjectStatus.PLANNED, firstPhase, Health.GREEN));
        if (finalPhase.ordinal() > Phase.PLANNING.ordinal()) {
            // The work begins: running, in implementation, the budget approved in full.
            states.add(with(now, firstFrame, now.budgetCents(), firstFunding, ProjectStatus.RUNNING,
                    Phase.IMPLEMENTATION, random.nextInt(3) == 0 ? Health.AMBER : Health.GREEN));
        }
        if (random.nextInt(2) == 0) {
            // A bad patch: the report turns worse, the time frame is moved to where it is now.
            DigitalProject before = states.get(states.size() - 1);
            states.add(with(now, now.timeFrame(), before.budgetCents(), now.fundingCents(), before.status(),
                    before.phase(), random.nextInt(3) == 0 ? Health.RED : Health.AMBER));
        }
        states.add(now);
        return states;
    }

    private static DigitalProject with(DigitalProject p, TimeFrame frame, long budget, long funding,
                                       ProjectStatus status, Phase phase, Health health) {
        return new DigitalProject(p.issueKey(), p.title(), p.profile(), frame, budget, funding, status, phase, health,
                p.departmentKey(), p.fieldOfActionKey(), p.updated());
    }
}
