package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;

import java.util.List;

/**
 * How far the demo's decisions in force have been carried out (demo values): every state occurs,
 * some past their due date and not done (overdue), some set by the unit responsible for them and
 * some following a Jira issue. The demo's issue keys are of a project no Jira has ({@code DEMO}),
 * and demo decisions never reach a Jira connected later.
 */
public final class DemoImplementation {
    private static final List<ImplementationState> PLAN = List.of(ImplementationState.IN_PROGRESS,
            ImplementationState.DONE, ImplementationState.OPEN, ImplementationState.IN_PROGRESS,
            ImplementationState.DONE);

    private DemoImplementation() {
    }

    /** Sets the states once the minutes are recorded. */
    public static void apply(DecisionStore decisions, Roles roles) {
        List<Decision> inForce = decisions.all().stream().filter(Decision::implementable).toList();
        for (int i = 0; i < inForce.size(); i++) {
            Decision d = inForce.get(i);
            ImplementationState state = PLAN.get(i % PLAN.size());
            if (i % 3 == 2) {
                decisions.followIssue(d.id(), "DEMO-" + (100 + i), state);
            } else if (state != ImplementationState.OPEN) {
                String unit = roles.responsibleFor(d.owner()).stream().sorted().findFirst()
                        .orElse(WormsDemo.SECRETARY);
                decisions.setImplementation(d.id(), state, unit, "Demo-Stand");
            }
        }
    }
}
