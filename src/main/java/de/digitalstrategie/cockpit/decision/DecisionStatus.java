package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.workflow.WorkflowState;

/** Where a steering-committee decision stands; the transitions are in {@link DecisionWorkflow}. */
public enum DecisionStatus implements WorkflowState {
    PROPOSED, READY_FOR_VOTE, DECIDED, REJECTED, DEFERRED, SUPERSEDED, REVOKED;

    /** A decision in force binds the departments it concerns. */
    public boolean inForce() {
        return this == DECIDED;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.decision.status";
    }
}
