package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.workflow.WorkflowState;

import java.util.Locale;
import java.util.Map;

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

    /**
     * The state a request names by its code, as the REST path and the register's form send it.
     *
     * @throws ValidationException for a missing or unknown code
     */
    public static ImplementationState parse(String code) {
        return new MacroParameters(Map.of("state", String.valueOf(code))).choice("state", ImplementationState.class)
                .orElseThrow(() -> ValidationException.of("cockpit.macro.error.missing", "state"));
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
