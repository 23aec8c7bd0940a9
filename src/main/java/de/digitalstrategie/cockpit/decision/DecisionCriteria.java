package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.RegisterQuery;

import java.util.List;

/**
 * What only the decision register filters by.
 *
 * @param owner decisions this person or unit carries out; null for any
 */
public record DecisionCriteria(String owner) {
    /** How the decision register is asked for: by meeting and owner beside what every register takes. */
    public static final RegisterQuery.Shape<DecisionStatus, DecisionCriteria, DecisionSort> SHAPE =
            new RegisterQuery.Shape<>(DecisionStatus.class, DecisionSort.class,
                    List.of("year", "status", "project", "owner", "text", "meeting"),
                    p -> new DecisionCriteria(p.text("owner").orElse(null)));
}
