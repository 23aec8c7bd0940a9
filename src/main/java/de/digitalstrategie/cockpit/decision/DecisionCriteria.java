package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.RegisterQuery;

import java.util.List;
import java.util.Set;

/**
 * What only the decision register filters by.
 *
 * @param owner          decisions this person or unit carries out; null for any
 * @param implementation decisions in force that stand in one of these states of implementation;
 *                       empty for any decision, in force or not
 */
public record DecisionCriteria(String owner, Set<ImplementationState> implementation) {
    /** How the decision register is asked for: by meeting, owner and implementation beside what every register takes. */
    public static final RegisterQuery.Shape<DecisionStatus, DecisionCriteria, DecisionSort> SHAPE =
            new RegisterQuery.Shape<>(DecisionStatus.class, DecisionSort.class,
                    List.of("year", "status", "project", "owner", "text", "meeting", "implementation"),
                    p -> new DecisionCriteria(p.text("owner").orElse(null),
                            Set.copyOf(p.choices("implementation", ImplementationState.class))));

    public DecisionCriteria {
        implementation = implementation == null ? Set.of() : Set.copyOf(implementation);
    }

    /** Decisions of one owner, whatever their implementation. */
    public DecisionCriteria(String owner) {
        this(owner, Set.of());
    }
}
