package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.evidence.macro.ProfileFlags;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.history.ChangeTexts;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserKey;
import java.time.format.DateTimeFormatter;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.publication.macro.PublicationControl;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.trace.store.Traces;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code project-profile}: the full project profile (Projektsteckbrief) of one project, with the
 * decisions and advisory input that concern it, as far as the viewer may see them.
 */
public class ProjectProfileMacro extends CockpitMacro {
    private static final int RELATED = 100;
    private final ProjectStore projects;
    private final OrganisationStore organisation;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final ProjectAccess projectAccess;
    private final PageAccess pageAccess;
    private final PageLinks pageLinks;
    private final JiraLinks jira;
    private final PublicationControl publication;
    private final Traces traces;
    private final ProfileFlags evidence;
    private final ProjectHistory history;
    private final UserAccessor users;

    public record Fact(String labelHtml, String valueHtml) {
    }

    public record Related(String numberHtml, String titleHtml, String statusHtml, String statusClassHtml,
                          String urlHtml) {
    }

    /** One change of the project's history as the timeline shows it. */
    public record Change(String atHtml, String fieldHtml, String changeHtml, String sourceHtml) {
    }

    /** The project's history, newest first; {@code moreUrlHtml}: the link to more of it ("" when all is shown). */
    public record Timeline(List<Change> changes, String moreUrlHtml) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasChanges() {
            return !changes.isEmpty();
        }
    }

    /**
     * @param publication whether the profile is published and the button to change it; null for who may not
     * @param timeline    the project's history
     */
    public record View(String idHtml, String keyHtml, String jiraUrlHtml, String titleHtml, String healthHtml,
                       String healthClassHtml, List<Fact> facts, List<Fact> texts, List<Related> decisions,
                       List<Related> inputs, List<Related> behind, PublicationControl.View publication,
                       Timeline timeline) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a null check. */
        public boolean hasPublication() {
            return publication != null;
        }

        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasDecisions() {
            return !decisions.isEmpty();
        }

        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasInputs() {
            return !inputs.isEmpty();
        }

        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasBehind() {
            return !behind.isEmpty();
        }
    }

    public ProjectProfileMacro(MacroRenderer renderer, ProjectStore projects, OrganisationStore organisation,
                               DecisionStore decisions, AdvisoryStore advisory, CommitteeStore committee,
                               ProjectAccess projectAccess, PageAccess pageAccess, PageLinks pageLinks, JiraLinks jira,
                               PublicationControl publication, Traces traces, ProjectHistory history,
                               UserAccessor users, ProfileFlags evidence) {
        super(renderer);
        this.history = history;
        this.users = users;
        this.evidence = evidence;
        this.traces = traces;
        this.projects = projects;
        this.organisation = organisation;
        this.decisions = decisions;
        this.advisory = advisory;
        this.committee = committee;
        this.projectAccess = projectAccess;
        this.pageAccess = pageAccess;
        this.pageLinks = pageLinks;
        this.jira = jira;
        this.publication = publication;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        String key = parameters.required("key").toUpperCase(Locale.ROOT);
        if (!IssueKey.isValid(key)) {
            throw ValidationException.of("cockpit.macro.error.issue-key", "key", parameters.required("key"));
        }
        // A project the viewer may not see is reported exactly like one that does not exist; while
        // Jira's answers for the viewer are missing, both as "not known yet" (a notice, not an error).
        Visibility visibility = projectAccess.visibility();
        DigitalProject p = projects.find(key)
                .filter(found -> visibility.projects().contains(IssueKey.projectOf(found.issueKey())))
                .orElseThrow(() -> visibility.notShown(key));
        Texts t = request.texts();
        Formats f = request.formats();
        ProjectProfile profile = p.profile();
        List<Fact> facts = new ArrayList<>();
        fact(facts, t.plain("cockpit.project.status"), t.plain(p.status()));
        fact(facts, t.plain("cockpit.project.phase"), t.plain(p.phase()));
        fact(facts, t.plain("cockpit.project.field"), organisation.fieldOfAction(p.fieldOfActionKey())
                .map(fa -> fa.name(t.locale())).orElse(p.fieldOfActionKey()));
        fact(facts, t.plain("cockpit.project.department"), organisation.department(p.departmentKey())
                .map(d -> d.name()).orElse(p.departmentKey()));
        fact(facts, t.plain("cockpit.project.owners"), profile.owners());
        fact(facts, t.plain("cockpit.project.time-frame"), t.plain("cockpit.project.time-frame.value",
                f.date(p.timeFrame().start()), f.date(p.timeFrame().end())));
        fact(facts, t.plain("cockpit.portfolio.column.budget"), f.money(p.budgetCents()));
        fact(facts, t.plain("cockpit.portfolio.column.funding"), f.money(p.fundingCents()));
        List<Fact> texts = new ArrayList<>();
        fact(texts, t.plain("cockpit.project.description"), profile.description());
        fact(texts, t.plain("cockpit.project.goals"), profile.goals());
        fact(texts, t.plain("cockpit.project.participants"), profile.participants());
        fact(texts, t.plain("cockpit.project.risks"), profile.risks());
        fact(texts, t.plain("cockpit.project.funding-source"), profile.fundingSource());

        Collection<Long> viewable = pageAccess.viewable(committee.minutesPageIds());
        List<Related> related = new ArrayList<>();
        List<Decision> concerning = decisions.concerning(key, RELATED, viewable);
        for (Decision d : concerning) {
            related.add(new Related(Html.text(d.number()), Html.text(d.title()), t.html(d.status()),
                    Html.text(d.status().lozenge()),
                    d.page().exists() ? Html.url(pageLinks.page(d.page().pageId())) : ""));
        }
        List<Related> inputs = new ArrayList<>();
        for (AdvisoryInput i : advisory.concerning(key, RELATED, viewable)) {
            inputs.add(new Related(Html.text(i.number()), Html.text(i.title()), t.html(i.answer().status()),
                    Html.text(i.status().lozenge()),
                    i.page().exists() ? Html.url(pageLinks.page(i.page().pageId())) : ""));
        }
        // The advisory input behind the project: what its decisions took up, as far as the viewer may see it.
        Map<String, List<String>> takenUpBy = new LinkedHashMap<>();
        Map<String, AdvisoryInput> behindInputs = new LinkedHashMap<>();
        Map<Long, List<AdvisoryInput>> inputsOf = traces.inputsOf(concerning, viewable);
        for (Decision d : concerning) {
            for (AdvisoryInput i : inputsOf.getOrDefault(d.id(), List.of())) {
                behindInputs.putIfAbsent(i.number(), i);
                takenUpBy.computeIfAbsent(i.number(), n -> new ArrayList<>()).add(d.number());
            }
        }
        List<Related> behind = new ArrayList<>();
        for (AdvisoryInput i : behindInputs.values()) {
            behind.add(new Related(Html.text(i.number()), Html.text(i.title() + " – " + t.plain(
                    "cockpit.advisory.taken-up") + " " + String.join(", ", takenUpBy.get(i.number()))),
                    t.html(i.answer().status()), Html.text(i.status().lozenge()),
                    i.page().exists() ? Html.url(pageLinks.page(i.page().pageId())) : ""));
        }
        View view = new View(Html.text("profile-" + key), Html.text(key), jira.issueUrl(key).map(Html::url).orElse(""),
                Html.text(p.title()), t.html(p.health()), Html.text(p.health().name().toLowerCase(Locale.ROOT)), facts,
                texts, related, inputs, behind, publication.view(key, request).orElse(null), timeline(key, request));
        // The flags of the evidence checks follow the profile they question.
        return renderer.render("templates/project-profile.vm", request, view) + evidence.html(key, request);
    }

    /** Changes the timeline shows at first; "more" adds as many again each time. */
    static final int TIMELINE = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Timeline timeline(String key, MacroRequest request) {
        Texts t = request.texts();
        Formats f = request.formats();
        int shown = new MacroParameters(request.own("history").map(v -> Map.of("history", v)).orElse(Map.of()))
                .number("history", TIMELINE, 1, 50 * TIMELINE);
        List<ProjectChange> found = history.of(key, shown + 1);
        ChangeTexts values = new ChangeTexts(t, f);
        Map<String, String> names = new java.util.HashMap<>();
        List<Change> changes = new ArrayList<>();
        List<ProjectChange> page = new ArrayList<>(found.subList(0, Math.min(shown, found.size())));
        // Newest first; within one write the fields in their order (status first), as the feed lists them.
        page.sort(java.util.Comparator.comparing(ProjectChange::at).reversed()
                .thenComparing(ProjectChange::field));
        for (ProjectChange c : page) {
            java.time.ZonedDateTime at = c.at().atZone(history.zone());
            String change = c.before() == null ? values.value(c.field(), c.after())
                    : t.plain("cockpit.history.timeline.change", values.value(c.field(), c.before()),
                    values.value(c.field(), c.after()));
            String source = c.actor() == null ? t.plain(c.source())
                    : t.plain("cockpit.history.timeline.by", t.plain(c.source()),
                    names.computeIfAbsent(c.actor(), this::displayName));
            changes.add(new Change(Html.text(t.plain("cockpit.history.timeline.at", f.date(at.toLocalDate()),
                    TIME.format(at))), Html.text(t.plain(c.field())), Html.text(change), Html.text(source)));
        }
        String more = found.size() > shown && request.interactive()
                ? Html.text(request.links().with(Map.of(request.ownName("history"),
                String.valueOf(Math.min(shown + TIMELINE, 50 * TIMELINE))))) : "";
        return new Timeline(changes, more);
    }

    /** Who made an edit, by the name Confluence knows them by; their key for a user who is gone. */
    private String displayName(String userKey) {
        ConfluenceUser user = users.getUserByKey(new UserKey(userKey));
        return user == null || user.getFullName() == null || user.getFullName().isBlank() ? userKey : user.getFullName();
    }

    private static void fact(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(Html.text(label), Html.text(value)));
        }
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
