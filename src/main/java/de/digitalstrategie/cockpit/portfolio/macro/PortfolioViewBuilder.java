package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.evidence.macro.PortfolioFlags;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.PortfolioSummary;
import de.digitalstrategie.cockpit.portfolio.Totals;
import de.digitalstrategie.cockpit.portfolio.chart.BarChart;
import de.digitalstrategie.cockpit.portfolio.store.PortfolioView;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;
import de.digitalstrategie.cockpit.render.Views.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Turns the macro's parameters and the request into the portfolio page a template prints. */
public final class PortfolioViewBuilder {

    public record TotalsLine(String labelHtml, String projectsHtml, String budgetHtml, String fundingHtml,
                      String atRiskHtml, String overdueHtml) {
    }

    public record Row(String keyHtml, String jiraUrlHtml, String titleHtml, String departmentHtml, String fieldHtml,
               String phaseHtml, String statusHtml, String healthHtml, String healthClassHtml, String budgetHtml,
               String fundingHtml, String endHtml, boolean overdue, PortfolioFlags.Marker flags) {
        /** For the template: whether the evidence questions the project's reported status (its marker). */
        public boolean flagged() {
            return flags != null;
        }
    }

    /** A run of table rows under one group heading ("" when not grouped). */
    public record Block(String labelHtml, List<Row> rows) {
    }

    public record ChartRow(String labelHtml, String valueHtml) {
    }

    public record Chart(String idHtml, String titleHtml, String svgHtml, List<ChartRow> rows) {
    }

    /** One day of a field's health over time: the day and its projects per health ("3 (60 %)"). */
    public record TrendRow(String dayHtml, String greenHtml, String amberHtml, String redHtml) {
    }

    /** One field of action's health over time: the chart and its numbers as a table. */
    public record Trend(String idHtml, String titleHtml, String svgHtml, List<TrendRow> rows) {
    }

    /** {@code checkingHtml}: the notice that projects Jira has not answered for yet are left out ("" if none). */
    public record Page(String idHtml, String captionHtml, String checkingHtml, Views.FilterForm form,
                String groupLabelHtml, List<TotalsLine> groups, TotalsLine total, List<Views.Header> headers,
                List<Block> blocks, Views.Pager pager, List<Chart> charts, boolean empty, Views.Downloads downloads,
                String asOfHtml, List<Trend> trends, String flagsNoteHtml) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasTrends() {
            return !trends.isEmpty();
        }

        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasCharts() {
            return !charts.isEmpty();
        }
    }

    private static final List<Column<PortfolioSort>> COLUMNS = List.of(
            new Column<>("cockpit.portfolio.column.key", PortfolioSort.KEY, false),
            new Column<>("cockpit.portfolio.column.title", PortfolioSort.TITLE, false),
            new Column<>("cockpit.portfolio.column.department", null, false),
            new Column<>("cockpit.portfolio.column.phase", PortfolioSort.PHASE, false),
            new Column<>("cockpit.portfolio.column.status", PortfolioSort.STATUS, false),
            new Column<>("cockpit.portfolio.column.health", PortfolioSort.HEALTH, false),
            new Column<>("cockpit.portfolio.column.budget", PortfolioSort.BUDGET, true),
            new Column<>("cockpit.portfolio.column.funding", PortfolioSort.FUNDING, true),
            new Column<>("cockpit.portfolio.column.end", PortfolioSort.END, false));

    private final ProjectStore projects;
    private final OrganisationStore organisation;
    private final ProjectAccess access;
    private final JiraLinks jira;
    private final PortfolioFlags flags;

    PortfolioViewBuilder(ProjectStore projects, OrganisationStore organisation, ProjectAccess access, JiraLinks jira,
                         PortfolioFlags flags) {
        this.projects = projects;
        this.organisation = organisation;
        this.access = access;
        this.jira = jira;
        this.flags = flags;
    }

    Page build(MacroParameters macro, MacroRequest request) {
        MacroParameters p = Selection.withViewerChoices(macro, request, PARAMETERS);
        Texts t = request.texts();
        Formats f = request.formats();
        Selection selection = Selection.of(p, organisation, t);
        Grouping grouping = selection.grouping();
        PortfolioSort sort = p.choice("sort", PortfolioSort.class).orElse(PortfolioSort.KEY);
        SortOrder order = p.choice("order", SortOrder.class).orElse(SortOrder.ASC);
        int size = p.number("page-size", 25, 1, PageRequest.MAX_LIMIT);
        int pageNumber = p.number("page", 1, 1, Integer.MAX_VALUE / PageRequest.MAX_LIMIT);
        Map<String, String> fieldNames = selection.fieldNames();
        Map<String, String> departmentNames = selection.departmentNames();
        Visibility visibility = access.visibility();
        // As of a past day: the portfolio as it stood then, overdue as of then.
        java.util.Optional<java.time.LocalDate> asOf = Selection.asOf(p, request.today());
        java.time.LocalDate today = asOf.orElse(request.today());
        boolean onlyFlagged = p.flag("flagged", false);
        if (onlyFlagged && asOf.isPresent()) {
            // The flags are today's verdict: a past day has none to select by.
            throw ValidationException.of("cockpit.portfolio.error.flagged-as-of", p.text("as-of", ""));
        }
        PortfolioView view = asOf.isPresent()
                ? projects.queryAsOf(selection.filter(), grouping, sort, order, PageRequest.page(pageNumber, size),
                        visibility.projects(), today, selection.groupOrder())
                : onlyFlagged
                ? projects.queryAmong(flags.flagged(visibility.projects()), selection.filter(), grouping, sort, order,
                        PageRequest.page(pageNumber, size), visibility.projects(), today, selection.groupOrder())
                : projects.query(selection.filter(), grouping, sort, order,
                PageRequest.page(pageNumber, size), visibility.projects(), request.today(),
                selection.groupOrder());
        // Today's flags of the rows shown, outside the view this node keeps: they follow decisions and
        // acknowledgements too, which do not move the mirror's stamp. A past day shows none.
        Map<String, PortfolioFlags.Marker> markers = asOf.isPresent() ? Map.of()
                : flags.markers(view.page().items(), t, f);
        Function<String, String> groupName = selection::groupName;

        PortfolioSummary summary = view.summary();
        List<TotalsLine> groups = new ArrayList<>();
        for (PortfolioSummary.Group g : summary.groups()) {
            groups.add(totals(groupName.apply(g.key()), g.totals(), f));
        }
        List<Block> blocks = new ArrayList<>();
        String current = null;
        List<Row> rows = null;
        for (DigitalProject project : view.page().items()) {
            String key = selection.groupKey(project);
            if (!Objects.equals(key, current)) {
                rows = new ArrayList<>();
                blocks.add(new Block(Html.text(groupName.apply(key)), rows));
                current = key;
            }
            rows.add(row(project, fieldNames, departmentNames, request, today, markers.get(project.issueKey())));
        }
        String id = request.instanceKey();
        List<Chart> charts = p.flag("charts", true) && summary.total().projects() > 0
                ? charts(id, summary, fieldNames, departmentNames, t, f) : List.of();
        String caption = t.plain("cockpit.portfolio.caption", f.number(summary.total().projects()));
        return new Page(Html.text(id), Html.text(caption), Selection.checkingHtml(visibility, t),
                request.interactive() ? selection.form(p, request, true) : null,
                grouping == Grouping.NONE ? "" : t.html(grouping), groups,
                totals(t.plain("cockpit.portfolio.total"), summary.total(), f),
                Views.headers(COLUMNS, sort, order, request), blocks, Views.pager(view.page(), request), charts,
                summary.total().projects() == 0,
                // The downloads hold today's values, not the day's: none beside a past state. Nor beside
                // the flagged projects, as the exports select by the table's columns and would hold more.
                asOf.isPresent() || onlyFlagged ? null : Selection.downloads(p, request, visibility),
                Selection.asOfHtml(asOf, t, f),
                trends(id, p.number("health-trend", 0, 0, MAX_TREND), selection, visibility, today, fieldNames, t, f),
                asOf.isPresent() ? t.textHtml("cockpit.portfolio.flags.as-of") : "");
    }

    /** What the viewer may change over the author's parameters: the form's selection, sorting, paging. */
    private static final List<String> PARAMETERS = List.of("field", "department", "phase", "status", "health", "text",
            "group", "sort", "order", "page-size", "charts", "page", "as-of", "health-trend", "flagged");

    private Row row(DigitalProject p, Map<String, String> fieldNames, Map<String, String> departmentNames,
                    MacroRequest request, java.time.LocalDate today, PortfolioFlags.Marker marker) {
        Texts t = request.texts();
        Formats f = request.formats();
        boolean overdue = p.overdue(today);
        return new Row(Html.text(p.issueKey()), jira.issueUrl(p.issueKey()).map(Html::url).orElse(""),
                Html.text(p.title()), Html.text(departmentNames.getOrDefault(p.departmentKey(), p.departmentKey())),
                Html.text(fieldNames.getOrDefault(p.fieldOfActionKey(), p.fieldOfActionKey())),
                t.html(p.phase()), t.html(p.status()), t.html(p.health()),
                Html.text(p.health().name().toLowerCase(java.util.Locale.ROOT)),
                Html.text(f.money(p.budgetCents())), Html.text(f.money(p.fundingCents())),
                Html.text(f.date(p.timeFrame().end())), overdue, marker);
    }

    /** The most months the health over time goes back. */
    static final int MAX_TREND = 60;
    private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter.ofPattern("MM/yy");

    /**
     * The health of the selection per field of action at the end of each of the last {@code months}
     * months (the current one up to {@code today}); none for 0.
     */
    private List<Trend> trends(String id, int months, Selection selection, Visibility visibility,
                               java.time.LocalDate today, Map<String, String> fieldNames, Texts t, Formats f) {
        if (months == 0) {
            return List.of();
        }
        List<java.time.LocalDate> days = new ArrayList<>();
        for (int k = months - 1; k >= 0; k--) {
            java.time.LocalDate end = today.minusMonths(k).with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
            days.add(end.isAfter(today) ? today : end);
        }
        de.digitalstrategie.cockpit.portfolio.history.HealthTrend trend = projects.healthTrend(selection.filter(),
                visibility.projects(), days);
        List<String> legend = List.of(t.plain(Health.GREEN), t.plain(Health.AMBER), t.plain(Health.RED));
        List<Trend> trends = new ArrayList<>();
        List<String> order = new ArrayList<>(fieldNames.keySet());
        trend.fields().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String field : order) {
            if (!trend.fields().contains(field)) {
                continue;
            }
            List<de.digitalstrategie.cockpit.portfolio.chart.HealthTrendChart.Column> columns = new ArrayList<>();
            List<TrendRow> rows = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                int g = trend.count(field, d, Health.GREEN);
                int a = trend.count(field, d, Health.AMBER);
                int r = trend.count(field, d, Health.RED);
                columns.add(new de.digitalstrategie.cockpit.portfolio.chart.HealthTrendChart.Column(
                        MONTH.format(days.get(d)), g, a, r));
                int all = g + a + r;
                rows.add(new TrendRow(Html.text(f.date(days.get(d))), Html.text(share(g, all, t, f)),
                        Html.text(share(a, all, t, f)), Html.text(share(r, all, t, f))));
            }
            String name = fieldNames.getOrDefault(field, t.plain("cockpit.portfolio.unassigned"));
            String title = t.plain("cockpit.history.trend.title", name);
            String chartId = id + "-trend-" + trends.size();
            trends.add(new Trend(Html.text(chartId), Html.text(title),
                    de.digitalstrategie.cockpit.portfolio.chart.HealthTrendChart.svg(chartId, title,
                            t.plain("cockpit.history.trend.desc", name, f.date(days.get(0)),
                                    f.date(days.get(days.size() - 1))), columns, legend, 560), rows));
        }
        return trends;
    }

    /** "3 (60 %)": how many, and their share of the day's projects. */
    private static String share(int n, int all, Texts t, Formats f) {
        return t.plain("cockpit.history.trend.share", f.number(n), f.number(all == 0 ? 0 : Math.round(100.0 * n / all)));
    }

    private static TotalsLine totals(String label, Totals totals, Formats f) {
        return new TotalsLine(Html.text(label), Html.text(f.number(totals.projects())),
                Html.text(f.money(totals.budgetCents())), Html.text(f.money(totals.fundingCents())),
                Html.text(f.number(totals.atRisk())), Html.text(f.number(totals.overdue())));
    }

    private static List<Chart> charts(String id, PortfolioSummary summary, Map<String, String> fieldNames,
                                      Map<String, String> departmentNames, Texts t, Formats f) {
        List<BarChart.Bar> perField = new ArrayList<>();
        summary.byField().forEach((k, n) -> perField.add(new BarChart.Bar(fieldNames.getOrDefault(k, k), n,
                f.number(n))));
        List<BarChart.Bar> perPhase = new ArrayList<>();
        summary.byPhase().forEach((phase, n) -> perPhase.add(new BarChart.Bar(t.plain(phase), n, f.number(n))));
        List<BarChart.Bar> perDepartment = new ArrayList<>();
        summary.budgetByDepartment().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> perDepartment.add(new BarChart.Bar(departmentNames.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue(), f.money(e.getValue()))));
        return List.of(chart(id + "-field", t.plain("cockpit.portfolio.chart.field"),
                        t.plain("cockpit.portfolio.chart.field.desc"), perField),
                chart(id + "-phase", t.plain("cockpit.portfolio.chart.phase"),
                        t.plain("cockpit.portfolio.chart.phase.desc"), perPhase),
                chart(id + "-budget", t.plain("cockpit.portfolio.chart.budget"),
                        t.plain("cockpit.portfolio.chart.budget.desc"), perDepartment));
    }

    private static Chart chart(String id, String title, String description, List<BarChart.Bar> bars) {
        List<ChartRow> rows = bars.stream().map(b -> new ChartRow(Html.text(b.label()), Html.text(b.valueText())))
                .toList();
        return new Chart(Html.text(id), Html.text(title), BarChart.svg(id, title, description, bars, 560), rows);
    }

    /** The filter form over the selection's parameters; the roadmap shows the same one. */
}
