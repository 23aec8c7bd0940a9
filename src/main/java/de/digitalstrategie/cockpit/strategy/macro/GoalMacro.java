package de.digitalstrategie.cockpit.strategy.macro;

import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.register.macro.RecordMacro;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalParameters;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;

import java.util.Optional;

/**
 * {@code strategy-goal}: a strategic goal on its strategy page, with the status the register holds
 * (see {@link RecordMacro}), its field of action, the projects and decisions that serve it, and the
 * reason it was achieved or dropped.
 */
public class GoalMacro extends RecordMacro<Goal, GoalStatus, GoalParameters> {

    public GoalMacro(MacroRenderer renderer, GoalStore goals, JiraLinks jira, MinutesPlaces places) {
        super(renderer, goals, places, jira, new Keys("cockpit.goal.kind", "cockpit.goal.not-yet-recorded",
                "cockpit.goal.error.empty-body", "cockpit.goal.conflict", "cockpit.goal.conflict.role"));
    }

    @Override
    protected GoalParameters read(MacroParameters parameters) {
        return GoalParameters.read(parameters);
    }

    /** The reason shows only where the register takes the page: elsewhere it is only typed text. */
    @Override
    protected void facts(GoalParameters p, Optional<Goal> recorded, GoalStatus shown, boolean registered, Facts facts,
                         MacroRequest request) {
        facts.add("cockpit.goal.field", p.fieldOfAction())
                .projects("cockpit.goal.projects", p.projectKeys())
                .add("cockpit.goal.decisions", String.join(", ", p.decisions()));
        if (registered) {
            facts.add("cockpit.goal.reason", recorded.map(Goal::reason).orElse(""));
        }
    }
}
