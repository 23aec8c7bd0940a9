package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.evidence.store.Acknowledgements;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.evidence.store.EvidenceSettingsStore;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules over what the stores hold, written through their real write paths (edits of projects,
 * decisions recorded with their projects), the acknowledgements and the settings. On every database.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class EvidenceStoreTest {
    private final MovableClock clock = new MovableClock();
    private final StoreFixture store;
    private final EvidenceFlags flags;
    private final Acknowledgements acknowledgements;
    private int decisionNumber;

    EvidenceStoreTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target, clock);
        this.flags = store.bean(EvidenceFlags.class);
        this.acknowledgements = store.bean(Acknowledgements.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DigitalProject project(String key, ProjectStatus status, Phase phase, Health health, long budget,
                                   LocalDate end) {
        DigitalProject p = new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY, new TimeFrame(null, end),
                budget, 0, status, phase, health, "", "3.1", clock.instant());
        store.projects.save(p);
        return p;
    }

    private void decided(String projectKey, LocalDate day) {
        decisionNumber++;
        store.decisions.record(new Decision(0, "m-" + decisionNumber, "LK-2026-" + decisionNumber, "Beschluss",
                "", DecisionStatus.DECIDED, new Vote(7, 0, 0), 0, 0, List.of(projectKey), "Finanzen", null, "",
                new PageRef(4000 + decisionNumber, 1, "LK", "Protokoll"), false, true), day, "schriftfuehrung");
    }

    private List<String> open(Rule rule) {
        return flags.open(Set.of("DIGI")).stream().filter(s -> s.flag().rule() == rule)
                .map(s -> s.flag().issueKey()).toList();
    }

    @Test
    void eachRuleFlagsWhatTheStoresHold() {
        project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, 100_000_00, null);
        project("DIGI-2", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, 100_000_00, null);
        project("DIGI-3", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, 100_000_00, null);
        project("DIGI-4", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.RED, 100_000_00, null);
        project("DIGI-5", ProjectStatus.RUNNING, Phase.COMPLETED, Health.AMBER, 100_000_00, null);
        project("DIGI-6", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, 100_000_00,
                LocalDate.of(2026, 12, 31));
        clock.advance(Duration.ofDays(1));
        // The budget of 2 and 3 changes by an edit; only 3 has a decision about it, 20 days later.
        project("DIGI-2", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, 150_000_00, null);
        project("DIGI-3", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, 150_000_00, null);
        decided("DIGI-3", LocalDate.of(2026, 12, 18));
        // Red to green with nothing around it.
        project("DIGI-4", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, 100_000_00, null);
        // A decision on a project it does not concern backs nothing; a withdrawn or rejected one neither.
        decided("DIGI-9", LocalDate.of(2026, 11, 28));

        assertEquals(List.of("DIGI-2"), open(Rule.BUDGET_UNBACKED));
        assertEquals(List.of("DIGI-4"), open(Rule.HEALTH_UNBACKED));
        assertEquals(List.of("DIGI-5"), open(Rule.COMPLETED_OPEN));
        assertEquals(List.of(), open(Rule.OVERDUE));
        assertEquals(List.of(), open(Rule.STALE));

        clock.advance(Duration.ofDays(7 * 8 + 1));
        assertEquals(List.of("DIGI-6"), open(Rule.OVERDUE));
        assertEquals(List.of("DIGI-1", "DIGI-4"), open(Rule.STALE));
        assertEquals(List.of(), flags.open(Set.of("OTHER")), "projects the viewer may not see are not shown");
        // A profile reads its own project's evidence only, to the same flags.
        assertEquals(flags.open(Set.of("DIGI")).stream().filter(s -> s.flag().issueKey().equals("DIGI-4")).toList(),
                flags.of("DIGI-4"));
        // A portfolio page reads its own projects' evidence only, to the same flags; the filter "only
        // flagged" selects the projects with any.
        assertEquals(flags.open(Set.of("DIGI")), flags.among(store.projects.all()));
        assertEquals(Set.of("DIGI-1", "DIGI-2", "DIGI-4", "DIGI-5", "DIGI-6"), flags.flagged(Set.of("DIGI")));
        assertEquals(Set.of(), flags.flagged(Set.of("OTHER")), "projects the viewer may not see are not selected");
        assertEquals(List.of(), flags.among(List.of()));
    }

    @Test
    void anAcknowledgementCoversOneOccurrenceOnly() {
        project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, 100, null);
        clock.advance(Duration.ofDays(7 * 8 + 1));
        EvidenceFlags.Shown stale = flags.open(Set.of("DIGI")).get(0);
        assertFalse(stale.acknowledged());
        acknowledgements.acknowledge(Rule.STALE, "DIGI-1", stale.flag().occurrence(), "Rückfrage beim Amt läuft",
                "cdo");
        EvidenceFlags.Shown acknowledged = flags.open(Set.of("DIGI")).get(0);
        assertTrue(acknowledged.acknowledged());
        assertEquals("Rückfrage beim Amt läuft", acknowledged.acknowledgement().comment());
        assertEquals("cdo", acknowledged.acknowledgement().actor());

        // The project changes (the flag ends), then stays unchanged again: a new occurrence, open again.
        project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, 100, LocalDate.of(2028, 6, 30));
        assertEquals(List.of(), flags.open(Set.of("DIGI")));
        clock.advance(Duration.ofDays(7 * 8 + 1));
        List<EvidenceFlags.Shown> again = flags.open(Set.of("DIGI"));
        assertEquals(1, again.size());
        assertFalse(again.get(0).acknowledged());
    }

    @Test
    void settingsAreKeptAndChangeTheFlags() {
        EvidenceSettingsStore settings = store.bean(EvidenceSettingsStore.class);
        assertEquals(EvidenceSettings.DEFAULTS, settings.load());
        project("DIGI-1", ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, 100, null);
        clock.advance(Duration.ofDays(15));
        assertEquals(List.of(), open(Rule.STALE));
        settings.save(new EvidenceSettings(2, 30, 180));
        assertEquals(new EvidenceSettings(2, 30, 180), settings.load());
        assertEquals(List.of("DIGI-1"), open(Rule.STALE));
    }

    @Test
    void theWholePortfolioIsReadInAFixedNumberOfQueries() {
        project("DIGI-1", ProjectStatus.RUNNING, Phase.COMPLETED, Health.GREEN, 100, null);
        decided("DIGI-1", LocalDate.of(2026, 11, 27));
        int few = statements();
        for (int i = 2; i <= 40; i++) {
            project("DIGI-" + i, ProjectStatus.RUNNING, Phase.COMPLETED, Health.GREEN, 100, null);
            project("DIGI-" + i, ProjectStatus.RUNNING, Phase.COMPLETED, Health.RED, 200, null);
            decided("DIGI-" + i, LocalDate.of(2026, 11, 27));
        }
        assertEquals(40, flags.open(Set.of("DIGI")).size());
        assertEquals(few, statements(), "statements grow with the portfolio");
    }

    @Test
    void aPortfolioPageIsReadInAFixedNumberOfQueries() {
        for (int i = 1; i <= 40; i++) {
            project("DIGI-" + i, ProjectStatus.RUNNING, Phase.COMPLETED, Health.GREEN, 100, null);
            project("DIGI-" + i, ProjectStatus.RUNNING, Phase.COMPLETED, Health.RED, 200, null);
            decided("DIGI-" + i, LocalDate.of(2026, 11, 27));
        }
        List<DigitalProject> all = store.projects.all();
        int one = pageStatements(all.subList(0, 1));
        assertEquals(40, flags.among(all).size());
        assertEquals(one, pageStatements(all), "statements grow with the rows of the page");
    }

    private int pageStatements(List<DigitalProject> page) {
        try (SqlCounter sql = new SqlCounter()) {
            assertFalse(flags.among(page).isEmpty());
            return sql.statements();
        }
    }

    private int statements() {
        try (SqlCounter sql = new SqlCounter()) {
            flags.open(Set.of("DIGI"));
            return sql.statements();
        }
    }
}
