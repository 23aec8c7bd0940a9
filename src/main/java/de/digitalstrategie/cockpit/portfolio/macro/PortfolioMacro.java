package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.evidence.macro.PortfolioFlags;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;

/**
 * {@code digital-portfolio}: the projects of the portfolio, filtered, grouped and summed, with
 * charts and a paged, sortable table, each project whose reported status the evidence questions
 * marked. Everything is limited to what the viewer may see.
 */
public class PortfolioMacro extends CockpitMacro {
    private final PortfolioViewBuilder views;

    public PortfolioMacro(MacroRenderer renderer, ProjectStore projects, OrganisationStore organisation,
                          ProjectAccess access, JiraLinks jira, PortfolioFlags flags) {
        super(renderer);
        this.views = new PortfolioViewBuilder(projects, organisation, access, jira, flags);
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
