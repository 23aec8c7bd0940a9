package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore.Mirrored;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The portfolio as of a past day and its health over time, through the store on H2 and
 * PostgreSQL, for a project removed from the portfolio (and one that came back), and for an edit
 * written before Jira's id was known. The clock starts on 27 November 2026, 09:00 UTC.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ProjectRemovalAsOfTest {
    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);
    private final MovableClock clock = new MovableClock();
    private final StoreFixture store;

    ProjectRemovalAsOfTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DigitalProject project(String key, String title, Health health, String field) {
        return new DigitalProject(key, title, ProjectProfile.EMPTY, new TimeFrame(LocalDate.of(2025, 1, 1), null),
                1_000_00, 0, ProjectStatus.RUNNING, Phase.IMPLEMENTATION, health, "it", field,
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    private void days(int n) {
        clock.advance(Duration.ofDays(n));
    }

    /** Key → health of the projects shown as of the end of the day, to a viewer of {@code jira}. */
    private Map<String, Health> asOf(LocalDate day, PortfolioFilter filter, String... jira) {
        Map<String, Health> shown = new LinkedHashMap<>();
        store.projects.queryAsOf(filter, Grouping.NONE, PortfolioSort.KEY, SortOrder.ASC, new PageRequest(0, 100),
                Set.of(jira), day, List.of()).page().items().forEach(p -> shown.put(p.issueKey(), p.health()));
        return shown;
    }

    private Map<String, Health> asOf(LocalDate day) {
        return asOf(day, PortfolioFilter.ALL, "DIGI");
    }

    @Test
    void aRemovedProjectExistsUpToItsRemovalAndOneThatComesBackKeepsItsEarlierHistory() {
        store.projects.mirror(List.of(new Mirrored(project("DIGI-1", "Bürgerportal", Health.GREEN, "3.1"), "1001"),
                new Mirrored(project("DIGI-2", "E-Akte", Health.AMBER, "3.1"), "1002")));
        days(2); // 29 November
        store.projects.mirror(List.of(new Mirrored(project("DIGI-1", "Bürgerportal", Health.RED, "3.1"), "1001")));
        days(2); // 1 December: Jira no longer counts DIGI-1 to the portfolio
        assertEquals(true, store.projects.remove("DIGI-1"));
        days(2); // 3 December

        assertEquals(Map.of("DIGI-1", Health.GREEN, "DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(1)),
                "the day before its removal it was there, as it stood");
        assertEquals(Map.of("DIGI-1", Health.RED, "DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(3)));
        assertEquals(Map.of("DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(4)), "removed that day: gone at its end");
        DigitalProject then = store.projects.queryAsOf(PortfolioFilter.ALL, Grouping.NONE, PortfolioSort.KEY,
                SortOrder.ASC, new PageRequest(0, 100), Set.of("DIGI"), NOV_27.plusDays(1), List.of())
                .page().items().get(0);
        assertEquals("Bürgerportal", then.title(), "its title as it was when removed");
        assertEquals(1_000_00, then.budgetCents());
        // Selected as the mirror's rows are: by the viewer's Jira projects, field of action, text.
        assertEquals(Map.of(), asOf(NOV_27.plusDays(1), PortfolioFilter.ALL, "OTHER"));
        PortfolioFilter otherField = new PortfolioFilter(Set.of("9.9"), Set.of(), Set.of(), Set.of(), Set.of(), null);
        assertEquals(Map.of(), asOf(NOV_27.plusDays(1), otherField, "DIGI"));
        PortfolioFilter text = new PortfolioFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), "bürger");
        assertEquals(Map.of("DIGI-1", Health.GREEN), asOf(NOV_27.plusDays(1), text, "DIGI"));
        PortfolioFilter red = new PortfolioFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(Health.RED), null);
        assertEquals(Map.of("DIGI-1", Health.RED), asOf(NOV_27.plusDays(3), red, "DIGI"), "by its health then");

        List<LocalDate> days = List.of(NOV_27.plusDays(1), NOV_27.plusDays(3), NOV_27.plusDays(4));
        HealthTrend trend = store.projects.healthTrend(PortfolioFilter.ALL, Set.of("DIGI"), days);
        assertEquals(List.of(2, 2, 1), List.of(trend.total("3.1", 0), trend.total("3.1", 1), trend.total("3.1", 2)),
                "counted in the months it existed, not after");
        assertEquals(1, trend.count("3.1", 0, Health.GREEN));
        assertEquals(1, trend.count("3.1", 1, Health.RED));
        assertEquals(0, trend.count("3.1", 2, Health.RED));

        // Back in the portfolio on 5 December, amber: a new start, its earlier life kept.
        days(2);
        store.projects.mirror(List.of(new Mirrored(project("DIGI-1", "Bürgerportal", Health.AMBER, "3.1"), "1001")));
        days(2); // 7 December
        assertEquals(Map.of("DIGI-1", Health.GREEN, "DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(1)),
                "not created later: it existed then");
        assertEquals(Map.of("DIGI-1", Health.RED, "DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(3)));
        assertEquals(Map.of("DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(6)), "away between removal and return");
        assertEquals(Map.of("DIGI-1", Health.AMBER, "DIGI-2", Health.AMBER), asOf(NOV_27.plusDays(9)));
        HealthTrend again = store.projects.healthTrend(PortfolioFilter.ALL, Set.of("DIGI"),
                List.of(NOV_27.plusDays(1), NOV_27.plusDays(6), NOV_27.plusDays(9)));
        assertEquals(List.of(2, 1, 2), List.of(again.total("3.1", 0), again.total("3.1", 1), again.total("3.1", 2)));
    }

    @Test
    void anEditWrittenUnderTheKeyAloneCountsBeforeALaterChangeUnderTheId() {
        // Created in the cockpit (no Jira id known), edited there, then mirrored from Jira with its id.
        store.projects.save(project("DIGI-5", "Schul-WLAN", Health.GREEN, "3.1"));
        days(1); // 28 November
        store.projects.save(project("DIGI-5", "Schul-WLAN", Health.AMBER, "3.1"));
        days(1); // 29 November
        store.projects.mirror(List.of(new Mirrored(project("DIGI-5", "Schul-WLAN", Health.RED, "3.1"), "1005")));
        days(1);

        assertEquals(Map.of("DIGI-5", Health.GREEN), asOf(NOV_27), "before the edit: green, not amber");
        assertEquals(Map.of("DIGI-5", Health.AMBER), asOf(NOV_27.plusDays(1)));
        assertEquals(Map.of("DIGI-5", Health.RED), asOf(NOV_27.plusDays(2)));
    }
}
