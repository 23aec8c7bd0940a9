package de.digitalstrategie.cockpit.decision.store;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.query.ResultPage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A page of the decision register with what the register shows beside each decision.
 *
 * @param meetingDates by decision id: the date of the meeting that took it
 * @param conflicts    by decision id: a status a page edit claimed that the workflow refused
 * @param replacedBy   by decision number: the numbers of the decisions it replaced (those that name it as
 *                     their successor), on pages the viewer may see
 */
public record RegisterPage(ResultPage<Decision> page, Map<Long, LocalDate> meetingDates,
                           Map<Long, DecisionStatus> conflicts, Map<String, List<String>> replacedBy) {
    public RegisterPage {
        meetingDates = Map.copyOf(meetingDates);
        conflicts = Map.copyOf(conflicts);
        replacedBy = Map.copyOf(replacedBy);
    }
}
