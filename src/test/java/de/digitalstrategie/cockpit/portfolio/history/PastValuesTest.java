package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rule of the portfolio as of a past moment, on the changes written after it. */
class PastValuesTest {
    private static final Instant LATER = Instant.parse("2026-06-01T10:00:00Z");

    private static DigitalProject now(String key) {
        return new DigitalProject(key, "Projekt", ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 6, 30)), 2_000_00, 500_00,
                ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.RED, "it", "3.1", null);
    }

    private static ProjectChange change(long id, String key, ChangeField field, String before, String after) {
        return change(id, key, null, field, before, after);
    }

    private static ProjectChange change(long id, String key, String issueId, ChangeField field, String before,
                                        String after) {
        return new ProjectChange(id, key, issueId, LATER.plusSeconds(id), ChangeSource.JIRA_SYNC, null, field, before,
                after);
    }

    @Test
    void eachFieldTakesTheValueItsFirstLaterChangeStartedFrom() {
        PastValues past = new PastValues(List.of(
                change(1, "DIGI-1", ChangeField.HEALTH, "GREEN", "AMBER"),
                change(2, "DIGI-1", ChangeField.HEALTH, "AMBER", "RED"),
                change(3, "DIGI-1", ChangeField.END, null, "2027-06-30"),
                change(4, "DIGI-1", ChangeField.BUDGET, "1000", "200000")), Map.of());
        DigitalProject then = past.of(now("DIGI-1"), null).orElseThrow();
        assertEquals(Health.GREEN, then.health(), "the first later change's before, not the last one's");
        assertEquals(null, then.timeFrame().end(), "an open end then");
        assertEquals(LocalDate.of(2025, 1, 1), then.timeFrame().start(), "untouched: as now");
        assertEquals(1000, then.budgetCents());
        assertEquals(ProjectStatus.RUNNING, then.status());
        assertEquals(Optional.of(now("DIGI-2")), past.of(now("DIGI-2"), null), "no later change: as it is now");
    }

    @Test
    void aProjectFirstMirroredLaterDidNotExistAndAMovedOneIsFollowedByItsId() {
        PastValues past = new PastValues(List.of(
                change(1, "DIGI-3", ChangeField.STATUS, null, "PLANNED"),
                change(2, "DIGI-3", ChangeField.HEALTH, null, "GREEN"),
                change(3, "DIGI-4", "10004", ChangeField.PHASE, "PLANNING", "IMPLEMENTATION"),
                change(4, "ALT-1", "10004", ChangeField.HEALTH, "AMBER", "RED")), Map.of());
        assertEquals(Optional.empty(), past.of(now("DIGI-3"), null));
        DigitalProject moved = past.of(now("ALT-1"), "10004").orElseThrow();
        assertEquals(Phase.PLANNING, moved.phase(), "written under its old key");
        assertEquals(Health.AMBER, moved.health(), "written under its new key");
    }

    @Test
    void changesCountInTheOrderTheyWereWrittenWhicheverIdentifierTheyCarry() {
        // An edit in the cockpit before Jira knew the issue's id, then Jira's change with the id.
        PastValues past = new PastValues(List.of(
                change(1, "DIGI-5", ChangeField.HEALTH, "GREEN", "AMBER"),
                change(2, "DIGI-5", "10005", ChangeField.HEALTH, "AMBER", "RED")), Map.of());
        assertEquals(Health.GREEN, past.of(now("DIGI-5"), "10005").orElseThrow().health(),
                "the earlier change under the key alone, not the later one under the id");
    }

    @Test
    void aRemovedProjectExistedUntilItsRemovalAndOneThatCameBackKeepsItsEarlierLife() {
        DigitalProject last = new DigitalProject("DIGI-6", "Entferntes Projekt", ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2025, 1, 1), null), 700_00, 0, ProjectStatus.RUNNING, Phase.PLANNING,
                Health.AMBER, "it", "2.1", null);
        List<ProjectChange> changes = List.of(
                change(1, "DIGI-6", "10006", ChangeField.HEALTH, "GREEN", "AMBER"),
                change(2, "DIGI-6", "10006", ChangeField.REMOVED, null, null),
                change(3, "DIGI-6", "10006", ChangeField.STATUS, null, "PLANNED"),
                change(4, "DIGI-6", "10006", ChangeField.HEALTH, null, "RED"));
        PastValues before = new PastValues(changes, Map.of(2L, last));
        DigitalProject then = before.of(now("DIGI-6"), "10006").orElseThrow();
        assertEquals(Health.GREEN, then.health(), "before its earlier change");
        assertEquals(Phase.PLANNING, then.phase(), "as it was left when removed, not as it came back");
        assertEquals(700_00, then.budgetCents());
        PastValues.Removed removed = before.removedSince().get(0);
        assertEquals("10006", removed.issueId());
        assertEquals("Entferntes Projekt", removed.then().title(), "its last state stands in for now");
        assertEquals(Health.GREEN, removed.then().health());

        PastValues between = new PastValues(changes.subList(2, 4), Map.of());
        assertEquals(Optional.empty(), between.of(now("DIGI-6"), "10006"), "between removal and return: none");
        assertEquals(List.of(), between.removedSince());
    }
}
