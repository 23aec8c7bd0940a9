package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitalProjectTest {
    private static DigitalProject project(String key, TimeFrame frame, long budget, ProjectStatus status, Health health) {
        return new DigitalProject(key, "E-Akte", ProjectProfile.EMPTY, frame, budget, 0, status, Phase.IMPLEMENTATION,
                health, "innere-verwaltung", "3.4", null);
    }

    @Test
    void refusesWhatIsNotAProject() {
        TimeFrame frame = new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
        assertEquals("cockpit.project.error.bad-key", assertThrows(ValidationException.class,
                () -> project("digi-1", frame, 0, ProjectStatus.RUNNING, Health.GREEN)).userMessage().key());
        assertEquals("cockpit.project.error.negative-money", assertThrows(ValidationException.class,
                () -> project("DIGI-1", frame, -1, ProjectStatus.RUNNING, Health.GREEN)).userMessage().key());
        assertEquals("cockpit.project.error.end-before-start", assertThrows(ValidationException.class,
                () -> new TimeFrame(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1))).userMessage().key());
        assertEquals("cockpit.validation.too-long", assertThrows(ValidationException.class,
                () -> new DigitalProject("DIGI-1", "x".repeat(256), null, null, 0, 0, ProjectStatus.RUNNING,
                        Phase.IDEA, Health.GREEN, "", "", null)).userMessage().key());
    }

    @Test
    void overdueMeansOpenWorkPastItsEnd() {
        TimeFrame ended = new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 31));
        LocalDate today = LocalDate.of(2026, 4, 1);
        assertTrue(project("DIGI-1", ended, 0, ProjectStatus.RUNNING, Health.GREEN).overdue(today));
        assertFalse(project("DIGI-1", ended, 0, ProjectStatus.FINISHED, Health.GREEN).overdue(today));
        assertFalse(project("DIGI-1", ended, 0, ProjectStatus.RUNNING, Health.GREEN).overdue(LocalDate.of(2026, 3, 31)));
        assertFalse(project("DIGI-1", TimeFrame.OPEN, 0, ProjectStatus.RUNNING, Health.GREEN).overdue(today));
    }

    @Test
    void amberAndRedAreAtRisk() {
        assertFalse(project("DIGI-1", TimeFrame.OPEN, 0, ProjectStatus.RUNNING, Health.GREEN).atRisk());
        assertTrue(project("DIGI-1", TimeFrame.OPEN, 0, ProjectStatus.RUNNING, Health.AMBER).atRisk());
        assertTrue(project("DIGI-1", TimeFrame.OPEN, 0, ProjectStatus.RUNNING, Health.RED).atRisk());
    }
}
