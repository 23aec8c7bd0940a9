package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ChangeSource;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.message.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule with its edges: the day before, on and after each threshold, in the city's zone. */
class EvidenceRulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday, 7 December 2026, 10:00 in Worms. */
    private static final Instant NOW = ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, BERLIN).toInstant();
    private static final EvidenceSettings SETTINGS = new EvidenceSettings(8, 30, 180);

    private final EvidenceRules rules = new EvidenceRules(Clock.fixed(NOW, BERLIN));
    private final List<DigitalProject> projects = new ArrayList<>();
    private final List<ProjectChange> changes = new ArrayList<>();
    private final Map<String, List<LocalDate>> decisions = new HashMap<>();
    private final Map<String, Instant> entered = new HashMap<>();
    private long ids;

    private static DigitalProject project(String key, ProjectStatus status, Phase phase, Health health,
                                          TimeFrame frame, Instant updated) {
        return new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY, frame, 100_000_00, 0, status, phase,
                health, "", "", updated);
    }

    private static Instant at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BERLIN).toInstant();
    }

    private void change(String key, Instant at, ChangeField field, String before, String after) {
        changes.add(new ProjectChange(++ids, key, null, at, ChangeSource.JIRA_SYNC, null, field, before, after));
    }

    private List<Flag> flags() {
        return rules.evaluate(new Evidence(projects, changes, rules.readFrom(SETTINGS), decisions, entered), SETTINGS);
    }

    private List<Flag> flags(Rule rule) {
        return flags().stream().filter(f -> f.rule() == rule).toList();
    }

    private DigitalProject running(String key, Instant updated) {
        DigitalProject p = project(key, ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, TimeFrame.OPEN,
                updated);
        projects.add(p);
        return p;
    }

    @Test
    void staleOnTrackOnlyAfterTheWeeksHaveFullyPassed() {
        Instant eightWeeks = NOW.minus(java.time.Duration.ofDays(56));
        running("DIGI-1", eightWeeks);                                   // exactly 8 weeks: not yet
        running("DIGI-2", eightWeeks.minusSeconds(1));                   // a second more: stale
        running("DIGI-3", at(2026, 1, 5, 9));                            // Jira long ago, but a history row lately
        change("DIGI-3", at(2026, 11, 30, 9), ChangeField.FUNDING, "0", "100");
        projects.add(project("DIGI-4", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, TimeFrame.OPEN,
                at(2025, 1, 1, 0)));                                     // not reported on track
        projects.add(project("DIGI-5", ProjectStatus.PAUSED, Phase.IMPLEMENTATION, Health.GREEN, TimeFrame.OPEN,
                at(2025, 1, 1, 0)));                                     // not in progress
        List<Flag> stale = flags(Rule.STALE);
        assertEquals(List.of("DIGI-2"), stale.stream().map(Flag::issueKey).toList());
        Flag f = stale.get(0);
        assertEquals(Message.of("cockpit.evidence.reason.stale", Health.GREEN.label(), ProjectStatus.RUNNING.label(),
                LocalDate.of(2026, 10, 12), 8L, 8), f.reason());
        assertEquals(LocalDate.of(2026, 12, 7), f.since());
    }

    @Test
    void staleTakesTheLaterOfJiraAndTheHistory() {
        running("DIGI-1", at(2026, 11, 1, 9));
        change("DIGI-1", at(2026, 3, 1, 9), ChangeField.HEALTH, "AMBER", "GREEN");
        running("DIGI-2", at(2026, 3, 1, 9));
        change("DIGI-2", at(2026, 9, 1, 9), ChangeField.HEALTH, "AMBER", "GREEN");
        List<Flag> stale = flags(Rule.STALE);
        assertEquals(List.of("DIGI-2"), stale.stream().map(Flag::issueKey).toList());
        assertEquals(at(2026, 9, 1, 9).toString(), stale.get(0).occurrence(), "a new change makes a new occurrence");
    }

    @Test
    void overdueFromTheDayAfterTheEndWhileOpen() {
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.RED,
                new TimeFrame(null, LocalDate.of(2026, 12, 7)), NOW));           // ends today: not yet
        projects.add(project("DIGI-2", ProjectStatus.PLANNED, Phase.PLANNING, Health.RED,
                new TimeFrame(null, LocalDate.of(2026, 12, 6)), NOW));           // ended yesterday
        projects.add(project("DIGI-3", ProjectStatus.FINISHED, Phase.COMPLETED, Health.GREEN,
                new TimeFrame(null, LocalDate.of(2026, 1, 6)), NOW));            // done
        projects.add(project("DIGI-4", ProjectStatus.STOPPED, Phase.IMPLEMENTATION, Health.RED,
                new TimeFrame(null, LocalDate.of(2026, 1, 6)), NOW));            // stopped is not open
        projects.add(project("DIGI-5", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.RED, TimeFrame.OPEN, NOW));
        List<Flag> overdue = flags(Rule.OVERDUE);
        assertEquals(List.of("DIGI-2"), overdue.stream().map(Flag::issueKey).toList());
        assertEquals(Message.of("cockpit.evidence.reason.overdue", LocalDate.of(2026, 12, 6), 1L,
                ProjectStatus.PLANNED.label()), overdue.get(0).reason());
        assertEquals("2026-12-06", overdue.get(0).occurrence());
    }

    @Test
    void healthImprovedWithoutAnythingBehindIt() {
        for (String key : List.of("DIGI-1", "DIGI-2", "DIGI-3", "DIGI-4", "DIGI-5", "DIGI-6", "DIGI-7", "DIGI-8")) {
            projects.add(project(key, ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, TimeFrame.OPEN, NOW));
        }
        Instant improved = at(2026, 11, 2, 9);
        change("DIGI-1", improved, ChangeField.HEALTH, "RED", "GREEN");           // nothing behind it: flagged
        change("DIGI-2", improved, ChangeField.HEALTH, "AMBER", "GREEN");
        decisions.put("DIGI-2", List.of(LocalDate.of(2026, 10, 3)));              // decision 30 days before: backed
        change("DIGI-3", improved, ChangeField.HEALTH, "AMBER", "GREEN");
        decisions.put("DIGI-3", List.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 12, 3)));  // 31 days off: not
        change("DIGI-4", improved, ChangeField.HEALTH, "RED", "AMBER");
        change("DIGI-4", at(2026, 12, 2, 9), ChangeField.END, "2026-12-31", "2027-06-30");      // another change: backed
        change("DIGI-5", improved, ChangeField.HEALTH, "GREEN", "RED");           // worse: not this rule
        change("DIGI-6", improved, ChangeField.HEALTH, null, "GREEN");            // first mirroring: no change
        change("DIGI-7", improved, ChangeField.HEALTH, "RED", "GREEN");
        change("DIGI-7", at(2026, 11, 10, 9), ChangeField.PUBLIC, "false", "true");  // publishing backs nothing
        change("DIGI-8", at(2026, 6, 9, 9), ChangeField.HEALTH, "RED", "GREEN");  // 181 days ago: out of look-back
        change("DIGI-1", at(2026, 10, 20, 9), ChangeField.STATUS, null, "RUNNING");  // its first mirroring backs nothing
        change("DIGI-1", at(2026, 10, 20, 9), ChangeField.BUDGET, null, "100");
        List<Flag> flags = flags(Rule.HEALTH_UNBACKED);
        assertEquals(List.of("DIGI-1", "DIGI-3", "DIGI-7"), flags.stream().map(Flag::issueKey).toList());
        assertEquals(Message.of("cockpit.evidence.reason.health", LocalDate.of(2026, 11, 2), Health.RED.label(),
                Health.GREEN.label(), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 12, 2)), flags.get(0).reason());
    }

    @Test
    void onlyTheLastChangeOfHealthCounts() {
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, TimeFrame.OPEN, NOW));
        change("DIGI-1", at(2026, 10, 1, 9), ChangeField.HEALTH, "RED", "GREEN");
        change("DIGI-1", at(2026, 11, 20, 9), ChangeField.HEALTH, "GREEN", "AMBER");
        assertEquals(List.of(), flags(Rule.HEALTH_UNBACKED));
    }

    @Test
    void lookBackIsInclusiveOfItsFirstDay() {
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, TimeFrame.OPEN, NOW));
        change("DIGI-1", at(2026, 6, 10, 0), ChangeField.HEALTH, "AMBER", "GREEN");   // exactly 180 days before
        assertEquals(1, flags(Rule.HEALTH_UNBACKED).size());
    }

    @Test
    void completedWhileTheIssueIsOpen() {
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.COMPLETED, Health.GREEN, TimeFrame.OPEN, NOW));
        projects.add(project("DIGI-2", ProjectStatus.FINISHED, Phase.COMPLETED, Health.GREEN, TimeFrame.OPEN, NOW));
        projects.add(project("DIGI-3", ProjectStatus.PLANNED, Phase.COMPLETED, Health.GREEN, TimeFrame.OPEN, NOW));
        projects.add(project("DIGI-4", ProjectStatus.RUNNING, Phase.OPERATION, Health.GREEN, TimeFrame.OPEN, NOW));
        entered.put("DIGI-1", at(2026, 11, 20, 9));
        List<Flag> flags = flags(Rule.COMPLETED_OPEN);
        assertEquals(List.of("DIGI-1", "DIGI-3"), flags.stream().map(Flag::issueKey).toList());
        Flag f = flags.get(0);
        assertEquals(LocalDate.of(2026, 11, 20), f.since());
        assertEquals(at(2026, 11, 20, 9).toString(), f.occurrence());
        assertEquals(Message.of("cockpit.evidence.reason.completed", Phase.COMPLETED.label(), "DIGI-1",
                ProjectStatus.RUNNING.label()), f.reason());
    }

    @Test
    void eachBudgetChangeWithoutADecisionAround() {
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, TimeFrame.OPEN, NOW));
        change("DIGI-1", at(2025, 1, 1, 9), ChangeField.BUDGET, null, "100");              // first mirroring
        change("DIGI-1", at(2026, 9, 1, 9), ChangeField.BUDGET, "10000000", "12500000");   // backed by a decision
        change("DIGI-1", at(2026, 11, 15, 9), ChangeField.BUDGET, "12500000", "15000000"); // not backed
        change("DIGI-1", at(2026, 11, 16, 9), ChangeField.HEALTH, "RED", "AMBER");         // no decision either
        decisions.put("DIGI-1", List.of(LocalDate.of(2026, 10, 1)));                      // 30 days after the first
        List<Flag> flags = flags(Rule.BUDGET_UNBACKED);
        assertEquals(1, flags.size());
        assertEquals(Message.of("cockpit.evidence.reason.budget", LocalDate.of(2026, 11, 15),
                new Flag.Cents(12_500_000), new Flag.Cents(15_000_000), LocalDate.of(2026, 10, 16),
                LocalDate.of(2026, 12, 15)), flags.get(0).reason());
        // The change of health is backed by the budget's change beside it, though no decision backs either.
        assertEquals(List.of(), flags(Rule.HEALTH_UNBACKED));
    }

    @Test
    void aZeroWindowTakesOnlyTheSameDay() {
        EvidenceSettings settings = new EvidenceSettings(8, 0, 180);
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, TimeFrame.OPEN, NOW));
        projects.add(project("DIGI-2", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, TimeFrame.OPEN, NOW));
        change("DIGI-1", at(2026, 11, 15, 23), ChangeField.BUDGET, "1", "2");
        change("DIGI-2", at(2026, 11, 15, 23), ChangeField.BUDGET, "1", "2");
        decisions.put("DIGI-1", List.of(LocalDate.of(2026, 11, 15)));
        decisions.put("DIGI-2", List.of(LocalDate.of(2026, 11, 16)));
        List<Flag> flags = rules.evaluate(new Evidence(projects, changes, rules.readFrom(settings), decisions, entered),
                settings);
        assertEquals(List.of("DIGI-2"), flags.stream().map(Flag::issueKey).toList());
    }

    @Test
    void refusesEvidenceReadTooLate() {
        Evidence late = new Evidence(projects, changes, NOW.minus(java.time.Duration.ofDays(10)), decisions, entered);
        assertThrows(IllegalArgumentException.class, () -> rules.evaluate(late, SETTINGS));
    }

    @Test
    void settingsKeepToTheirRanges() {
        assertThrows(ValidationException.class, () -> new EvidenceSettings(0, 30, 180));
        assertThrows(ValidationException.class, () -> new EvidenceSettings(8, -1, 180));
        assertThrows(ValidationException.class, () -> new EvidenceSettings(8, 30, 731));
        assertTrue(new EvidenceSettings(104, 0, 730).staleWeeks() == 104);
    }

    @Test
    void flagsAreOrderedByRuleThenDay() {
        projects.add(project("DIGI-2", ProjectStatus.RUNNING, Phase.COMPLETED, Health.GREEN,
                new TimeFrame(null, LocalDate.of(2026, 1, 1)), at(2026, 1, 1, 9)));
        projects.add(project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN,
                new TimeFrame(null, LocalDate.of(2026, 3, 1)), at(2026, 2, 1, 9)));
        List<String> order = flags().stream().map(f -> f.rule() + " " + f.issueKey()).toList();
        assertEquals(List.of("STALE DIGI-2", "STALE DIGI-1", "OVERDUE DIGI-2", "OVERDUE DIGI-1",
                "COMPLETED_OPEN DIGI-2"), order);
    }
}
