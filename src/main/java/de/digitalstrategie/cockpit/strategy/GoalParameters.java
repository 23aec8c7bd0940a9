package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.register.RecordParameters;

import java.util.List;

/**
 * The parameters of the {@code strategy-goal} macro (see {@link RecordParameters}); the status and
 * its reason are what the page claims.
 */
public record GoalParameters(String number, String title, String fieldOfAction, GoalStatus status, String reason,
                             List<String> projectKeys, List<String> decisions, boolean isPublic)
        implements RecordParameters<GoalStatus> {

    public static GoalParameters read(MacroParameters p) {
        return new GoalParameters(
                Goal.checkNumber(p.required("number")),
                p.required("title"),
                p.required("field"),
                p.choice("status", GoalStatus.class).orElse(GoalStatus.DRAFT),
                p.text("reason", ""),
                p.issueKeys("projects"),
                p.list("decisions").stream().distinct().toList(),
                p.flag("public", true));
    }

    /** The goal as the register records it from its page; its description is the macro's body. */
    public Goal toGoal(String macroId, String description, PageRef page) {
        return new Goal(0, macroId, number, title, fieldOfAction, description, status, reason, projectKeys, decisions,
                page, false, isPublic);
    }
}
