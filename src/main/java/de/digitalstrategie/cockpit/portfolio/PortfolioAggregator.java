package de.digitalstrategie.cockpit.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the portfolio's sums from projects summed per group by the database ({@link #addGroup},
 * {@link #addField}, {@link #addDepartment}, {@link #addOverdue}) or from single projects
 * ({@link #add}); either way it holds one running sum per group, never the projects themselves.
 */
public final class PortfolioAggregator {
    private final Grouping grouping;
    private final LocalDate today;
    private final Sum total = new Sum(true);
    // Mutable sums in hash maps while adding: one lookup per map and row, no object per row; sorted
    // and made immutable once, in summary().
    private final Map<String, Sum> groups = new HashMap<>();
    private final Map<String, int[]> byField = new HashMap<>();
    private final int[] byPhase = new int[Phase.values().length];
    private final Map<String, long[]> budgetByDepartment = new HashMap<>();

    public PortfolioAggregator(Grouping grouping, LocalDate today) {
        this.grouping = grouping;
        this.today = today;
    }

    /** Adds one project, given by the few values the sums need. */
    public void add(String fieldKey, String departmentKey, Phase phase, ProjectStatus status, Health health,
                    long budgetCents, long fundingCents, LocalDate end) {
        String group = switch (grouping) {
            case FIELD -> fieldKey;
            case DEPARTMENT -> departmentKey;
            case PHASE -> phase.name();
            case NONE -> null;
        };
        addGroup(group, phase, health, 1, budgetCents, fundingCents);
        addField(fieldKey, 1);
        addDepartment(departmentKey, budgetCents);
        if (status.open() && end != null && end.isBefore(today)) {
            addOverdue(group, 1);
        }
    }

    /**
     * Adds projects of one group that share a phase and a health, with their number and their
     * budgets and funding summed (a row of the database's sums). The group is given by the value
     * of the grouping's column: a field or department key, a phase's name; null where the column
     * is empty or the portfolio is not grouped. How many of them are overdue comes apart
     * ({@link #addOverdue}), as do the charts by field and department.
     */
    public void addGroup(String groupKey, Phase phase, Health health, int projects, long budgetCents,
                         long fundingCents) {
        int risky = health.atRisk() ? projects : 0;
        total.add(projects, budgetCents, fundingCents, risky);
        group(groupKey).add(projects, budgetCents, fundingCents, risky);
        byPhase[phase.ordinal()] += projects;
    }

    /** Adds projects of a field of action to the chart by field (null: none given). */
    public void addField(String fieldKey, int projects) {
        byField.computeIfAbsent(fieldKey == null ? "" : fieldKey, k -> new int[1])[0] += projects;
    }

    /** Adds budget of a department's projects to the chart by department (null: none given). */
    public void addDepartment(String departmentKey, long budgetCents) {
        budgetByDepartment.computeIfAbsent(departmentKey == null ? "" : departmentKey, k -> new long[1])[0]
                += budgetCents;
    }

    /**
     * Adds how many of a group's projects, added before, are overdue: still open and past their
     * end. The group as for {@link #addGroup}.
     */
    public void addOverdue(String groupKey, int overdue) {
        total.overdue = Math.addExact(total.overdue, overdue);
        group(groupKey).overdue += overdue;
    }

    private Sum group(String key) {
        return groups.computeIfAbsent(grouping == Grouping.NONE || key == null ? "" : key, k -> new Sum(false));
    }

    /** The sums; groups ordered by the given key order (e.g. fields by their position), others after. */
    public PortfolioSummary summary(List<String> groupOrder) {
        Map<String, Totals> sorted = new TreeMap<>();
        groups.forEach((k, sum) -> sorted.put(k, sum.totals()));
        List<PortfolioSummary.Group> ordered = new ArrayList<>();
        Map<String, Totals> rest = new LinkedHashMap<>(sorted);
        for (String key : groupOrder) {
            Totals t = rest.remove(key);
            if (t != null) {
                ordered.add(new PortfolioSummary.Group(key, t));
            }
        }
        rest.forEach((k, t) -> ordered.add(new PortfolioSummary.Group(k, t)));
        Map<String, Integer> fields = new TreeMap<>();
        byField.forEach((k, n) -> fields.put(k, n[0]));
        Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (byPhase[phase.ordinal()] > 0) {
                phases.put(phase, byPhase[phase.ordinal()]);
            }
        }
        Map<String, Long> budgets = new TreeMap<>();
        budgetByDepartment.forEach((k, cents) -> budgets.put(k, cents[0]));
        return new PortfolioSummary(total.totals(), grouping == Grouping.NONE ? List.of() : ordered, fields, phases,
                budgets);
    }

    /** A running sum; the grand total checks its additions for overflow, as Totals.plus does. */
    private static final class Sum {
        private final boolean exact;
        private int projects;
        private long budgetCents;
        private long fundingCents;
        private int atRisk;
        private int overdue;

        Sum(boolean exact) {
            this.exact = exact;
        }

        void add(int count, long budget, long funding, int risky) {
            projects += count;
            budgetCents = exact ? Math.addExact(budgetCents, budget) : budgetCents + budget;
            fundingCents = exact ? Math.addExact(fundingCents, funding) : fundingCents + funding;
            atRisk += risky;
        }

        Totals totals() {
            return new Totals(projects, budgetCents, fundingCents, atRisk, overdue);
        }
    }
}
