package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.LocalDate;

/**
 * The city's answer to an advisory input and whether the board has been told.
 *
 * @param text             the answer, or the reason for declining
 * @param owner            who answers for the city (the CDO's unit by default)
 * @param answeredOn       when the city took its position, or null
 * @param reportedToBoardOn when the board was told what became of its input, or null
 */
public record CityAnswer(AnswerStatus status, String text, String owner, LocalDate answeredOn,
                         LocalDate reportedToBoardOn) {
    public static final CityAnswer RECEIVED = new CityAnswer(AnswerStatus.RECEIVED, "", "", null, null);

    public CityAnswer {
        Text.present(status, "cockpit.advisory.status");
        text = Text.optional(text, "cockpit.advisory.answer", Text.LONG);
        owner = Text.optional(owner, "cockpit.advisory.answer-owner", Text.LINE);
        if (reportedToBoardOn != null && !status.answered()) {
            throw ValidationException.of("cockpit.advisory.error.report-before-answer", status.label());
        }
    }

    /** Answered, but the board has not yet been told: the loop is still open. */
    public boolean awaitingReport() {
        return status.answered() && reportedToBoardOn == null;
    }
}
