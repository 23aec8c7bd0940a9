package de.digitalstrategie.cockpit.advisory.store;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.query.ResultPage;

import java.util.Map;

/**
 * A page of the advisory register.
 *
 * @param conflicts by input id: an answer status a page edit claimed that the workflow refused
 */
public record AdvisoryPage(ResultPage<AdvisoryInput> page, Map<Long, AnswerStatus> conflicts) {
    public AdvisoryPage {
        conflicts = Map.copyOf(conflicts);
    }
}
