package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
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
        Map<String, String> atEnd = changes.healthAtEnd(quarter, zone);
        List<DigitalProject> shown = new ArrayList<>();
        projects.forEach(PortfolioFilter.ALL, sight.projects().projects(), p -> {
            // First mirrored after the quarter: the project was not part of it.
            if (!atEnd.containsKey(p.issueKey()) || atEnd.get(p.issueKey()) != null) {
                shown.add(p);
            }
        });
        shown.sort(Comparator.comparing(DigitalProject::issueKey));
        List<List<Object>> rows = new ArrayList<>();
        for (DigitalProject p : shown) {
            String end = atEnd.containsKey(p.issueKey()) ? texts.plain(Health.valueOf(atEnd.get(p.issueKey())))
                    : texts.plain(p.health());
            rows.add(java.util.Arrays.asList(p.issueKey(), p.title(), texts.plain(p.status()), texts.plain(p.phase()),
                    end, texts.plain(p.health()), p.budgetCents(), p.fundingCents(),
                    counts.getOrDefault(p.issueKey(), 0)));
        }
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
}
