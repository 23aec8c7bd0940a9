package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.StatusChange;

/**
 * A requested status change of a decision, as the workflow's guards see it.
 *
 * @param vote      the vote taken with this change, or null to keep the recorded one
 * @param successor the number of the newer decision, for superseded and revoked
 * @param comment   why, in the actor's words; goes into the audit trail
 */
public record DecisionChange(Decision current, DecisionStatus to, String actor, Vote vote, String successor,
                             String comment) implements StatusChange<Decision, DecisionStatus> {

    /** The vote that will stand after the change. */
    public Vote effectiveVote() {
        return vote != null ? vote : current.vote();
    }
}
