package de.digitalstrategie.cockpit.portfolio;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streamed sums equal the sums worked out the plain way, project by project. */
class PortfolioAggregatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private record P(String field, String department, Phase phase, ProjectStatus status, Health health, long budget,
                     long funding, LocalDate end) {
    }

    private static List<P> projects(int n) {
        SplittableRandom r = new SplittableRandom(11);
        List<P> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new P(r.nextInt(10) == 0 ? null : "3." + r.nextInt(1, 7),
                    r.nextInt(10) == 0 ? null : "dep-" + r.nextInt(12), Phase.values()[r.nextInt(5)],
                    ProjectStatus.values()[r.nextInt(5)], Health.values()[r.nextInt(3)], r.nextLong(1_000_000_000L),
                    r.nextLong(1_000_000L), r.nextInt(5) == 0 ? null : TODAY.plusDays(r.nextInt(-400, 400))));
        }
        return list;
    }

    private static Totals plain(List<P> projects) {
        Totals t = Totals.NONE;
        for (P p : projects) {
            t = t.plus(p.budget(), p.funding(), p.health().atRisk(),
                    p.status().open() && p.end() != null && p.end().isBefore(TODAY));
        }
        return t;
    }

    @Test
    void sumsTotalsGroupsAndChartsAsThePlainWayDoes() {
        List<P> projects = projects(5000);
        for (Grouping grouping : Grouping.values()) {
            PortfolioAggregator aggregator = new PortfolioAggregator(grouping, TODAY);
            projects.forEach(p -> aggregator.add(p.field(), p.department(), p.phase(), p.status(), p.health(),
                    p.budget(), p.funding(), p.end()));
            PortfolioSummary summary = aggregator.summary(List.of("3.4", "IMPLEMENTATION", "dep-3"));
            assertEquals(plain(projects), summary.total(), grouping.name());

            Map<String, List<P>> byGroup = new TreeMap<>();
            Map<String, Integer> byField = new TreeMap<>();
            Map<Phase, Integer> byPhase = new EnumMap<>(Phase.class);
            Map<String, Long> budgets = new TreeMap<>();
            for (P p : projects) {
                String key = switch (grouping) {
                    case FIELD -> p.field();
                    case DEPARTMENT -> p.department();
                    case PHASE -> p.phase().name();
                    case NONE -> "";
                };
                byGroup.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(p);
                byField.merge(p.field() == null ? "" : p.field(), 1, Integer::sum);
                byPhase.merge(p.phase(), 1, Integer::sum);
                budgets.merge(p.department() == null ? "" : p.department(), p.budget(), Long::sum);
            }
            List<PortfolioSummary.Group> expected = new ArrayList<>();
            Map<String, List<P>> rest = new java.util.LinkedHashMap<>(byGroup);
            for (String first : List.of("3.4", "IMPLEMENTATION", "dep-3")) {
                List<P> in = rest.remove(first);
                if (in != null) {
                    expected.add(new PortfolioSummary.Group(first, plain(in)));
                }
            }
            rest.forEach((k, in) -> expected.add(new PortfolioSummary.Group(k, plain(in))));
            assertEquals(grouping == Grouping.NONE ? List.of() : expected, summary.groups(), grouping.name());
            assertEquals(byField, summary.byField());
            assertEquals(List.copyOf(byField.keySet()), List.copyOf(summary.byField().keySet()), "in key order");
            assertEquals(byPhase, summary.byPhase());
            assertEquals(budgets, summary.budgetByDepartment());
            assertEquals(List.copyOf(budgets.keySet()), List.copyOf(summary.budgetByDepartment().keySet()));
        }
    }

    @Test
    void aTotalBeyondALongIsAnErrorNotAWrongSum() {
        PortfolioAggregator aggregator = new PortfolioAggregator(Grouping.NONE, TODAY);
        aggregator.add("3.1", "it", Phase.IDEA, ProjectStatus.PLANNED, Health.GREEN, Long.MAX_VALUE, 0, null);
        assertThrows(ArithmeticException.class, () -> aggregator.add("3.1", "it", Phase.IDEA, ProjectStatus.PLANNED,
                Health.GREEN, 1, 0, null));
    }
}
