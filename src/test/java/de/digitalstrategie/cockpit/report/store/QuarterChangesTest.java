package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore.Mirrored;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quarter's changes as the report reads them: only of projects the viewer may see where they lie today. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class QuarterChangesTest {
    private final StoreFixture store;

    QuarterChangesTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DigitalProject project(String key, Health health, long budget) {
        return new DigitalProject(key, "Projekt " + key, new ProjectProfile("Beschreibung", "", "", "", "", ""),
                new TimeFrame(LocalDate.of(2025, 1, 1), null), budget, 0, ProjectStatus.RUNNING,
                Phase.IMPLEMENTATION, health, "it", "3.1", Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void anIssueMovedWhereTheViewerMayNotLookShowsNoneOfItsChangesUnderItsOldKey() {
        store.projects.mirror(List.of(new Mirrored(project("PUB-7", Health.GREEN, 100), "1007"),
                new Mirrored(project("PUB-8", Health.GREEN, 100), "1008")));
        store.projects.mirror(List.of(new Mirrored(project("PUB-7", Health.RED, 900), "1007"),
                new Mirrored(project("PUB-8", Health.AMBER, 100), "1008")));
        // Moved in Jira to a project only some may browse: same issue, new key.
        store.projects.mirror(List.of(new Mirrored(project("SEC-3", Health.RED, 900), "1007")));
        QuarterChanges changes = store.plugin.bean(QuarterChanges.class);
        Clock clock = store.plugin.bean(Clock.class);
        Quarter quarter = Quarter.of(LocalDate.now(clock));

        assertEquals(Set.of("PUB-8"), keys(changes.within(quarter, clock.getZone(), Set.of("PUB"))),
                "a viewer of PUB only sees nothing of the issue now in SEC");
        // The move changed no reported field, so SEC-3 has no row; its rows under PUB-7 stay out for
        // everyone (the report errs towards showing less, never a key the viewer may not see).
        assertEquals(Set.of("PUB-8"), keys(changes.within(quarter, clock.getZone(), Set.of("PUB", "SEC"))),
                "never under the old key");
    }

    private static Set<String> keys(List<ProjectChange> changes) {
        return changes.stream().map(ProjectChange::issueKey).collect(Collectors.toCollection(TreeSet::new));
    }
}
