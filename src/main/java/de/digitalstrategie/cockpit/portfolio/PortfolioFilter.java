package de.digitalstrategie.cockpit.portfolio;

import java.util.Set;

/** Which projects the portfolio shows; empty sets and null text mean "any". */
public record PortfolioFilter(Set<String> fieldKeys, Set<String> departmentKeys, Set<Phase> phases,
                              Set<ProjectStatus> statuses, Set<Health> health, String text) {
    public static final PortfolioFilter ALL = new PortfolioFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null);

    public PortfolioFilter {
        fieldKeys = Set.copyOf(fieldKeys);
        departmentKeys = Set.copyOf(departmentKeys);
        phases = Set.copyOf(phases);
        statuses = Set.copyOf(statuses);
        health = Set.copyOf(health);
    }
}
