package de.digitalstrategie.cockpit.trace.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.trace.store.Traces;

/**
 * {@code advisory-trace}: the trace of one advisory input from advice to result: the city's answer,
 * the decisions that took it up, their state, the projects they concern with their health, phase
 * and status, and how many days each step took. An input on a page the viewer may not see is
 * refused exactly like a number that was never recorded.
 */
public class AdvisoryTraceMacro extends CockpitMacro {
    private final Traces traces;
    private final TraceViews views;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final ProjectAccess projects;

    public AdvisoryTraceMacro(MacroRenderer renderer, Traces traces, TraceViews views, CommitteeStore committee,
                              PageAccess pages, ProjectAccess projects) {
        super(renderer);
        this.traces = traces;
        this.views = views;
        this.committee = committee;
        this.pages = pages;
        this.projects = projects;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        String number = parameters.required("input");
        TraceViews.InputView view = traces.ofInput(number, pages.viewable(committee.minutesPageIds()))
                .map(trace -> views.view(trace, projects.visibility(), request))
                .orElseThrow(() -> ValidationException.of("cockpit.trace.error.unknown-input", number));
        return renderer.render("templates/trace/advisory-trace.vm", request, view);
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
