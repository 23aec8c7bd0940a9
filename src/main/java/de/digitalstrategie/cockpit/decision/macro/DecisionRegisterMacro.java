package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionFilter;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.decision.store.RegisterPage;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;
import de.digitalstrategie.cockpit.render.Views.Column;
import de.digitalstrategie.cockpit.render.Views.Field;
import de.digitalstrategie.cockpit.render.Views.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code decision-register}: the decisions of all spaces, as far as the viewer may see their
 * minutes pages, filtered, sorted and paged in the database, with supersession and a link back
 * to each minutes page.
 */
public class DecisionRegisterMacro extends CockpitMacro {
    private static final List<Column<DecisionSort>> COLUMNS = List.of(
            new Column<>("cockpit.register.column.number", DecisionSort.NUMBER, false),
            new Column<>("cockpit.register.column.date", DecisionSort.DATE, false),
            new Column<>("cockpit.register.column.title", DecisionSort.TITLE, false),
            new Column<>("cockpit.register.column.status", DecisionSort.STATUS, false),
            new Column<>("cockpit.register.column.vote", null, false),
            new Column<>("cockpit.register.column.projects", null, false),
            new Column<>("cockpit.register.column.owner", DecisionSort.OWNER, false),
            new Column<>("cockpit.register.column.due", DecisionSort.DUE, false));

    private final DecisionStore decisions;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final PageLinks pageLinks;
    private final JiraLinks jira;

    public record Row(String idHtml, String numberHtml, String dateHtml, String titleHtml, String statusHtml,
                      String statusClassHtml, String voteHtml, List<DecisionMacro.ProjectLink> projects,
                      String ownerHtml, String dueHtml, boolean overdue, List<Note> notes, String conflictHtml,
                      String minutesUrlHtml, String minutesTitleHtml) {
    }

    /** A line of text under a decision's title (supersession, withdrawal). */
    public record Note(String textHtml) {
    }

    public record Page(String idHtml, String captionHtml, Views.FilterForm form, List<Views.Header> headers,
                       List<Row> rows, Views.Pager pager, Views.Downloads downloads) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    public DecisionRegisterMacro(MacroRenderer renderer, DecisionStore decisions, CommitteeStore committee,
                                 PageAccess pages, PageLinks pageLinks, JiraLinks jira) {
        super(renderer);
        this.decisions = decisions;
        this.committee = committee;
        this.pages = pages;
        this.pageLinks = pageLinks;
        this.jira = jira;
    }

    @Override
    protected String render(MacroParameters macro, String body, MacroRequest request) {
        MacroParameters p = overlay(macro, request, "year", "meeting", "status", "project", "owner", "text", "sort",
                "order", "page-size", "page", "withdrawn");
        Texts t = request.texts();
        Collection<Long> viewable = pages.viewable(committee.minutesPageIds());
        // The meetings the viewer may see, for the filter's options, its error message and its
        // choice: a meeting minuted on a page the viewer may not view is refused exactly like a
        // number that was never a meeting's, and gives no option and no year away.
        List<Meeting> meetings = committee.bodies().stream().filter(b -> b.kind() == BodyKind.STEERING_COMMITTEE)
                .flatMap(b -> committee.meetings(b.key()).stream())
                .filter(m -> m.pageId() == 0 || viewable.contains(m.pageId())).toList();
        Long meetingId = p.text("meeting").map(number -> meetings.stream()
                .filter(m -> m.number().equals(number) || String.valueOf(m.id()).equals(number)).findFirst()
                .map(Meeting::id)
                .orElseThrow(() -> ValidationException.of("cockpit.macro.error.choice", "meeting", number,
                        String.join(", ", meetings.stream().map(Meeting::number).toList())))).orElse(null);
        Integer year = p.text("year").map(y -> p.number("year", 0, 1990, 2100)).orElse(null);
        DecisionFilter filter = new DecisionFilter(year, meetingId, Set.copyOf(p.choices("status", DecisionStatus.class)),
                p.text("project").map(k -> p.issueKeys("project").get(0)).orElse(null), p.text("owner").orElse(null),
                p.text("text").orElse(null), p.flag("withdrawn", false));
        DecisionSort sort = p.choice("sort", DecisionSort.class).orElse(DecisionSort.NUMBER);
        SortOrder order = p.choice("order", SortOrder.class).orElse(SortOrder.ASC);
        int size = p.number("page-size", 25, 1, PageRequest.MAX_LIMIT);
        int number = p.number("page", 1, 1, 1_000_000);

        RegisterPage result = decisions.query(filter, sort, order, PageRequest.page(number, size), viewable);
        List<Row> rows = new ArrayList<>();
        for (Decision d : result.page().items()) {
            rows.add(row(d, result, request));
        }
        Page page = new Page(Html.text(request.instanceKey()),
                Html.text(t.plain("cockpit.register.caption", request.formats().number(result.page().total()))),
                request.interactive() ? form(p, meetings, request) : null,
                Views.headers(COLUMNS, sort, order, request), rows, Views.pager(result.page(), request),
                Views.Downloads.of(request, "/decisions/export", selection(p, meetingId)));
        return renderer.render("templates/decision-register.vm", request, page);
    }

    private static Map<String, String> selection(MacroParameters p, Long meetingId) {
        Map<String, String> selection = new LinkedHashMap<>();
        for (String name : List.of("year", "status", "project", "owner", "text")) {
            p.text(name).ifPresent(v -> selection.put(name, v));
        }
        if (meetingId != null) {
            selection.put("meeting", String.valueOf(meetingId));
        }
        return selection;
    }

    private Row row(Decision d, RegisterPage result, MacroRequest request) {
        Texts t = request.texts();
        List<Note> notes = new ArrayList<>();
        if (!d.successor().isEmpty()
                && (d.status() == DecisionStatus.SUPERSEDED || d.status() == DecisionStatus.REVOKED)) {
            notes.add(new Note(Html.text(t.plain("cockpit.register.replaced-by", d.successor()))));
        }
        List<String> replaces = result.replacedBy().getOrDefault(d.number(), List.of());
        if (!replaces.isEmpty()) {
            notes.add(new Note(Html.text(t.plain("cockpit.register.replaces", String.join(", ", replaces)))));
        }
        if (d.withdrawn()) {
            notes.add(new Note(Html.text(t.plain("cockpit.register.withdrawn"))));
        }
        DecisionStatus conflict = result.conflicts().get(d.id());
        LocalDate date = result.meetingDates().get(d.id());
        return new Row(Html.text("decision-" + d.number()), Html.text(d.number()),
                Html.text(request.formats().date(date)), Html.text(d.title()), t.html(d.status()),
                Html.text(DecisionMacro.statusClass(d.status())),
                d.vote() == null ? "" : Html.text(t.plain("cockpit.decision.vote.value", d.vote().inFavour(),
                        d.vote().against(), d.vote().abstentions())),
                DecisionMacro.projectLinks(d.projectKeys(), jira), Html.text(d.owner()),
                Html.text(request.formats().date(d.dueDate())), d.overdue(request.today()), notes,
                conflict == null ? "" : Html.text(t.plain("cockpit.decision.conflict", t.plain(conflict),
                        t.plain(d.status()))),
                d.page().exists() ? Html.url(pageLinks.page(d.page().pageId())) + "#decision-" + Html.text(d.number()) : "",
                Html.text(d.page().title()));
    }

    private static Views.FilterForm form(MacroParameters p, List<Meeting> meetings, MacroRequest request) {
        Texts t = request.texts();
        List<Field> fields = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        meetings.forEach(m -> years.add(m.date().getYear()));
        Map<String, String> yearOptions = new LinkedHashMap<>();
        years.forEach(y -> yearOptions.put(String.valueOf(y), String.valueOf(y)));
        fields.add(select(request, "year", t.plain("cockpit.register.year"), yearOptions, p.text("year", "")));
        Map<String, String> meetingOptions = new LinkedHashMap<>();
        meetings.forEach(m -> meetingOptions.put(m.number(), m.number() + " – " + request.formats().date(m.date())));
        fields.add(select(request, "meeting", t.plain("cockpit.register.meeting"), meetingOptions,
                p.text("meeting", "")));
        Map<String, String> statuses = new LinkedHashMap<>();
        for (DecisionStatus s : DecisionStatus.values()) {
            statuses.put(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), t.plain(s));
        }
        fields.add(select(request, "status", t.plain("cockpit.register.column.status"), statuses,
                p.text("status", "").toLowerCase(java.util.Locale.ROOT)));
        fields.add(text(request, "project", t.plain("cockpit.register.project"), p.text("project", "")));
        fields.add(text(request, "owner", t.plain("cockpit.register.column.owner"), p.text("owner", "")));
        fields.add(text(request, "text", t.plain("cockpit.filter.text"), p.text("text", "")));
        Map<String, String> reset = new LinkedHashMap<>();
        for (String name : List.of("year", "meeting", "status", "project", "owner", "text", "page")) {
            reset.put(request.ownName(name), "");
        }
        return new Views.FilterForm(Html.text(t.plain("cockpit.register.filter")), Views.hidden(request), fields,
                Html.text(t.plain("cockpit.filter.submit")), Html.text(request.links().with(reset)),
                Html.text(t.plain("cockpit.filter.reset")));
    }

    static Field select(MacroRequest request, String name, String label, Map<String, String> values, String chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", Html.text(request.texts().plain("cockpit.filter.any")), chosen.isEmpty()));
        values.forEach((v, l) -> options.add(new Option(Html.text(v), Html.text(l), v.equals(chosen))));
        return new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                Html.text(label), "", options, false);
    }

    static Field text(MacroRequest request, String name, String label, String value) {
        return new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                Html.text(label), Html.text(value), List.of(), false);
    }

    /** The viewer's choices in the request override the page author's parameters, one by one. */
    static MacroParameters overlay(MacroParameters macro, MacroRequest request, String... names) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String name : names) {
            request.own(name).or(() -> macro.text(name)).ifPresent(v -> merged.put(name, v));
        }
        return new MacroParameters(merged);
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
