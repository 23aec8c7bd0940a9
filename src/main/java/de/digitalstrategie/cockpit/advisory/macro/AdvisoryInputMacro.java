package de.digitalstrategie.cockpit.advisory.macro;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisoryParameters;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.trace.macro.DecisionStates;
import de.digitalstrategie.cockpit.trace.store.Traces;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.macro.RecordMacro;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code advisory-input}: a recommendation of the advisory board in its minutes, with the city's
 * answer as the register holds it and whether the board has been told (see {@link RecordMacro}).
 */
public class AdvisoryInputMacro extends RecordMacro<AdvisoryInput, AnswerStatus, AdvisoryParameters> {

    private final Traces traces;
    private final CommitteeStore committee;
    private final PageAccess pages;

    public AdvisoryInputMacro(MacroRenderer renderer, AdvisoryStore advisory, JiraLinks jira, MinutesPlaces places,
                              Traces traces, CommitteeStore committee, PageAccess pages) {
        super(renderer, advisory, places, jira, new Keys("cockpit.advisory.kind", "cockpit.advisory.not-yet-recorded",
                "cockpit.advisory.error.empty-body", "cockpit.advisory.conflict", "cockpit.advisory.conflict.role"));
        this.traces = traces;
        this.committee = committee;
        this.pages = pages;
    }

    @Override
    protected AdvisoryParameters read(MacroParameters parameters) {
        return AdvisoryParameters.read(parameters);
    }

    /** The answer and the board's being told show only where the register takes the page. */
    @Override
    protected void facts(AdvisoryParameters p, Optional<AdvisoryInput> recorded, AnswerStatus shown,
                         boolean registered, Facts facts, MacroRequest request) {
        Texts t = request.texts();
        facts.add("cockpit.advisory.topic", p.topic())
                .add("cockpit.sector", sectors(p.sectors(), t))
                .projects("cockpit.advisory.projects", p.projectKeys());
        if (registered) {
            facts.add("cockpit.advisory.answer", recorded.map(i -> i.answer().text()).filter(a -> !a.isEmpty())
                            .orElse(p.answer()))
                    .add("cockpit.advisory.column.reported", recorded.map(i -> i.answer().reportedToBoardOn())
                            .map(d -> t.plain("cockpit.advisory.reported-on", request.formats().date(d)))
                            .orElse(shown.answered() ? t.plain("cockpit.advisory.not-reported") : ""));
            // The decisions that took it up, as far as the viewer may see them (the trace macro shows more).
            recorded.ifPresent(input -> facts.add("cockpit.advisory.taken-up", String.join(", ", traces.traces(
                    List.of(input), pages.viewable(committee.minutesPageIds())).get(0).decisions().stream()
                    .map(d -> d.record().number() + " (" + DecisionStates.label(d.record(), t) + ")").toList())));
        }
    }

    /** The sectors in their order, named in the viewer's language. */
    static String sectors(Collection<Sector> sectors, Texts t) {
        return String.join(", ", sectors.stream().sorted().map(t::plain).toList());
    }
}
