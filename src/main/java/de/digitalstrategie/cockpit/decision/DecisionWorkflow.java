package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.workflow.Workflow;

import java.util.Optional;

import static de.digitalstrategie.cockpit.decision.DecisionStatus.DECIDED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.DEFERRED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.PROPOSED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.READY_FOR_VOTE;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.REJECTED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.REVOKED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.SUPERSEDED;

/**
 * The decision workflow: proposed → ready for vote → decided | rejected | deferred; a deferred
 * item returns to the agenda; a decided one can only end by a newer decision superseding or
 * revoking it. Decided and rejected need a vote that says so.
 */
public final class DecisionWorkflow {

    public static final Workflow<DecisionStatus, DecisionChange> WORKFLOW =
            Workflow.<DecisionStatus, DecisionChange>startingAt(PROPOSED)
                    .allow(PROPOSED, READY_FOR_VOTE, DEFERRED)
                    .allow(READY_FOR_VOTE, DECIDED, REJECTED, DEFERRED)
                    .allow(DEFERRED, READY_FOR_VOTE)
                    .allow(DECIDED, SUPERSEDED, REVOKED)
                    .guard(DECIDED, DecisionWorkflow::voteCarried)
                    .guard(REJECTED, DecisionWorkflow::voteFailed)
                    .guard(SUPERSEDED, DecisionWorkflow::namesSuccessor)
                    .guard(REVOKED, DecisionWorkflow::namesSuccessor)
                    .build();

    private DecisionWorkflow() {
    }

    private static Optional<Message> voteCarried(DecisionChange change) {
        Vote vote = change.effectiveVote();
        if (vote == null) {
            return Optional.of(Message.of("cockpit.decision.error.vote-required"));
        }
        return vote.carried() ? Optional.empty()
                : Optional.of(Message.of("cockpit.decision.error.vote-not-carried", vote.toString()));
    }

    private static Optional<Message> voteFailed(DecisionChange change) {
        Vote vote = change.effectiveVote();
        if (vote == null) {
            return Optional.of(Message.of("cockpit.decision.error.vote-required"));
        }
        return vote.carried()
                ? Optional.of(Message.of("cockpit.decision.error.vote-carried", vote.toString()))
                : Optional.empty();
    }

    private static Optional<Message> namesSuccessor(DecisionChange change) {
        String successor = change.successor() == null ? "" : change.successor().strip();
        if (successor.isEmpty()) {
            return Optional.of(Message.of("cockpit.decision.error.successor-required", change.to().label()));
        }
        if (successor.equals(change.current().number())) {
            return Optional.of(Message.of("cockpit.decision.error.successor-self", successor));
        }
        return Optional.empty();
    }
}
