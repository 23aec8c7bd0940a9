package de.digitalstrategie.cockpit.advisory.macro;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisoryParameters;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.macro.DecisionMacro;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.List;
import java.util.Optional;

/**
 * {@code advisory-input}: a recommendation of the advisory board in its minutes, with the city's
 * answer as the register holds it and whether the board has been told. On a page outside the
 * board's minutes places it shows no answer, only what the page says and why the register does
 * not take it.
 */
public class AdvisoryInputMacro extends CockpitMacro {
    private final AdvisoryStore advisory;
    private final JiraLinks jira;
    private final MinutesPlaces places;

    public record View(String idHtml, String numberHtml, String titleHtml, String topicHtml, String sectorsHtml,
                       String statusHtml, String statusClassHtml, String answerHtml, String reportedHtml,
                       List<DecisionMacro.ProjectLink> projects, String conflictHtml, String bodyHtml,
                       boolean recorded, String noticeHtml) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasProjects() {
            return !projects.isEmpty();
        }
    }

    public AdvisoryInputMacro(MacroRenderer renderer, AdvisoryStore advisory, JiraLinks jira, MinutesPlaces places) {
        super(renderer);
        this.advisory = advisory;
        this.jira = jira;
        this.places = places;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        AdvisoryParameters p = AdvisoryParameters.read(parameters);
        if (Html.isBlankMarkup(body)) {
            throw ValidationException.of("cockpit.advisory.error.empty-body", p.number());
        }
        Texts t = request.texts();
        List<DecisionMacro.ProjectLink> projects = p.projectKeys().stream().map(k -> new DecisionMacro.ProjectLink(
                Html.text(k), jira.issueUrl(k).map(Html::url).orElse(""))).toList();
        Optional<Message> notRecorded = places.refusal(BodyKind.ADVISORY_BOARD, PageLocation.of(request.content()),
                request.content() == null ? "" : request.content().getTitle());
        if (notRecorded.isPresent()) {
            // No answer status: on such a page it is only what someone typed.
            View view = new View(Html.text("input-" + p.number()), Html.text(p.number()), Html.text(p.title()),
                    Html.text(p.topic()), Html.text(sectors(p.sectors().stream().sorted().toList(), t)), "", "", "", "",
                    projects, "", body, false, t.html(notRecorded.get()));
            return renderer.render("templates/advisory-input.vm", request, view);
        }
        Optional<AdvisoryInput> recorded = advisory.onPage(request.pageId(), p.number());
        AnswerStatus shown = recorded.map(i -> i.answer().status()).orElse(p.answerStatus());
        String answer = recorded.map(i -> i.answer().text()).filter(a -> !a.isEmpty()).orElse(p.answer());
        boolean role = recorded.isPresent() && shown != p.answerStatus()
                && advisory.conflictReason(recorded.get().id()).filter(MinutesSync.NO_ROLE::equals).isPresent();
        String conflict = recorded.isPresent() && shown != p.answerStatus()
                ? t.plain(role ? "cockpit.advisory.conflict.role" : "cockpit.decision.conflict",
                t.plain(p.answerStatus()), t.plain(shown)) : "";
        String reported = recorded.map(i -> i.answer().reportedToBoardOn()).map(d -> t.plain(
                "cockpit.advisory.reported-on", request.formats().date(d))).orElse(shown.answered()
                ? t.plain("cockpit.advisory.not-reported") : "");
        View view = new View(Html.text("input-" + p.number()), Html.text(p.number()), Html.text(p.title()),
                Html.text(p.topic()), Html.text(sectors(p.sectors().stream().sorted().toList(), t)), t.html(shown),
                Html.text(statusClass(shown)), Html.text(answer), Html.text(reported), projects,
                Html.text(conflict), body, recorded.isPresent(), "");
        return renderer.render("templates/advisory-input.vm", request, view);
    }

    static String sectors(List<Sector> sectors, Texts t) {
        return String.join(", ", sectors.stream().map(t::plain).toList());
    }

    public static String statusClass(AnswerStatus status) {
        return switch (status) {
            case ADOPTED, IMPLEMENTED -> "aui-lozenge-success";
            case PARTLY_ADOPTED -> "aui-lozenge-moved";
            case DECLINED -> "aui-lozenge-error";
            case RECEIVED, UNDER_REVIEW -> "aui-lozenge-current";
        };
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.RICH_TEXT;
    }
}
