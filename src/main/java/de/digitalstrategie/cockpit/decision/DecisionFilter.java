package de.digitalstrategie.cockpit.decision;

import java.util.Set;

/**
 * What the decision register shows. Null or empty means "any".
 *
 * @param year       the year of the meeting
 * @param meetingId  one meeting
 * @param statuses   any of these statuses
 * @param projectKey decisions concerning this project
 * @param owner      decisions this person or unit carries out
 * @param text       words in the number or title
 * @param withdrawn  whether to include decisions whose macro left its page
 */
public record DecisionFilter(Integer year, Long meetingId, Set<DecisionStatus> statuses, String projectKey,
                             String owner, String text, boolean withdrawn) {
    public static final DecisionFilter ALL = new DecisionFilter(null, null, Set.of(), null, null, null, false);

    public DecisionFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
