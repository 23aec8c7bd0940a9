package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.register.RegisterQuery;

import java.util.List;

/**
 * What only the advisory register filters by.
 *
 * @param sector         input given by experts of this sector; null for any
 * @param unanswered     only input the city has not yet taken a position on
 * @param awaitingReport only input whose answer the board has not yet been told
 */
public record AdvisoryCriteria(Sector sector, boolean unanswered, boolean awaitingReport) {
    /** How the advisory register is asked for: by sector and by where the answer stands. */
    public static final RegisterQuery.Shape<AnswerStatus, AdvisoryCriteria, AdvisorySort> SHAPE =
            new RegisterQuery.Shape<>(AnswerStatus.class, AdvisorySort.class,
                    List.of("year", "status", "sector", "project", "text", "unanswered", "awaiting-report"),
                    p -> new AdvisoryCriteria(
                    p.choice("sector", Sector.class).orElse(null), p.flag("unanswered", false),
                    p.flag("awaiting-report", false)));
}
