package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.register.RecordStatus;

/** Where the city's answer to an advisory input stands; transitions in {@link AnswerWorkflow}. */
public enum AnswerStatus implements RecordStatus {
    RECEIVED, UNDER_REVIEW, ADOPTED, PARTLY_ADOPTED, DECLINED, IMPLEMENTED;

    /** The city has taken a position the board can be told about. */
    public boolean answered() {
        return this == ADOPTED || this == PARTLY_ADOPTED || this == DECLINED || this == IMPLEMENTED;
    }

    @Override
    public String lozenge() {
        return switch (this) {
            case ADOPTED, IMPLEMENTED -> "aui-lozenge-success";
            case PARTLY_ADOPTED -> "aui-lozenge-moved";
            case DECLINED -> "aui-lozenge-error";
            case RECEIVED, UNDER_REVIEW -> "aui-lozenge-current";
        };
    }

    @Override
    public String labelPrefix() {
        return "cockpit.advisory.status";
    }
}
