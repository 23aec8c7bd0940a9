package de.digitalstrategie.cockpit.strategy.macro;

import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements;

/**
 * {@code strategy-goals} ("Zielerreichung"): per field of action its goals, each indicator's
 * latest value against baseline and target with its course, assessment and next value due, and
 * per goal the projects that serve it with budget and funding summed. Parameters (each also a
 * choice of the viewer's filter form): {@code field} (fields of action, comma-separated keys),
 * {@code status} (goal statuses), {@code assessment} (goals with an indicator assessed so).
 */
public class GoalAchievementMacro extends CockpitMacro {
    private final GoalAchievementViews views;

    public GoalAchievementMacro(MacroRenderer renderer, Achievements achievements, OrganisationStore organisation,
                                PageLinks pageLinks, JiraLinks jira) {
        super(renderer);
        this.views = new GoalAchievementViews(achievements, organisation, pageLinks, jira);
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        return renderer.render("templates/strategy-goals.vm", request, views.build(parameters, request));
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
