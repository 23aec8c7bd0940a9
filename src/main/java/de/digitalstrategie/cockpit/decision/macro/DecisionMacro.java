package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.portfolio.JiraLinks;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.List;
import java.util.Optional;

/**
 * {@code committee-decision}: a decision in the steering committee's minutes. The rich-text body
 * is the decision's wording; the block shows the status the register holds, and a warning when
 * the page claims a status the workflow refused.
 */
public class DecisionMacro extends CockpitMacro {
    private final DecisionStore decisions;
    private final JiraLinks jira;
    private final CommitteeStore committee;
    private final PageAccess pages;

    /** A project the decision concerns, linked to Jira where it is connected. */
    public record ProjectLink(String keyHtml, String urlHtml) {
    }

    public record View(String idHtml, String numberHtml, String titleHtml, String statusHtml, String statusClassHtml,
                       String voteHtml, List<ProjectLink> projects, String ownerHtml, String dueHtml,
                       String successorHtml, String conflictHtml, String bodyHtml, boolean recorded) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasProjects() {
            return !projects.isEmpty();
        }
    }

    public DecisionMacro(MacroRenderer renderer, DecisionStore decisions, JiraLinks jira, CommitteeStore committee,
                         PageAccess pages) {
        super(renderer);
        this.decisions = decisions;
        this.jira = jira;
        this.committee = committee;
        this.pages = pages;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        DecisionParameters p = DecisionParameters.read(parameters);
        if (Html.isBlankMarkup(body)) {
            throw ValidationException.of("cockpit.decision.error.empty-body", p.number());
        }
        Texts t = request.texts();
        Optional<Decision> recorded = decisions.onPage(request.pageId(), p.number());
        DecisionStatus shown = recorded.map(Decision::status).orElse(p.status());
        String conflict = "";
        if (recorded.isPresent() && recorded.get().status() != p.status()) {
            conflict = t.plain("cockpit.decision.conflict", t.plain(p.status()), t.plain(shown));
        }
        View view = new View(Html.text("decision-" + p.number()), Html.text(p.number()), Html.text(p.title()),
                t.html(shown), Html.text(statusClass(shown)),
                p.vote() == null ? "" : Html.text(t.plain("cockpit.decision.vote.value", p.vote().inFavour(),
                        p.vote().against(), p.vote().abstentions())),
                projectLinks(p.projectKeys(), jira), Html.text(p.owner()), Html.text(request.formats().date(p.dueDate())),
                Html.text(successor(p.successor())), Html.text(conflict), body, recorded.isPresent());
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
