package de.digitalstrategie.cockpit.trace.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.trace.InputTrace;
import de.digitalstrategie.cockpit.trace.store.Traces;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code advisory-followup}: for the advisory board, what became of the input of one of its
 * meetings ("Was wurde aus unseren Empfehlungen?"): each input, the city's answer with its reason,
 * the decisions that took it up and their state, and how many days each step took. The meeting is
 * the one the macro names, or the one the page minutes. A meeting minuted on a page the viewer may
 * not see is refused exactly like a number that was never a meeting's; input and decisions on such
 * pages are neither listed nor counted.
 */
public class BoardFollowUpMacro extends CockpitMacro {
    private final Traces traces;
    private final TraceViews views;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final ProjectAccess projects;

    /** The view of one meeting; every value escaped. */
    public record View(String idHtml, String headingHtml, String captionHtml, List<TraceViews.InputView> inputs) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasInputs() {
            return !inputs.isEmpty();
        }
    }

    public BoardFollowUpMacro(MacroRenderer renderer, Traces traces, TraceViews views, CommitteeStore committee,
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
        Collection<Long> viewable = pages.viewable(committee.minutesPageIds());
        List<Meeting> meetings = committee.bodies().stream().filter(b -> b.kind() == BodyKind.ADVISORY_BOARD)
                .flatMap(b -> committee.meetings(b.key()).stream())
                .filter(m -> m.pageId() == 0 || viewable.contains(m.pageId())).toList();
        Meeting meeting = parameters.text("meeting").map(number -> meetings.stream()
                        .filter(m -> m.number().equals(number)).findFirst()
                        .orElseThrow(() -> ValidationException.of("cockpit.macro.error.choice", "meeting", number,
                                String.join(", ", meetings.stream().map(Meeting::number).toList()))))
                .orElseGet(() -> meetings.stream().filter(m -> m.pageId() != 0 && m.pageId() == request.pageId())
                        .findFirst().orElseThrow(() -> ValidationException.of("cockpit.followup.error.no-meeting")));
        Texts t = request.texts();
        Visibility visibility = projects.visibility();
        List<InputTrace> found = traces.ofMeeting(meeting.id(), viewable);
        String id = "followup-" + meeting.number().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return renderer.render("templates/trace/advisory-followup.vm", request, new View(Html.text(id),
                Html.text(t.plain("cockpit.followup.heading", meeting.number(),
                        request.formats().date(meeting.date()))),
                Html.text(t.plain("cockpit.followup.caption", found.size())),
                found.stream().map(trace -> views.view(trace, visibility, request)).toList()));
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
