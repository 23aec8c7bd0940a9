package de.digitalstrategie.cockpit.strategy.macro;

import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;
import de.digitalstrategie.cockpit.strategy.Assessment;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements;
import de.digitalstrategie.cockpit.strategy.CollectionDue;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.Trajectory;
import de.digitalstrategie.cockpit.strategy.Values;
import de.digitalstrategie.cockpit.strategy.chart.TrendChart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The view of the {@code strategy-goals} macro: per field of action its goals, per goal its
 * indicators assessed ({@link Trajectory}) with their course and their next value due
 * ({@link CollectionDue}), and the projects that serve it with budget and funding summed per goal
 * and per field. Goals and indicators on pages the viewer may not view are neither shown nor
 * counted; projects the viewer may not see (as in the portfolio) neither named nor summed.
 */
public final class GoalAchievementViews {

    /** One measured value as the chart's data table lists it, with the plan's value on its day. */
    public record ValueRow(String dateHtml, String valueHtml, String plannedHtml, String sourceHtml) {
    }

    /**
     * One indicator's line: the card's essentials, the latest value against baseline and target,
     * the assessment (its label always beside its colour), when the next value is due.
     */
    public record IndicatorView(String idHtml, String keyHtml, String nameHtml, String directionHtml,
                                String baselineHtml, String targetHtml, String latestHtml, String plannedHtml,
                                String assessmentHtml, String assessmentClassHtml, String trendHtml, String dueHtml,
                                boolean overdue, String responsibleHtml, String chartTitleHtml, String chartHtml,
                                List<ValueRow> values) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasValues() {
            return !values.isEmpty();
        }
    }

    public record ProjectRow(String keyHtml, String urlHtml, String titleHtml, String healthHtml,
                             String healthClassHtml, String statusHtml, String budgetHtml, String fundingHtml) {
    }

    /** Budget and funding summed over projects the viewer may see, each counted once. */
    public record Sums(String projectsHtml, String budgetHtml, String fundingHtml) {
    }

    public record GoalView(String idHtml, String numberHtml, String titleHtml, String urlHtml, String statusHtml,
                           String statusClassHtml, String reasonHtml, List<IndicatorView> indicators,
                           List<ProjectRow> projects, Sums sums) {
        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        public boolean hasProjects() {
            return !projects.isEmpty();
        }
    }

    /** @param assessmentsHtml how many of its indicators stand how ("3 on track, 1 at risk") */
    public record FieldView(String idHtml, String nameHtml, String goalsHtml, String assessmentsHtml, Sums sums,
                            List<GoalView> goals) {
    }

    /** {@code checkingHtml}: the notice that projects Jira has not answered for yet are left out ("" if none). */
    /** {@code downloads}: the selection as CSV and XLSX; null while Jira's answers are missing (the files would be refused). */
    public record Page(String idHtml, String checkingHtml, Views.FilterForm form, List<FieldView> fields,
                       boolean empty, Views.Downloads downloads) {
    }

    /** What the viewer may change over the author's parameters in the filter form. */
    static final List<String> PARAMETERS = List.of("field", "status", "assessment");

    private final Achievements achievements;
    private final OrganisationStore organisation;
    private final PageLinks pageLinks;
    private final JiraLinks jira;

    GoalAchievementViews(Achievements achievements, OrganisationStore organisation, PageLinks pageLinks,
                         JiraLinks jira) {
        this.achievements = achievements;
        this.organisation = organisation;
        this.pageLinks = pageLinks;
        this.jira = jira;
    }

    Page build(MacroParameters macro, MacroRequest request) {
        MacroParameters p = macro.withViewerChoices(request, PARAMETERS);
        Texts t = request.texts();
        Map<String, String> fieldNames = new LinkedHashMap<>();
        for (FieldOfAction fa : organisation.fieldsOfAction()) {
            fieldNames.put(fa.key(), fa.name(t.locale()));
        }
        Achievements.Result result = achievements.of(Achievements.Selection.of(p), request.today());

        // Per field, in the strategy's order; goals of a field the city no longer lists come last.
        Map<String, List<GoalView>> perField = new LinkedHashMap<>();
        fieldNames.keySet().forEach(k -> perField.put(k, new ArrayList<>()));
        Map<String, Map<Assessment, Integer>> counts = new LinkedHashMap<>();
        Map<String, Map<String, DigitalProject>> fieldProjects = new LinkedHashMap<>();
        for (Achievements.GoalAchievement achieved : result.goals()) {
            Goal goal = achieved.goal();
            String field = goal.fieldOfAction();
            Map<Assessment, Integer> count = counts.computeIfAbsent(field, k -> new EnumMap<>(Assessment.class));
            achieved.indicators().forEach(a -> count.merge(a.assessment(), 1, Integer::sum));
            Map<String, DigitalProject> each = fieldProjects.computeIfAbsent(field, k -> new LinkedHashMap<>());
            achieved.projects().forEach(x -> each.put(x.issueKey(), x));
            List<IndicatorView> indicatorViews = achieved.indicators().stream().map(a -> indicator(a, request))
                    .toList();
            perField.computeIfAbsent(field, k -> new ArrayList<>()).add(goalView(goal, indicatorViews,
                    achieved.projects(), request));
        }
        List<FieldView> fields = new ArrayList<>();
        String id = request.instanceKey();
        perField.forEach((key, goalViews) -> {
            if (!goalViews.isEmpty()) {
                String name = fieldNames.getOrDefault(key, key);
                fields.add(new FieldView(Html.text(id + "-field-" + key.replace('.', '-')), Html.text(name),
                        Html.text(t.plain("cockpit.strategy.goals.count", request.formats().number(goalViews.size()))),
                        Html.text(assessments(counts.getOrDefault(key, Map.of()), t, request.formats())),
                        sums(fieldProjects.getOrDefault(key, Map.of()).values(), request), goalViews));
            }
        });
        Visibility visibility = result.visibility();
        return new Page(Html.text(id), visibility.complete() ? ""
                : Html.text(t.plain("cockpit.access.unchecked", visibility.unchecked())),
                request.interactive() ? form(p, request, fieldNames) : null, fields, fields.isEmpty(),
                downloads(p, request, visibility));
    }

    private IndicatorView indicator(Achievements.IndicatorAchievement achieved, MacroRequest request) {
        Texts t = request.texts();
        Formats f = request.formats();
        Locale locale = t.locale();
        Indicator i = achieved.indicator();
        List<Measurement> values = achieved.values();
        Trajectory.Verdict verdict = achieved.verdict();
        Trajectory plan = Trajectory.of(i);
        String unit = i.unit();
        String latest = verdict.latest() == null ? t.plain("cockpit.strategy.no-value")
                : t.plain("cockpit.strategy.value-on", value(verdict.latest().value(), unit, locale),
                f.date(verdict.latest().date()));
        String planned = achieved.planned() == null ? "" : value(achieved.planned(), unit, locale);
        String trend = verdict.trend() == null ? "" : t.plain(verdict.trend());
        CollectionDue next = achieved.due();
        String due = next == null ? "" : next.overdue()
                ? t.plain("cockpit.strategy.overdue-since", f.date(next.nextDue()), f.number(next.daysOverdue()))
                : t.plain("cockpit.strategy.due-on", f.date(next.nextDue()));
        boolean overdue = achieved.overdue();
        List<ValueRow> rows = values.stream().map(m -> new ValueRow(Html.text(f.date(m.date())),
                Html.text(value(m.value(), unit, locale)),
                Html.text(achieved.plannedAt(m.date()) == null ? ""
                        : value(achieved.plannedAt(m.date()), unit, locale)),
                Html.text(m.source().isEmpty() ? i.source() : m.source()))).toList();
        String chartId = "trend-" + i.key().toLowerCase(Locale.ROOT).replace('.', '-');
        String title = t.plain("cockpit.strategy.chart.title", i.key(), i.name());
        String chart = TrendChart.svg(chartId, new TrendChart.Labels(title,
                        t.plain("cockpit.strategy.chart.desc", value(i.baseline(), unit, locale), f.date(i.baselineDate()),
                                value(i.target(), unit, locale), f.date(i.targetDate()), f.number(values.size())),
                        t.plain("cockpit.strategy.chart.measured"), t.plain("cockpit.strategy.chart.planned")),
                plan, values.stream().map(m -> new Trajectory.Point(m.date(), m.value())).toList(), 480, 220,
                v -> Values.format(v, locale), f::date);
        return new IndicatorView(Html.text(chartId), Html.text(i.key()), Html.text(i.name()),
                t.html(i.direction()),
                Html.text(t.plain("cockpit.strategy.value-on", value(i.baseline(), unit, locale), f.date(i.baselineDate()))),
                Html.text(t.plain("cockpit.strategy.value-by", value(i.target(), unit, locale), f.date(i.targetDate()))),
                Html.text(latest), Html.text(planned), t.html(verdict.assessment()),
                Html.text(lozenge(verdict.assessment())), Html.text(trend), Html.text(due), overdue,
                Html.text(i.responsibleUnit()), Html.text(title), chart, rows);
    }

    private GoalView goalView(Goal goal, List<IndicatorView> indicatorViews, List<DigitalProject> serving,
                              MacroRequest request) {
        Texts t = request.texts();
        Formats f = request.formats();
        List<ProjectRow> rows = serving.stream().map(p -> new ProjectRow(Html.text(p.issueKey()),
                jira.issueUrl(p.issueKey()).map(Html::url).orElse(""), Html.text(p.title()), t.html(p.health()),
                Html.text(p.health().name().toLowerCase(Locale.ROOT)), t.html(p.status()),
                Html.text(f.money(p.budgetCents())), Html.text(f.money(p.fundingCents())))).toList();
        return new GoalView(Html.text("goal-" + goal.number().toLowerCase(Locale.ROOT)), Html.text(goal.number()),
                Html.text(goal.title()), goal.page().exists() ? Html.url(pageLinks.page(goal.page().pageId())) : "",
                t.html(goal.status()), Html.text(goal.status().lozenge()), Html.text(goal.reason()), indicatorViews,
                rows, sums(serving, request));
    }

    private static Sums sums(Collection<DigitalProject> serving, MacroRequest request) {
        Formats f = request.formats();
        long budget = serving.stream().mapToLong(DigitalProject::budgetCents).sum();
        long funding = serving.stream().mapToLong(DigitalProject::fundingCents).sum();
        return new Sums(Html.text(f.number(serving.size())), Html.text(f.money(budget)), Html.text(f.money(funding)));
    }

    private static String assessments(Map<Assessment, Integer> counts, Texts t, Formats f) {
        List<String> parts = new ArrayList<>();
        for (Assessment a : Assessment.values()) {
            int n = counts.getOrDefault(a, 0);
            if (n > 0) {
                parts.add(f.number(n) + " " + t.plain(a));
            }
        }
        return parts.isEmpty() ? t.plain("cockpit.strategy.no-indicators") : String.join(", ", parts);
    }

    /** The value as the viewer writes numbers, with its unit. */
    private static String value(BigDecimal value, String unit, Locale locale) {
        String number = Values.format(value, locale);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** Each assessment's lozenge; its label is always printed in it, so colour is never alone. */
    static String lozenge(Assessment assessment) {
        return switch (assessment) {
            case ON_TRACK -> "aui-lozenge-success";
            case AT_RISK -> "aui-lozenge-current";
            case OFF_TRACK -> "aui-lozenge-error";
            case NO_DATA -> "aui-lozenge-subtle";
        };
    }

    private static Views.Downloads downloads(MacroParameters p, MacroRequest request, Visibility visibility) {
        if (!visibility.complete()) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        PARAMETERS.forEach(name -> p.text(name).ifPresent(v -> query.put(name, v)));
        return Views.Downloads.of(request, "/strategy/achievement/export", query);
    }

    private Views.FilterForm form(MacroParameters p, MacroRequest request, Map<String, String> fieldNames) {
        Texts t = request.texts();
        List<Views.Field> fields = List.of(
                Views.select(request, "field", t.plain("cockpit.portfolio.column.field"), fieldNames, p.list("field")),
                Views.select(request, "status", t.plain("cockpit.strategy.filter.status"),
                        Views.choices(GoalStatus.values(), t), p.list("status")),
                Views.select(request, "assessment", t.plain("cockpit.strategy.filter.assessment"),
                        Views.choices(Assessment.values(), t), p.list("assessment")));
        Map<String, String> reset = new LinkedHashMap<>();
        PARAMETERS.forEach(name -> reset.put(request.ownName(name), ""));
        return new Views.FilterForm(Html.text(t.plain("cockpit.strategy.filter")), Views.hidden(request), fields,
                Html.text(t.plain("cockpit.filter.submit")), Html.text(request.links().with(reset)),
                Html.text(t.plain("cockpit.filter.reset")));
    }
}
