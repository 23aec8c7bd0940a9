package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.RecordStatus;

/** Where a steering-committee decision stands; the transitions are in {@link DecisionWorkflow}. */
public enum DecisionStatus implements RecordStatus {
    PROPOSED, READY_FOR_VOTE, DECIDED, REJECTED, DEFERRED, SUPERSEDED, REVOKED;

    /** A decision in force binds the departments it concerns. */
    public boolean inForce() {
        return this == DECIDED;
    }

    @Override
    public String lozenge() {
        return switch (this) {
            case DECIDED -> "aui-lozenge-success";
            case REJECTED -> "aui-lozenge-error";
            case SUPERSEDED, REVOKED -> "aui-lozenge-subtle";
            case DEFERRED -> "aui-lozenge-moved";
            case PROPOSED, READY_FOR_VOTE -> "aui-lozenge-current";
        };
    }

    @Override
    public String labelPrefix() {
        return "cockpit.decision.status";
    }
}
