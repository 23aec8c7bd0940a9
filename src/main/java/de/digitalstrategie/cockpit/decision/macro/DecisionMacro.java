package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
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
 * {@code committee-decision}: a decision in the steering committee's minutes. The rich-text body
 * is the decision's wording; the block shows the status the register holds, and a warning when
 * the page claims a status that was not applied (the workflow refused it, or its saver may not
 * change it). On a page outside the committee's minutes places it shows no status, only what the
 * page says and why the register does not take it.
 */
public class DecisionMacro extends CockpitMacro {
    private final DecisionStore decisions;
    private final JiraLinks jira;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final MinutesPlaces places;

    /** A project the decision concerns, linked to Jira where it is connected. */
    public record ProjectLink(String keyHtml, String urlHtml) {
    }

    /**
     * @param noticeHtml why the register does not take this decision (the page is outside the
     *                   committee's minutes places, or its title is no meeting number); "" when it does
     */
    public record View(String idHtml, String numberHtml, String titleHtml, String statusHtml, String statusClassHtml,
                       String voteHtml, List<ProjectLink> projects, String ownerHtml, String dueHtml,
                       String successorHtml, String conflictHtml, String bodyHtml, boolean recorded,
                       String noticeHtml) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasProjects() {
            return !projects.isEmpty();
        }
    }

    public DecisionMacro(MacroRenderer renderer, DecisionStore decisions, JiraLinks jira, CommitteeStore committee,
                         PageAccess pages, MinutesPlaces places) {
        super(renderer);
        this.decisions = decisions;
        this.jira = jira;
        this.committee = committee;
        this.pages = pages;
        this.places = places;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        DecisionParameters p = DecisionParameters.read(parameters);
        if (Html.isBlankMarkup(body)) {
            throw ValidationException.of("cockpit.decision.error.empty-body", p.number());
        }
        Texts t = request.texts();
        Optional<Message> notRecorded = places.refusal(BodyKind.STEERING_COMMITTEE, PageLocation.of(request.content()),
                request.content() == null ? "" : request.content().getTitle());
        if (notRecorded.isPresent()) {
            // No status and no vote: on such a page they are only what someone typed.
            View view = new View(Html.text("decision-" + p.number()), Html.text(p.number()), Html.text(p.title()),
                    "", "", "", projectLinks(p.projectKeys(), jira), Html.text(p.owner()),
                    Html.text(request.formats().date(p.dueDate())), Html.text(p.successor()), "", body, false,
                    t.html(notRecorded.get()));
            return renderer.render("templates/decision.vm", request, view);
        }
        Optional<Decision> recorded = decisions.onPage(request.pageId(), p.number());
        DecisionStatus shown = recorded.map(Decision::status).orElse(p.status());
        String conflict = "";
        if (recorded.isPresent() && recorded.get().status() != p.status()) {
            boolean role = decisions.conflictReason(recorded.get().id()).filter(MinutesSync.NO_ROLE::equals).isPresent();
            conflict = t.plain(role ? "cockpit.decision.conflict.role" : "cockpit.decision.conflict",
                    t.plain(p.status()), t.plain(shown));
        }
        View view = new View(Html.text("decision-" + p.number()), Html.text(p.number()), Html.text(p.title()),
                t.html(shown), Html.text(statusClass(shown)),
                p.vote() == null ? "" : Html.text(t.plain("cockpit.decision.vote.value", p.vote().inFavour(),
                        p.vote().against(), p.vote().abstentions())),
                projectLinks(p.projectKeys(), jira), Html.text(p.owner()), Html.text(request.formats().date(p.dueDate())),
                Html.text(successor(p.successor())), Html.text(conflict), body, recorded.isPresent(), "");
        return renderer.render("templates/decision.vm", request, view);
    }

    /**
     * The successor the page names, if it is the number of a decision the viewer may see: as in
     * the register, a decision on minutes the viewer may not view is named nowhere, and reads
     * like a number that was never recorded.
     */
    private String successor(String number) {
        if (number.isEmpty()) {
            return "";
        }
        return decisions.numbersOn(List.of(number), pages.viewable(committee.minutesPageIds())).contains(number)
                ? number : "";
    }

    static List<ProjectLink> projectLinks(List<String> keys, JiraLinks jira) {
        return keys.stream().map(k -> new ProjectLink(Html.text(k), jira.issueUrl(k).map(Html::url).orElse(""))).toList();
    }

    /** The AUI lozenge for a status: green in force, red refused, grey ended, blue pending. */
    public static String statusClass(DecisionStatus status) {
        return switch (status) {
            case DECIDED -> "aui-lozenge-success";
            case REJECTED -> "aui-lozenge-error";
            case SUPERSEDED, REVOKED -> "aui-lozenge-subtle";
            case DEFERRED -> "aui-lozenge-moved";
            case PROPOSED, READY_FOR_VOTE -> "aui-lozenge-current";
        };
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.RICH_TEXT;
    }
}
