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
        return new ProjectChange(id, key, LATER.plusSeconds(id), ChangeSource.JIRA_SYNC, null, field, before, after);
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
                change(3, "DIGI-4", ChangeField.PHASE, "PLANNING", "IMPLEMENTATION"),
                change(4, "ALT-1", ChangeField.HEALTH, "AMBER", "RED")), Map.of(3L, "10004", 4L, "10004"));
        assertEquals(Optional.empty(), past.of(now("DIGI-3"), null));
        DigitalProject moved = past.of(now("ALT-1"), "10004").orElseThrow();
        assertEquals(Phase.PLANNING, moved.phase(), "written under its old key");
        assertEquals(Health.AMBER, moved.health(), "written under its new key");
    }
}
