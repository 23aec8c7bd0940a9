package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.macro.RenderMemo;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.macro.RecordMacro;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
                .add("cockpit.decision.successor", !registered || p.successor().isEmpty()
                        || onViewableMinutes(p.successor(), request.pageId(), facts.memo()) ? p.successor() : "")
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

    /**
     * Whether a decision with this number is on minutes the viewer may see. Only the pages that
     * carry the number are checked: every macro of a long minutes page asking Confluence about
     * every minutes page made such a page cost seconds. Once per rendering: where the successors
     * the page's recorded decisions name are (one read for all of them), the minutes pages, and
     * the viewer's permission on each page asked about.
     */
    private boolean onViewableMinutes(String number, long pageId, RenderMemo memo) {
        Successors named = memo.get(List.of("successors", pageId), () -> {
            Set<String> numbers = new HashSet<>();
            recordsOnPage(pageId, memo).values().forEach(d -> {
                if (!d.successor().isEmpty()) {
                    numbers.add(d.successor());
                }
            });
            return new Successors(numbers, decisions.pagesOf(numbers));
        });
        Set<Long> carrying = new HashSet<>(named.asked().contains(number)
                ? named.pages().getOrDefault(number, Set.of())
                : decisions.pagesOf(List.of(number)).getOrDefault(number, Set.of()));
        carrying.retainAll(memo.get(List.of("minutes-pages"), () -> Set.copyOf(committee.minutesPageIds())));
        return carrying.stream().anyMatch(page -> memo.<Boolean>get(List.of("viewable", page),
                () -> !pages.viewable(Set.of(page)).isEmpty()));
    }

    /** The pages carrying each of the numbers asked about (a number on no page has no entry). */
    private record Successors(Set<String> asked, Map<String, Set<Long>> pages) {
    }
}
