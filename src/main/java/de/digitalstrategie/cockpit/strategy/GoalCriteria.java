package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.register.RegisterQuery;

import java.util.List;

/**
 * What only the goal register filters by.
 *
 * @param fieldOfAction goals of this field of action (its key, e.g. "3.1"); null for any
 */
public record GoalCriteria(String fieldOfAction) {
    /** How the goal register is asked for: by field of action beside what every register takes. */
    public static final RegisterQuery.Shape<GoalStatus, GoalCriteria, GoalSort> SHAPE =
            new RegisterQuery.Shape<>(GoalStatus.class, GoalSort.class,
                    List.of("year", "status", "field", "project", "text"),
                    p -> new GoalCriteria(p.text("field").orElse(null)));

    public GoalCriteria {
        fieldOfAction = fieldOfAction == null || fieldOfAction.isBlank() ? null : fieldOfAction.strip();
    }
}
