package de.digitalstrategie.cockpit.trace;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;

import java.util.List;

/**
 * One advisory input and the decisions that took it up, as far as the viewer may see them.
 *
 * @param decisions lowest number first; only decisions on pages the viewer may see, not withdrawn
 */
public record InputTrace(AdvisoryInput input, List<Filed<Decision>> decisions) {
    public InputTrace {
        decisions = List.copyOf(decisions);
    }
}
