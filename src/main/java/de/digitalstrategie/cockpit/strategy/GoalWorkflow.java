package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.workflow.Workflow;

import java.util.Optional;

import static de.digitalstrategie.cockpit.strategy.GoalStatus.ACHIEVED;
import static de.digitalstrategie.cockpit.strategy.GoalStatus.ADOPTED;
import static de.digitalstrategie.cockpit.strategy.GoalStatus.DRAFT;
import static de.digitalstrategie.cockpit.strategy.GoalStatus.DROPPED;

/**
 * A goal's workflow: draft → adopted → achieved | dropped; a draft may also be dropped before it
 * is adopted. Achieving and dropping are ends, and both need a reason: the council and the public
 * are owed why a goal the city adopted stops being pursued.
 */
public final class GoalWorkflow {

    public static final Workflow<GoalStatus, GoalChange> WORKFLOW =
            Workflow.<GoalStatus, GoalChange>startingAt(DRAFT)
                    .allow(DRAFT, ADOPTED, DROPPED)
                    .allow(ADOPTED, ACHIEVED, DROPPED)
                    .guard(ACHIEVED, change -> explained(change, "cockpit.goal.error.reason-achieved"))
                    .guard(DROPPED, change -> explained(change, "cockpit.goal.error.reason-dropped"))
                    .build();

    private GoalWorkflow() {
    }

    private static Optional<Message> explained(GoalChange change, String key) {
        return change.effectiveReason().isBlank() ? Optional.of(Message.of(key)) : Optional.empty();
    }
}
