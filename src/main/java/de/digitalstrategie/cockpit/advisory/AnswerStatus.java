package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.workflow.WorkflowState;

/** Where the city's answer to an advisory input stands; transitions in {@link AnswerWorkflow}. */
public enum AnswerStatus implements WorkflowState {
    RECEIVED, UNDER_REVIEW, ADOPTED, PARTLY_ADOPTED, DECLINED, IMPLEMENTED;

    /** The city has taken a position the board can be told about. */
    public boolean answered() {
        return this == ADOPTED || this == PARTLY_ADOPTED || this == DECLINED || this == IMPLEMENTED;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.advisory.status";
    }
}
