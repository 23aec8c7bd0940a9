package de.digitalstrategie.cockpit.workflow;

import de.digitalstrategie.cockpit.message.Message;

import java.util.Optional;

/**
 * A condition a transition into a state must meet beyond being allowed at all: a reason for a
 * refusal, a vote before a decision, a successor for a superseded decision.
 *
 * @param <C> what the guard looks at: the record and the change being made to it
 */
@FunctionalInterface
public interface Guard<C> {
    /** @return the reason for refusing, or empty when the transition may go ahead */
    Optional<Message> refuse(C change);
}
