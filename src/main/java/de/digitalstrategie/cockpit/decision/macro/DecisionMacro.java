package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.macro.RecordMacro;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;

import java.util.List;
import java.util.Optional;

/** {@code committee-decision}: a decision in the steering committee's minutes (see {@link RecordMacro}). */
public class DecisionMacro extends RecordMacro<Decision, DecisionStatus, DecisionParameters> {
    private final DecisionStore decisions;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final ImplementationControl implementation;

    public DecisionMacro(MacroRenderer renderer, DecisionStore decisions, JiraLinks jira, CommitteeStore committee,
                         PageAccess pages, MinutesPlaces places, ImplementationControl implementation) {
        super(renderer, decisions, places, jira, new Keys("cockpit.decision.kind", "cockpit.decision.not-yet-recorded",
                "cockpit.decision.error.empty-body", "cockpit.decision.conflict", "cockpit.decision.conflict.role"));
        this.decisions = decisions;
        this.committee = committee;
        this.pages = pages;
        this.implementation = implementation;
    }

    @Override
    protected DecisionParameters read(MacroParameters parameters) {
        return DecisionParameters.read(parameters);
    }

    /**
     * The vote shows only where the register takes the page; the successor the page names only if
     * it is the number of a decision the viewer may see: as in the register, a decision on minutes
     * the viewer may not view is named nowhere, and reads like a number that was never recorded.
     * How far it has been carried out shows for a decision the register holds in force.
     */
    @Override
    protected void facts(DecisionParameters p, Optional<Decision> recorded, DecisionStatus shown, boolean registered,
                         Facts facts, MacroRequest request) {
        facts.add("cockpit.decision.vote", !registered || p.vote() == null ? "" : request.texts().plain(
                        "cockpit.decision.vote.value", p.vote().inFavour(), p.vote().against(), p.vote().abstentions()))
                .projects("cockpit.decision.projects", p.projectKeys())
                .add("cockpit.decision.owner", p.owner())
                .add("cockpit.decision.due", request.formats().date(p.dueDate()))
                .add("cockpit.decision.successor", !registered || p.successor().isEmpty() || decisions.numbersOn(
                        List.of(p.successor()), pages.viewable(committee.minutesPageIds())).contains(p.successor())
                        ? p.successor() : "")
                .add("cockpit.decision.implementation", !registered ? "" : recorded.filter(Decision::implementable)
                        .map(d -> request.texts().plain(d.implementation()) + (d.jiraIssue().isEmpty() ? ""
                                : " – " + request.texts().plain("cockpit.decision.implementation.jira", d.jiraIssue())))
                        .orElse(""));
        // The form only where the register holds the decision in force and the viewer may set it.
        if (registered) {
            recorded.flatMap(d -> implementation.forms(request).of(d, "decision-" + d.number())).ifPresent(form ->
                    facts.markup("cockpit.decision.implementation.set",
                            renderer.render("templates/implementation-fact.vm", request, form)));
        }
    }
}
