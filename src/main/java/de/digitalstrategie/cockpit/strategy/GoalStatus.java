package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.register.RecordStatus;

/** Where a strategic goal stands; the transitions are in {@link GoalWorkflow}. */
public enum GoalStatus implements RecordStatus {
    DRAFT, ADOPTED, ACHIEVED, DROPPED;

    /** A goal the city pursues now: its indicators are followed and assessed. */
    public boolean pursued() {
        return this == ADOPTED;
    }

    @Override
    public String lozenge() {
        return switch (this) {
            case ADOPTED -> "aui-lozenge-success";
            case ACHIEVED -> "aui-lozenge-complete";
            case DROPPED -> "aui-lozenge-subtle";
            case DRAFT -> "aui-lozenge-current";
        };
    }

    @Override
    public String labelPrefix() {
        return "cockpit.goal.status";
    }
}
