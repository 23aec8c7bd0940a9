package de.digitalstrategie.cockpit.advisory.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.advisory.AdvisoryFilter;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryPage;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.macro.DecisionMacro;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code advisory-register}: the advisory board's input and the city's answers, as far as the
 * viewer may see the minutes; can show only what is still unanswered (with how long it has
 * waited) or not yet reported back to the board.
 */
public class AdvisoryRegisterMacro extends CockpitMacro {
    private static final List<Column<AdvisorySort>> COLUMNS = List.of(
            new Column<>("cockpit.advisory.column.number", AdvisorySort.NUMBER, false),
            new Column<>("cockpit.advisory.column.received", AdvisorySort.RECEIVED, false),
            new Column<>("cockpit.advisory.column.title", AdvisorySort.TITLE, false),
            new Column<>("cockpit.advisory.column.sectors", null, false),
            new Column<>("cockpit.advisory.column.status", AdvisorySort.STATUS, false),
            new Column<>("cockpit.advisory.column.answer", null, false),
            new Column<>("cockpit.advisory.column.waiting", null, true),
            new Column<>("cockpit.advisory.column.reported", null, false));

    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final PageLinks pageLinks;
    private final JiraLinks jira;

    public record Row(String numberHtml, String receivedHtml, String titleHtml, String topicHtml, String sectorsHtml,
                      String statusHtml, String statusClassHtml, String answerHtml, String waitingHtml,
                      String reportedHtml, boolean awaitingReport, List<DecisionMacro.ProjectLink> projects,
                      String conflictHtml, String minutesUrlHtml, String minutesTitleHtml) {
    }

    public record Page(String idHtml, String captionHtml, Views.FilterForm form, List<Views.Header> headers,
                       List<Row> rows, Views.Pager pager, Views.Downloads downloads) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    public AdvisoryRegisterMacro(MacroRenderer renderer, AdvisoryStore advisory, CommitteeStore committee,
                                 PageAccess pages, PageLinks pageLinks, JiraLinks jira) {
        super(renderer);
        this.advisory = advisory;
        this.committee = committee;
        this.pages = pages;
        this.pageLinks = pageLinks;
        this.jira = jira;
    }

    @Override
    protected String render(MacroParameters macro, String body, MacroRequest request) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String name : List.of("year", "status", "sector", "project", "text", "unanswered", "awaiting-report",
                "sort", "order", "page-size", "page", "withdrawn")) {
            request.own(name).or(() -> macro.text(name)).ifPresent(v -> merged.put(name, v));
        }
        MacroParameters p = new MacroParameters(merged);
        Texts t = request.texts();
        AdvisoryFilter filter = new AdvisoryFilter(p.text("year").map(y -> p.number("year", 0, 1990, 2100)).orElse(null),
                null, Set.copyOf(p.choices("status", AnswerStatus.class)), p.choice("sector", Sector.class).orElse(null),
                p.text("project").map(k -> p.issueKeys("project").get(0)).orElse(null), p.text("text").orElse(null),
                p.flag("unanswered", false), p.flag("awaiting-report", false), p.flag("withdrawn", false));
        AdvisorySort sort = p.choice("sort", AdvisorySort.class).orElse(AdvisorySort.NUMBER);
        SortOrder order = p.choice("order", SortOrder.class).orElse(SortOrder.ASC);
        int size = p.number("page-size", 25, 1, PageRequest.MAX_LIMIT);
        int number = p.number("page", 1, 1, 1_000_000);
        AdvisoryPage result = advisory.query(filter, sort, order, PageRequest.page(number, size),
                pages.viewable(committee.minutesPageIds()));
        List<Row> rows = new ArrayList<>();
        for (AdvisoryInput i : result.page().items()) {
            long waiting = i.daysUnanswered(request.today());
            AnswerStatus conflict = result.conflicts().get(i.id());
            rows.add(new Row(Html.text(i.number()), Html.text(request.formats().date(i.receivedOn())),
                    Html.text(i.title()), Html.text(i.topic()),
                    Html.text(AdvisoryInputMacro.sectors(i.sectors().stream().sorted().toList(), t)),
                    t.html(i.answer().status()), Html.text(AdvisoryInputMacro.statusClass(i.answer().status())),
                    Html.text(i.answer().text()),
                    waiting > 0 ? Html.text(t.plain("cockpit.advisory.days", request.formats().number(waiting))) : "",
                    i.answer().reportedToBoardOn() != null ? Html.text(request.formats().date(i.answer().reportedToBoardOn()))
                            : i.answer().awaitingReport() ? Html.text(t.plain("cockpit.advisory.not-reported")) : "",
                    i.answer().awaitingReport(),
                    i.projectKeys().stream().map(k -> new DecisionMacro.ProjectLink(Html.text(k),
                            jira.issueUrl(k).map(Html::url).orElse(""))).toList(),
                    conflict == null ? "" : Html.text(t.plain("cockpit.decision.conflict", t.plain(conflict),
                            t.plain(i.answer().status()))),
                    i.page().exists() ? Html.url(pageLinks.page(i.page().pageId())) + "#input-" + Html.text(i.number()) : "",
                    Html.text(i.page().title())));
        }
        Page page = new Page(Html.text(request.instanceKey()),
                Html.text(t.plain("cockpit.advisory.caption", request.formats().number(result.page().total()))),
                request.interactive() ? form(p, request) : null, Views.headers(COLUMNS, sort, order, request), rows,
                Views.pager(result.page(), request), Views.Downloads.of(request, "/advisory/export", selection(merged)));
        return renderer.render("templates/advisory-register.vm", request, page);
    }

    private static Map<String, String> selection(Map<String, String> merged) {
        Map<String, String> selection = new LinkedHashMap<>();
        for (String name : List.of("year", "status", "sector", "project", "text", "unanswered", "awaiting-report")) {
            if (merged.containsKey(name)) {
                selection.put(name, merged.get(name));
            }
        }
        return selection;
    }

    private static Views.FilterForm form(MacroParameters p, MacroRequest request) {
        Texts t = request.texts();
        List<Field> fields = new ArrayList<>();
        Map<String, String> sectors = new LinkedHashMap<>();
        for (Sector s : Sector.values()) {
            sectors.put(s.name().toLowerCase(java.util.Locale.ROOT), t.plain(s));
        }
        fields.add(select(request, "sector", t.plain("cockpit.sector"), sectors,
                p.text("sector", "").toLowerCase(java.util.Locale.ROOT)));
        Map<String, String> statuses = new LinkedHashMap<>();
        for (AnswerStatus s : AnswerStatus.values()) {
            statuses.put(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), t.plain(s));
        }
        fields.add(select(request, "status", t.plain("cockpit.advisory.column.status"), statuses,
                p.text("status", "").toLowerCase(java.util.Locale.ROOT)));
        Map<String, String> open = new LinkedHashMap<>();
        open.put("true", t.plain("cockpit.advisory.only-unanswered"));
        fields.add(select(request, "unanswered", t.plain("cockpit.advisory.open"), open, p.text("unanswered", "")));
        Map<String, String> report = new LinkedHashMap<>();
        report.put("true", t.plain("cockpit.advisory.only-unreported"));
        fields.add(select(request, "awaiting-report", t.plain("cockpit.advisory.column.reported"), report,
                p.text("awaiting-report", "")));
        fields.add(new Field(Html.text(request.instanceKey() + "-text"), Html.text(request.ownName("text")),
                Html.text(t.plain("cockpit.filter.text")), Html.text(p.text("text", "")), List.of(), false));
        Map<String, String> reset = new LinkedHashMap<>();
        for (String name : List.of("sector", "status", "unanswered", "awaiting-report", "text", "page")) {
            reset.put(request.ownName(name), "");
        }
        return new Views.FilterForm(Html.text(t.plain("cockpit.advisory.filter")), Views.hidden(request), fields,
                Html.text(t.plain("cockpit.filter.submit")), Html.text(request.links().with(reset)),
                Html.text(t.plain("cockpit.filter.reset")));
    }

    private static Field select(MacroRequest request, String name, String label, Map<String, String> values,
                                String chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", Html.text(request.texts().plain("cockpit.filter.any")), chosen.isEmpty()));
        values.forEach((v, l) -> options.add(new Option(Html.text(v), Html.text(l), v.equals(chosen))));
        return new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                Html.text(label), "", options, false);
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
