package de.digitalstrategie.cockpit.query;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.store.StoredDates;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Criteria as bound SQL conditions, run on every database the plugin meets: user text only ever
 * travels as a parameter, LIKE's wildcards in it are plain characters, and an empty IN is known to
 * match nothing before any SQL is written.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class CriteriaTest {
    private final StoreFixture store;

    CriteriaTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        project("DIGI-1", "Sensorik 100% Abdeckung", "Tiefbau", LocalDate.of(2026, 6, 30), 100);
        project("DIGI-2", "Sensorik 100 Prozent", "Ärger_Büro", LocalDate.of(2026, 7, 1), 200);
        project("ORG-3", "Portal \"Bürger\" O'Neil! 50%", "IT\nLeitung", null, 300);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void project(String key, String title, String owners, LocalDate end, long budget) {
        store.projects.save(new DigitalProject(key, title, new ProjectProfile("", "", "", owners, "", ""),
                new TimeFrame(LocalDate.of(2025, 1, 1), end), budget, 0, ProjectStatus.RUNNING, Phase.PLANNING,
                Health.GREEN, "it", "3.1", Instant.parse("2026-11-20T10:00:00Z")));
    }

    private List<String> keys(Criteria criteria) {
        return Arrays.stream(store.ao.find(ProjectEntity.class, criteria.query().order(ProjectEntity.ISSUE_KEY)))
                .map(ProjectEntity::getIssueKey).toList();
    }

    @Test
    void containsIgnoresCaseAndTakesWildcardsAndQuotesLiterally() {
        assertEquals(List.of("DIGI-1", "DIGI-2"), keys(new Criteria().contains("SENSORIK")));
        assertEquals(List.of("DIGI-1"), keys(new Criteria().contains("100%")), "% is a percent sign");
        assertEquals(List.of(), keys(new Criteria().contains("100_")), "_ is an underscore");
        assertEquals(List.of("DIGI-2"), keys(new Criteria().contains("ärger_b")), "umlauts ignore case too");
        assertEquals(List.of("ORG-3"), keys(new Criteria().contains("o'neil!")), "quotes and the escape character");
        assertEquals(List.of("ORG-3"), keys(new Criteria().contains("\"bürger\"")));
        assertEquals(List.of(), keys(new Criteria().contains("x' OR '1'='1")), "a parameter, not SQL");
        assertEquals(List.of(), keys(new Criteria().contains("%' OR 1=1 --")));
        assertEquals(3, store.projects.count(), "and nothing was changed by it");
    }

    @Test
    void aSearchNeverMatchesAcrossTwoParts() {
        assertEquals(List.of("ORG-3"), keys(new Criteria().contains("it leitung")),
                "a line break in one part is a space");
        assertEquals(List.of(), keys(new Criteria().contains("50% org-3")), "title and key are separate lines");
        assertEquals(List.of(), keys(new Criteria().contains("50%\norg-3")));
    }

    @Test
    void equalityAndInOnColumnsTheDatabaseCreatedInItsOwnCase() {
        assertEquals(List.of("DIGI-1", "DIGI-2"), keys(new Criteria().eq(ProjectEntity.JIRA_PROJECT, "DIGI")));
        assertEquals(List.of("DIGI-2", "ORG-3"),
                keys(new Criteria().in(ProjectEntity.ISSUE_KEY, List.of("ORG-3", "DIGI-2", "NOPE-1"))));
        assertEquals(List.of("DIGI-2"), keys(new Criteria().in(ProjectEntity.ISSUE_KEY, List.of("ORG-3", "DIGI-2"))
                .eq(ProjectEntity.JIRA_PROJECT, "DIGI")), "conditions are joined by AND");
        List<String> many = IntStream.rangeClosed(1, 2000).mapToObj(i -> "DIGI-" + i).toList();
        assertEquals(List.of("DIGI-1", "DIGI-2"), keys(new Criteria().in(ProjectEntity.ISSUE_KEY, many)),
                "two thousand parameters in one IN");
    }

    @Test
    void anEmptyInMatchesNothingAndSaysSoBeforeAQuery() {
        Criteria none = new Criteria().eq(ProjectEntity.JIRA_PROJECT, "DIGI").in(ProjectEntity.ISSUE_KEY, List.of());
        assertTrue(none.matchesNothing());
        assertFalse(new Criteria().in(ProjectEntity.ISSUE_KEY, List.of("DIGI-1")).matchesNothing());
        assertEquals(List.of("DIGI-1", "DIGI-2", "ORG-3"), keys(new Criteria()), "no condition: every row");
    }

    @Test
    void withinIsHalfOpenAndNullIsItsOwnCondition() {
        assertEquals(List.of("DIGI-1"), keys(new Criteria().within(ProjectEntity.END_DATE,
                StoredDates.toDate(LocalDate.of(2026, 6, 30)), StoredDates.toDate(LocalDate.of(2026, 7, 1)))),
                "from the first day, up to but not including the last");
        assertEquals(List.of("ORG-3"), keys(new Criteria().isNull(ProjectEntity.END_DATE)));
        assertEquals(List.of("DIGI-2", "ORG-3"), keys(new Criteria().raw(ProjectEntity.BUDGET_CENTS + " > ? OR "
                + ProjectEntity.BUDGET_CENTS + " = ?", 250, 200)), "a written-out condition keeps its parameters");
    }

    @Test
    void aQueryOfSomeColumnsReadsTheRowsItSelects() {
        ProjectEntity[] rows = store.ao.find(ProjectEntity.class, new Criteria().eq(ProjectEntity.JIRA_PROJECT, "ORG")
                .query("ID, " + ProjectEntity.ISSUE_KEY + ", " + ProjectEntity.BUDGET_CENTS));
        assertEquals(1, rows.length);
        assertEquals("ORG-3", rows[0].getIssueKey());
        assertEquals(300, rows[0].getBudgetCents());
    }
}
