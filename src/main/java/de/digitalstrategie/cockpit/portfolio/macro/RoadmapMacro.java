package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.store.PortfolioView;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code digital-roadmap}: the implementation roadmap of the strategy: each selected project as a
 * bar over its time frame, grouped, earliest start first, with the years and today marked. The
 * same filters and the same permission limits as the portfolio.
 */
public class RoadmapMacro extends CockpitMacro {
    static final int MAX_YEARS = 15;

    private final ProjectStore projects;
    private final OrganisationStore organisation;
    private final ProjectAccess access;
    private final JiraLinks jira;

    public record Tick(String xHtml, String yearHtml) {
    }

    public record Bar(String keyHtml, String urlHtml, String titleHtml, String phaseHtml, String healthHtml,
                      String healthClassHtml, String periodHtml, boolean overdue, boolean drawn, String xHtml,
                      String widthHtml, boolean startsBefore, boolean endsAfter, List<Dependency> dependencies) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasDependencies() {
            return !dependencies.isEmpty();
        }
    }

    /** A project this one waits for; the note says when it does not end before this one starts. */
    public record Dependency(String keyHtml, String urlHtml, String noteHtml) {
    }

    public record Group(String labelHtml, List<Bar> bars) {
    }

    /**
     * Positions are percentages of the timeline's width, so the SVG scales without stretching its
     * text. {@code checkingHtml}: the notice that projects Jira has not answered for yet are left
     * out ("" if none).
     */
    public record Page(String idHtml, String captionHtml, String checkingHtml, String rangeHtml,
                       Views.FilterForm form, List<Tick> ticks, String todayXHtml, List<Group> groups, boolean empty,
                       Views.Downloads downloads, String asOfHtml) {
    }

    public RoadmapMacro(MacroRenderer renderer, ProjectStore projects, OrganisationStore organisation,
                        ProjectAccess access, JiraLinks jira) {
        super(renderer);
        this.projects = projects;
        this.organisation = organisation;
        this.access = access;
        this.jira = jira;
    }

    @Override
    protected String render(MacroParameters p, String body, MacroRequest request) {
        return renderer.render("templates/roadmap.vm", request, build(p, request));
    }

    /** What the viewer may change over the author's parameters: the selection in the form, years and limit in the address. */
    private static final List<String> PARAMETERS = List.of("field", "department", "phase", "status", "health", "text",
            "group", "from", "to", "limit", "as-of");

    Page build(MacroParameters macro, MacroRequest request) {
        MacroParameters p = Selection.withViewerChoices(macro, request, PARAMETERS);
        Texts t = request.texts();
        Formats f = request.formats();
        // As of a past day: the roadmap as it stood then, with "today" at that day.
        Optional<LocalDate> asOf = Selection.asOf(p, request.today());
        LocalDate today = asOf.orElse(request.today());
        int from = p.year("from", today.getYear() - 1);
        // By default three years ahead, but never more than the timeline may span from an early start.
        int to = p.year("to", Math.min(Math.max(from, today.getYear() + 3), from + MAX_YEARS - 1));
        if (to < from || to - from >= MAX_YEARS) {
            // Years as text: a number argument would be printed with a thousands separator (2.026).
            throw ValidationException.of("cockpit.roadmap.error.years", String.valueOf(from), String.valueOf(to),
                    MAX_YEARS);
        }
        LocalDate start = LocalDate.of(from, 1, 1);
        LocalDate end = LocalDate.of(to + 1, 1, 1);
        Selection selection = Selection.of(p, organisation, t);
        int limit = p.number("limit", 100, 1, PageRequest.MAX_LIMIT);
        Visibility visibility = access.visibility();
        Set<String> visible = visibility.projects();
        PortfolioView view = asOf.isPresent()
                ? projects.queryAsOf(selection.filter(), selection.grouping(), PortfolioSort.START, SortOrder.ASC,
                        PageRequest.page(1, limit), visible, today, selection.groupOrder())
                : projects.query(selection.filter(), selection.grouping(), PortfolioSort.START,
                SortOrder.ASC, PageRequest.page(1, limit), visible, today, selection.groupOrder());
        // What the shown projects wait for, and when that ends: only projects the viewer may see.
        Map<String, List<String>> waits = projects.blockedBy(view.page().items().stream()
                .map(DigitalProject::issueKey).toList());
        Map<String, Optional<LocalDate>> ends = projects.ends(waits.values().stream().flatMap(List::stream)
                .collect(Collectors.toSet()), visible);

        long days = ChronoUnit.DAYS.between(start, end);
        List<Group> groups = new ArrayList<>();
        String current = null;
        List<Bar> bars = null;
        for (DigitalProject project : view.page().items()) {
            String key = selection.groupKey(project);
            if (bars == null || !Objects.equals(key, current)) {
                bars = new ArrayList<>();
                groups.add(new Group(Html.text(selection.groupName(key)), bars));
                current = key;
            }
            bars.add(bar(project, start, end, days, request, today,
                    dependencies(project, waits.getOrDefault(project.issueKey(), List.of()), ends, request)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            ticks.add(new Tick(x(ChronoUnit.DAYS.between(start, LocalDate.of(year, 1, 1)), days),
                    Html.text(String.valueOf(year))));
        }
        String todayX = !today.isBefore(start) && today.isBefore(end)
                ? x(ChronoUnit.DAYS.between(start, today), days) : "";
        int shown = view.page().items().size();
        int total = view.page().total();
        String caption = shown < total
                ? t.plain("cockpit.roadmap.caption.part", f.number(shown), f.number(total), String.valueOf(from),
                String.valueOf(to))
                : t.plain("cockpit.roadmap.caption", f.number(total), String.valueOf(from), String.valueOf(to));
        return new Page(Html.text(request.instanceKey()), Html.text(caption), Selection.checkingHtml(visibility, t),
                Html.text(t.plain("cockpit.roadmap.range", String.valueOf(from), String.valueOf(to))),
                request.interactive() ? selection.form(p, request) : null, ticks, todayX, groups, total == 0,
                // The downloads hold today's values, not the day's: none beside a past state.
                asOf.isPresent() ? null : Selection.downloads(p, request, visibility), Selection.asOfHtml(asOf, t, f));
    }

    private List<Dependency> dependencies(DigitalProject p, List<String> blockers, Map<String, Optional<LocalDate>> ends,
                                          MacroRequest request) {
        Texts t = request.texts();
        List<Dependency> found = new ArrayList<>();
        LocalDate begins = p.timeFrame().start();
        for (String blocker : blockers) {
            Optional<LocalDate> blockerEnd = ends.get(blocker);
            if (blockerEnd == null) {
                continue; // not mirrored, or not the viewer's to see
            }
            String note = "";
            if (blockerEnd.isEmpty()) {
                note = t.plain("cockpit.roadmap.waits.open");
            } else if (begins != null && !blockerEnd.get().isBefore(begins)) {
                note = t.plain("cockpit.roadmap.waits.late", request.formats().date(blockerEnd.get()));
            }
            found.add(new Dependency(Html.text(blocker), jira.issueUrl(blocker).map(Html::url).orElse(""),
                    Html.text(note)));
        }
        return found;
    }

    private Bar bar(DigitalProject p, LocalDate start, LocalDate end, long days, MacroRequest request,
                    LocalDate today, List<Dependency> dependencies) {
        Texts t = request.texts();
        Formats f = request.formats();
        LocalDate first = p.timeFrame().start();
        LocalDate last = p.timeFrame().end();
        String period;
        if (first == null && last == null) {
            period = t.plain("cockpit.roadmap.period.none");
        } else if (last == null) {
            period = t.plain("cockpit.roadmap.period.open", f.date(first));
        } else if (first == null) {
            period = t.plain("cockpit.roadmap.period.until", f.date(last));
        } else {
            period = t.plain("cockpit.roadmap.period", f.date(first), f.date(last));
        }
        // A bar needs a start; without an end it runs to the edge (still open).
        LocalDate barStart = first;
        LocalDate barEnd = last == null ? end : last.plusDays(1);
        boolean drawn = barStart != null && barStart.isBefore(end) && barEnd.isAfter(start);
        String xHtml = "";
        String widthHtml = "";
        if (drawn) {
            long a = ChronoUnit.DAYS.between(start, barStart.isBefore(start) ? start : barStart);
            long b = ChronoUnit.DAYS.between(start, barEnd.isAfter(end) ? end : barEnd);
            xHtml = x(a, days);
            // At least a sliver, so a project of a few days is still seen.
            widthHtml = percent(Math.max(0.4, 100.0 * (b - a) / days));
        }
        String healthName = p.health().name().toLowerCase(Locale.ROOT);
        return new Bar(Html.text(p.issueKey()), jira.issueUrl(p.issueKey()).map(Html::url).orElse(""),
                Html.text(p.title()), t.html(p.phase()), t.html(p.health()), Html.text(healthName),
                Html.text(period), p.overdue(today), drawn, xHtml, widthHtml,
                drawn && barStart.isBefore(start), drawn && barEnd.isAfter(end), dependencies);
    }

    private static String x(long day, long days) {
        return percent(100.0 * day / days);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
