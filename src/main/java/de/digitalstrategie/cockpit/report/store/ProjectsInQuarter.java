package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.history.PastValues;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.ReportSection;
import de.digitalstrategie.cockpit.report.ReportTable;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The projects the viewer may see that existed at the quarter's end, in key order: how they stand
 * now, their health at the quarter's end and now, and how many changes the quarter brought them.
 * A project removed from the portfolio since stands as it did at the quarter's end, its health now
 * saying that it was removed.
 */
public class ProjectsInQuarter implements ReportSection {
    private final ProjectStore projects;
    private final QuarterChanges changes;

    public ProjectsInQuarter(ProjectStore projects, QuarterChanges changes) {
        this.projects = projects;
        this.changes = changes;
    }

    @Override
    public String key() {
        return "projects";
    }

    @Override
    public ReportTable table(Quarter quarter, Sight sight, Texts texts, ZoneId zone) {
        Map<String, Integer> counts = new HashMap<>();
        for (ProjectChange c : changes.within(quarter, zone, sight.projects().projects())) {
            counts.merge(c.issueKey(), 1, Integer::sum);
        }
        PastValues atEnd = changes.atEnd(quarter);
        List<List<Object>> rows = new ArrayList<>();
        projects.forEach(PortfolioFilter.ALL, sight.projects().projects(), (DigitalProject p, String issueId) ->
                // First mirrored after the quarter (or away then): the project was not part of it. Its
                // history found by its Jira id, as the as-of portfolio finds it, so a move is followed.
                atEnd.of(p, issueId).ifPresent(then -> rows.add(row(p.issueKey(), p, texts.plain(then.health()),
                        texts.plain(p.health()), texts, counts))));
        for (DigitalProject then : changes.removedSinceEnd(quarter, sight.projects().projects())) {
            // No longer in the portfolio: as it stood at the quarter's end.
            rows.add(row(then.issueKey(), then, texts.plain(then.health()), texts.plain("cockpit.history.removed"),
                    texts, counts));
        }
        rows.sort(Comparator.comparing(r -> (String) r.get(0)));
        return new ReportTable(key(), texts.plain("cockpit.report.projects"), List.of(
                new ExportColumn(texts.plain("cockpit.report.column.key"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.project"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.project.status"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.project.phase"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.health-end"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.health-now"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.budget"), ColumnType.MONEY_CENTS),
                new ExportColumn(texts.plain("cockpit.report.column.funding"), ColumnType.MONEY_CENTS),
                new ExportColumn(texts.plain("cockpit.report.column.changes"), ColumnType.INTEGER)), rows);
    }

    private static List<Object> row(String key, DigitalProject p, String healthEnd, String healthNow, Texts texts,
                                    Map<String, Integer> counts) {
        return java.util.Arrays.asList(key, p.title(), texts.plain(p.status()), texts.plain(p.phase()), healthEnd,
                healthNow, p.budgetCents(), p.fundingCents(), counts.getOrDefault(key, 0));
    }
}
