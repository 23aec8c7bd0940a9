package de.digitalstrategie.cockpit.portfolio.store;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioAggregator;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.PortfolioSummary;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A view's sums (groups, totals with the overdue, charts) are the sums over exactly the projects
 * its filter selects, as the export reads them and adds them up one by one: for every grouping and
 * filters on every column, on each database. Whichever way a view adds up, this holds it to the same
 * figures.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class PortfolioSumsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Set<String> VISIBLE = Set.of("DIGI", "ALT");
    private static final List<String> ORDER = List.of("3.4", "IMPLEMENTATION", "dep-3");

    private final StoreFixture store;

    PortfolioSumsTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void projects(int n) {
        SplittableRandom r = new SplittableRandom(17);
        List<ProjectStore.Mirrored> batch = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String jira = List.of("DIGI", "ALT", "GEHEIM").get(r.nextInt(3));
            LocalDate end = r.nextInt(6) == 0 ? null : TODAY.plusDays(r.nextInt(-500, 500));
            batch.add(new ProjectStore.Mirrored(new DigitalProject(jira + "-" + i, "Projekt " + i + (i % 7 == 0
                    ? " WLAN" : ""), new ProjectProfile("", "", "", i % 5 == 0 ? "Amt für WLAN" : "", "", ""),
                    new TimeFrame(end == null ? null : end.minusDays(400), end), r.nextLong(1_000_000_000L),
                    r.nextInt(3) == 0 ? 0 : r.nextLong(100_000_000L), ProjectStatus.values()[r.nextInt(5)],
                    Phase.values()[r.nextInt(5)], Health.values()[r.nextInt(3)],
                    r.nextInt(8) == 0 ? null : "dep-" + r.nextInt(12), r.nextInt(8) == 0 ? null : "3." + r.nextInt(1, 7),
                    Instant.parse("2026-11-20T10:00:00Z")), String.valueOf(i)));
        }
        store.projects.mirror(batch);
    }

    /** The same projects added one by one: every project the filter selects, as the export reads them. */
    private PortfolioSummary plain(PortfolioFilter filter, Grouping grouping) {
        PortfolioAggregator one = new PortfolioAggregator(grouping, TODAY);
        store.projects.forEach(filter, VISIBLE, p -> one.add(p.fieldOfActionKey(), p.departmentKey(), p.phase(),
                p.status(), p.health(), p.budgetCents(), p.fundingCents(), p.timeFrame().end()));
        return one.summary(ORDER);
    }

    private PortfolioSummary viewed(PortfolioFilter filter, Grouping grouping) {
        return store.projects.query(filter, grouping, PortfolioSort.KEY, SortOrder.ASC, PageRequest.page(1, 25), VISIBLE,
                TODAY, ORDER).summary();
    }

    @Test
    void aViewsSumsAreTheSumsOverTheProjectsItSelects() {
        projects(400);
        List<PortfolioFilter> filters = List.of(PortfolioFilter.ALL,
                new PortfolioFilter(Set.of(), Set.of(), Set.of(Phase.PLANNING, Phase.IMPLEMENTATION, Phase.OPERATION),
                        Set.of(), Set.of(), null),
                new PortfolioFilter(Set.of("3.1", "3.4"), Set.of("dep-3", "dep-7", "dep-11"), Set.of(),
                        Set.of(ProjectStatus.RUNNING, ProjectStatus.FINISHED), Set.of(Health.AMBER, Health.RED), null),
                new PortfolioFilter(Set.of(), Set.of(), Set.of(), Set.of(ProjectStatus.FINISHED, ProjectStatus.STOPPED),
                        Set.of(), "wlan"));
        for (PortfolioFilter filter : filters) {
            for (Grouping grouping : Grouping.values()) {
                PortfolioSummary expected = plain(filter, grouping);
                assertTrue(expected.total().projects() > 0, filter.toString());
                assertEquals(expected, viewed(filter, grouping), grouping + " " + filter);
            }
        }
        PortfolioSummary all = plain(PortfolioFilter.ALL, Grouping.FIELD);
        assertTrue(all.total().overdue() > 0 && all.total().overdue() < all.total().projects(), all.total().toString());
        assertTrue(all.byField().containsKey("") && all.budgetByDepartment().containsKey(""),
                "projects without a field or department are summed under \"\"");
    }

    @Test
    void nothingVisibleSumsToNothing() {
        projects(20);
        PortfolioSummary none = store.projects.query(PortfolioFilter.ALL, Grouping.FIELD, PortfolioSort.KEY,
                SortOrder.ASC, PageRequest.page(1, 25), Set.of("NIEMAND"), TODAY, ORDER).summary();
        assertEquals(0, none.total().projects());
        assertEquals(List.of(), none.groups());
    }
}
