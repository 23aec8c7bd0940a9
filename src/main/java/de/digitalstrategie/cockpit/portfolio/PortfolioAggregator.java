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
 * Sums projects one at a time as they stream past, so a portfolio of any size is aggregated in
 * constant memory per group (no list of all projects is ever built).
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
    /** Per department: its budget and how many projects it holds. */
    private final Map<String, long[]> budgetByDepartment = new HashMap<>();

    public PortfolioAggregator(Grouping grouping, LocalDate today) {
        this.grouping = grouping;
        this.today = today;
    }

    /** Adds one project, given by the few values the sums need. */
    public void add(String fieldKey, String departmentKey, Phase phase, ProjectStatus status, Health health,
                    long budgetCents, long fundingCents, LocalDate end) {
        boolean late = status.open() && end != null && end.isBefore(today);
        add(fieldKey, departmentKey, phase, status, health, 1, budgetCents, fundingCents, late ? 1 : 0);
    }

    /**
     * Adds a group of projects that share these values, by what they add up to ({@code overdue}: how
     * many of them count as overdue).
     */
    public void add(String fieldKey, String departmentKey, Phase phase, ProjectStatus status, Health health,
                    int projects, long budgetCents, long fundingCents, int overdue) {
        addFigures(fieldKey, departmentKey, phase, health, projects, budgetCents, fundingCents, overdue);
        addDepartment(departmentKey, projects, budgetCents);
    }

    /**
     * Adds a group of projects to everything but the budget per department, which comes from
     * {@link #addDepartment}: sums read per field, phase and health need no department, and summing
     * them apart from the departments keeps each read small. {@code departmentKey} is only read when
     * the view groups by department.
     */
    public void addFigures(String fieldKey, String departmentKey, Phase phase, Health health, int projects,
                           long budgetCents, long fundingCents, int overdue) {
        int risky = health.atRisk() ? projects : 0;
        total.add(projects, budgetCents, fundingCents, risky, overdue);
        groups.computeIfAbsent(group(fieldKey, departmentKey, phase), k -> new Sum(false))
                .add(projects, budgetCents, fundingCents, risky, overdue);
        byField.computeIfAbsent(fieldKey == null ? "" : fieldKey, k -> new int[1])[0] += projects;
        byPhase[phase.ordinal()] += projects;
    }

    /** Adds a department's projects and budget (the chart of budgets per department). */
    public void addDepartment(String departmentKey, int projects, long budgetCents) {
        long[] department = budgetByDepartment.computeIfAbsent(departmentKey == null ? "" : departmentKey,
                k -> new long[2]);
        department[0] += budgetCents;
        department[1] += projects;
    }

    /** How the groups are formed: which of a row's values a sum read per group has to carry. */
    public Grouping grouping() {
        return grouping;
    }

    /** Counts {@code change} more (or, negative, fewer) projects with these values as overdue. */
    public void overdue(String fieldKey, String departmentKey, Phase phase, int change) {
        total.add(0, 0, 0, 0, change);
        groups.computeIfAbsent(group(fieldKey, departmentKey, phase), k -> new Sum(false)).add(0, 0, 0, 0, change);
    }

    private String group(String fieldKey, String departmentKey, Phase phase) {
        String group = switch (grouping) {
            case FIELD -> fieldKey;
            case DEPARTMENT -> departmentKey;
            case PHASE -> phase.name();
            case NONE -> "";
        };
        return group == null ? "" : group;
    }

    /** The sums; groups ordered by the given key order (e.g. fields by their position), others after. */
    public PortfolioSummary summary(List<String> groupOrder) {
        Map<String, Totals> sorted = new TreeMap<>();
        // A group, field or department holds projects, or is not shown (sums of groups may cancel out).
        groups.forEach((k, sum) -> {
            if (sum.projects != 0) {
                sorted.put(k, sum.totals());
            }
        });
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
        byField.forEach((k, n) -> {
            if (n[0] != 0) {
                fields.put(k, n[0]);
            }
        });
        Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (byPhase[phase.ordinal()] > 0) {
                phases.put(phase, byPhase[phase.ordinal()]);
            }
        }
        Map<String, Long> budgets = new TreeMap<>();
        budgetByDepartment.forEach((k, sums) -> {
            if (sums[1] != 0) {
                budgets.put(k, sums[0]);
            }
        });
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

        void add(int count, long budget, long funding, int risky, int late) {
            projects += count;
            budgetCents = exact ? Math.addExact(budgetCents, budget) : budgetCents + budget;
            fundingCents = exact ? Math.addExact(fundingCents, funding) : fundingCents + funding;
            atRisk += risky;
            overdue += late;
        }

        Totals totals() {
            return new Totals(projects, budgetCents, fundingCents, atRisk, overdue);
        }
    }
}
