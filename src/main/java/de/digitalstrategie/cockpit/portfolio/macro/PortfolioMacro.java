package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;

/**
 * {@code digital-portfolio}: the projects of the portfolio, filtered, grouped and summed, with
 * charts and a paged, sortable table. Everything is limited to what the viewer may see.
 */
public class PortfolioMacro extends CockpitMacro {
    private final PortfolioViewBuilder views;

    public PortfolioMacro(MacroRenderer renderer, ProjectStore projects, OrganisationStore organisation,
                          ProjectAccess access, JiraLinks jira) {
        super(renderer);
        this.views = new PortfolioViewBuilder(projects, organisation, access, jira);
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        return renderer.render("templates/portfolio.vm", request, views.build(parameters, request));
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
