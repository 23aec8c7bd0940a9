package de.digitalstrategie.cockpit.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums projects one at a time as they stream past, so a portfolio of any size is aggregated in
 * constant memory per group (no list of all projects is ever built).
 */
public final class PortfolioAggregator {
    private final Grouping grouping;
    private final LocalDate today;
    private Totals total = Totals.NONE;
    private final Map<String, Totals> groups = new TreeMap<>();
    private final Map<String, Integer> byField = new TreeMap<>();
    private final Map<Phase, Integer> byPhase = new EnumMap<>(Phase.class);
    private final Map<String, Long> budgetByDepartment = new TreeMap<>();

    public PortfolioAggregator(Grouping grouping, LocalDate today) {
        this.grouping = grouping;
        this.today = today;
    }

    /** Adds one project, given by the few values the sums need. */
    public void add(String fieldKey, String departmentKey, Phase phase, ProjectStatus status, Health health,
                    long budgetCents, long fundingCents, LocalDate end) {
        boolean late = status.open() && end != null && end.isBefore(today);
        boolean risky = health.atRisk();
        total = total.plus(budgetCents, fundingCents, risky, late);
        String group = switch (grouping) {
            case FIELD -> fieldKey;
            case DEPARTMENT -> departmentKey;
            case PHASE -> phase.name();
            case NONE -> "";
        };
        groups.merge(group == null ? "" : group, Totals.NONE.plus(budgetCents, fundingCents, risky, late),
                (a, b) -> new Totals(a.projects() + b.projects(), a.budgetCents() + b.budgetCents(),
                        a.fundingCents() + b.fundingCents(), a.atRisk() + b.atRisk(), a.overdue() + b.overdue()));
        byField.merge(fieldKey == null ? "" : fieldKey, 1, Integer::sum);
        byPhase.merge(phase, 1, Integer::sum);
        budgetByDepartment.merge(departmentKey == null ? "" : departmentKey, budgetCents, Long::sum);
    }

    /** The sums; groups ordered by the given key order (e.g. fields by their position), others after. */
    public PortfolioSummary summary(List<String> groupOrder) {
        List<PortfolioSummary.Group> ordered = new ArrayList<>();
        Map<String, Totals> rest = new LinkedHashMap<>(groups);
        for (String key : groupOrder) {
            Totals t = rest.remove(key);
            if (t != null) {
                ordered.add(new PortfolioSummary.Group(key, t));
            }
        }
        rest.forEach((k, t) -> ordered.add(new PortfolioSummary.Group(k, t)));
        return new PortfolioSummary(total, grouping == Grouping.NONE ? List.of() : ordered, byField, byPhase,
                budgetByDepartment);
    }
}
