package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;

import java.util.Set;

/**
 * What the advisory register shows. Null or empty means "any".
 *
 * @param unanswered     only input the city has not yet taken a position on
 * @param awaitingReport only input whose answer the board has not yet been told
 */
public record AdvisoryFilter(Integer year, Long meetingId, Set<AnswerStatus> statuses, Sector sector,
                             String projectKey, String text, boolean unanswered, boolean awaitingReport,
                             boolean withdrawn) {
    public static final AdvisoryFilter ALL = new AdvisoryFilter(null, null, Set.of(), null, null, null, false, false,
            false);

    public AdvisoryFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
