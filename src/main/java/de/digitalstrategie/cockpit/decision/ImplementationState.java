package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.workflow.WorkflowState;

import java.util.Locale;

/**
 * How far a decision in force has been carried out ("Beschlusskontrolle"). It follows the status
 * category of the decision's Jira issue where it has one (every Jira workflow has the three
 * categories), and is set by the responsible unit where it has none.
 */
public enum ImplementationState implements WorkflowState {
    OPEN, IN_PROGRESS, DONE;

    /** Jira's status category key ({@code fields.status.statusCategory.key}): new, indeterminate, done. */
    public static ImplementationState ofJiraCategory(String key) {
        return switch (key == null ? "" : key) {
            case "done" -> DONE;
            case "indeterminate" -> IN_PROGRESS;
            default -> OPEN;
        };
    }

    /** The code parameters, REST and OParl use: open, in-progress, done. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The AUI lozenge it shows in: grey open, blue in progress, green done. */
    public String lozenge() {
        return switch (this) {
            case OPEN -> "aui-lozenge-subtle";
            case IN_PROGRESS -> "aui-lozenge-current";
            case DONE -> "aui-lozenge-success";
        };
    }

    @Override
    public String labelPrefix() {
        return "cockpit.decision.implementation";
    }
}
