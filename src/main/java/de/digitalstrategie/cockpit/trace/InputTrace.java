package de.digitalstrategie.cockpit.trace;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One advisory input and the decisions that took it up, as far as the viewer may see them.
 *
 * @param decisions lowest number first; only decisions on pages the viewer may see, not withdrawn
 * @param doneOn    by decision id, the day each of them was last set to done (in the city's zone),
 *                  as its history says; read whatever the decision's state is now, which
 *                  {@code DecisionStates.doneOn} weighs
 */
public record InputTrace(AdvisoryInput input, List<Filed<Decision>> decisions, Map<Long, LocalDate> doneOn) {
    public InputTrace {
        decisions = List.copyOf(decisions);
        doneOn = Map.copyOf(doneOn);
    }
}
