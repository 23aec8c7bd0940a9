package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.workflow.Workflow;

import java.util.Optional;

import static de.digitalstrategie.cockpit.advisory.AnswerStatus.ADOPTED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.DECLINED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.IMPLEMENTED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.PARTLY_ADOPTED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.RECEIVED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.UNDER_REVIEW;

/**
 * The city's answer: received → under review → adopted | partly adopted | declined; what was
 * (partly) adopted is later implemented. A decline needs a reason, a partial adoption says which
 * part: the board is owed an explanation.
 */
public final class AnswerWorkflow {

    public static final Workflow<AnswerStatus, AnswerChange> WORKFLOW =
            Workflow.<AnswerStatus, AnswerChange>startingAt(RECEIVED)
                    .allow(RECEIVED, UNDER_REVIEW)
                    .allow(UNDER_REVIEW, ADOPTED, PARTLY_ADOPTED, DECLINED)
                    .allow(ADOPTED, IMPLEMENTED)
                    .allow(PARTLY_ADOPTED, IMPLEMENTED)
                    .guard(DECLINED, change -> explained(change, "cockpit.advisory.error.reason-required"))
                    .guard(PARTLY_ADOPTED, change -> explained(change, "cockpit.advisory.error.part-required"))
                    .build();

    private AnswerWorkflow() {
    }

    private static Optional<Message> explained(AnswerChange change, String key) {
        return change.effectiveText().isBlank() ? Optional.of(Message.of(key)) : Optional.empty();
    }
}
