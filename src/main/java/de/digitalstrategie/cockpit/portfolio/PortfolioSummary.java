package de.digitalstrategie.cockpit.portfolio;

import java.util.List;
import java.util.Map;

/**
 * The aggregates of the projects a portfolio view selects (all of them, not just the page shown).
 *
 * @param groups    per group key, in display order, with its totals
 * @param byField   projects per field of action (for the chart)
 * @param byPhase   projects per phase (for the chart)
 * @param budgetByDepartment budget in cents per department (for the chart)
 */
public record PortfolioSummary(Totals total, List<Group> groups, Map<String, Integer> byField,
                               Map<Phase, Integer> byPhase, Map<String, Long> budgetByDepartment) {

    public record Group(String key, Totals totals) {
    }

    public PortfolioSummary {
        groups = List.copyOf(groups);
        // Views are shared between viewers (ProjectStore keeps them): no one may change them.
        byField = java.util.Collections.unmodifiableMap(byField);
        byPhase = java.util.Collections.unmodifiableMap(byPhase);
        budgetByDepartment = java.util.Collections.unmodifiableMap(budgetByDepartment);
    }
}
