package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.macro.ProjectLink;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.macro.RegisterMacro;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views.Column;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static de.digitalstrategie.cockpit.decision.DecisionSort.DATE;
import static de.digitalstrategie.cockpit.decision.DecisionSort.DUE;
import static de.digitalstrategie.cockpit.decision.DecisionSort.NUMBER;
import static de.digitalstrategie.cockpit.decision.DecisionSort.OWNER;
import static de.digitalstrategie.cockpit.decision.DecisionSort.STATUS;
import static de.digitalstrategie.cockpit.decision.DecisionSort.TITLE;

/**
 * {@code decision-register}: the decisions of all spaces (see {@link RegisterMacro}), with their
 * vote, owner and due date, which decision replaced which, and how far each decision in force has
 * been carried out.
 */
public class DecisionRegisterMacro extends RegisterMacro<Decision, DecisionStatus, DecisionCriteria, DecisionSort,
        DecisionRegisterMacro.Row> {
    private final ImplementationControl implementation;
    private final DecisionStore decisions;

    public record Row(String idHtml, String numberHtml, String dateHtml, String titleHtml, String statusHtml,
                      String statusClassHtml, String voteHtml, List<ProjectLink> projects, String ownerHtml,
                      String dueHtml, boolean overdue, List<Note> notes, String conflictHtml, String minutesUrlHtml,
                      String minutesTitleHtml, String implementationHtml, String implementationClassHtml,
                      String implementationSourceHtml, ImplementationControl.Form implementationForm) {
        /** For the template: the form where the viewer may set the implementation, else null. */
        public boolean hasImplementationForm() {
            return implementationForm != null;
        }
    }

    /** A line of text under a decision's title (supersession, withdrawal). */
    public record Note(String textHtml) {
    }

    public DecisionRegisterMacro(MacroRenderer renderer, DecisionStore decisions, CommitteeStore committee,
                                 PageAccess pages, PageLinks pageLinks, JiraLinks jira,
                                 ImplementationControl implementation) {
        super(renderer, decisions, committee, pages, pageLinks, jira, new Table<>(DecisionCriteria.SHAPE, List.of(
                new Column<>("cockpit.register.column.number", NUMBER, false),
                new Column<>("cockpit.register.column.date", DATE, false),
                new Column<>("cockpit.register.column.title", TITLE, false),
                new Column<>("cockpit.register.column.status", STATUS, false),
                new Column<>("cockpit.register.column.vote", null, false),
                new Column<>("cockpit.register.column.projects", null, false),
                new Column<>("cockpit.register.column.owner", OWNER, false),
                new Column<>("cockpit.register.column.due", DUE, false),
                new Column<>("cockpit.register.column.implementation", null, false)), "templates/decision-register.vm",
                "cockpit.register.caption", "/decisions/export"));
        this.implementation = implementation;
        this.decisions = decisions;
    }

    /** The caption also counts the selected decisions in force by implementation, in the database. */
    @Override
    protected String caption(RegisterQuery<DecisionStatus, DecisionCriteria, DecisionSort> query,
                             RegisterPage<Decision, DecisionStatus> result, Collection<Long> viewable,
                             MacroRequest request) {
        DecisionStore.ImplementationCounts counts = decisions.implementationCounts(query.filter(), viewable,
                request.today());
        var f = request.formats();
        return super.caption(query, result, viewable, request) + " – " + request.texts().plain(
                "cockpit.decision.implementation.summary", f.number(counts.open()), f.number(counts.inProgress()),
                f.number(counts.done()), f.number(counts.overdue()));
    }

    @Override
    protected List<Row> rows(RegisterPage<Decision, DecisionStatus> page, MacroRequest request) {
        ImplementationControl.Forms forms = implementation.forms(request);
        return page.page().items().stream().map(d -> row(d, page, request, forms)).toList();
    }

    @Override
    protected Row row(Decision d, RegisterPage<Decision, DecisionStatus> page, MacroRequest request) {
        return row(d, page, request, implementation.forms(request));
    }

    private Row row(Decision d, RegisterPage<Decision, DecisionStatus> page, MacroRequest request,
                    ImplementationControl.Forms forms) {
        Texts t = request.texts();
        List<Note> notes = new ArrayList<>();
        if (!d.successor().isEmpty()
                && (d.status() == DecisionStatus.SUPERSEDED || d.status() == DecisionStatus.REVOKED)) {
            notes.add(new Note(Html.text(t.plain("cockpit.register.replaced-by", d.successor()))));
        }
        List<String> replaces = page.replacedBy().getOrDefault(d.number(), List.of());
        if (!replaces.isEmpty()) {
            notes.add(new Note(Html.text(t.plain("cockpit.register.replaces", String.join(", ", replaces)))));
        }
        if (d.withdrawn()) {
            notes.add(new Note(Html.text(t.plain("cockpit.register.withdrawn"))));
        }
        LocalDate date = page.dates().get(d.id());
        return new Row(Html.text("decision-" + d.number()), Html.text(d.number()),
                Html.text(request.formats().date(date)), Html.text(d.title()), t.html(d.status()),
                Html.text(d.status().lozenge()),
                d.vote() == null ? "" : Html.text(t.plain("cockpit.decision.vote.value", d.vote().inFavour(),
                        d.vote().against(), d.vote().abstentions())),
                ProjectLink.of(d.projectKeys(), jira), Html.text(d.owner()),
                Html.text(request.formats().date(d.dueDate())), d.overdue(request.today()), notes,
                conflictHtml(d, page, t, "cockpit.decision.conflict"), minutesUrl(d), Html.text(d.page().title()),
                d.implementable() ? t.html(d.implementation()) : "",
                d.implementable() ? Html.text(d.implementation().lozenge()) : "",
                d.implementable() && !d.jiraIssue().isEmpty()
                        ? Html.text(t.plain("cockpit.decision.implementation.jira", d.jiraIssue())) : "",
                forms.of(d, request.instanceKey() + "-decision-" + d.number()).orElse(null));
    }

    @Override
    protected void form(MacroParameters p, List<Meeting> meetings, Form form, MacroRequest request) {
        Map<String, String> years = new LinkedHashMap<>();
        new TreeSet<>(meetings.stream().map(m -> m.date().getYear()).toList())
                .forEach(y -> years.put(String.valueOf(y), String.valueOf(y)));
        Map<String, String> numbers = new LinkedHashMap<>();
        meetings.forEach(m -> numbers.put(m.number(), m.number() + " – " + request.formats().date(m.date())));
        form.legend("cockpit.register.filter")
                .select("year", "cockpit.register.year", years, p.text("year", ""))
                .select("meeting", "cockpit.register.meeting", numbers, p.text("meeting", ""))
                .select("status", "cockpit.register.column.status", DecisionStatus.values())
                .text("project", "cockpit.register.project")
                .text("owner", "cockpit.register.column.owner")
                .select("implementation", "cockpit.register.column.implementation", ImplementationState.values())
                .text("text", "cockpit.filter.text");
    }
}
