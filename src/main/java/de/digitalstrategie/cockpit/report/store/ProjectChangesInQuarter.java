package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ChangeTexts;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.ReportSection;
import de.digitalstrategie.cockpit.report.ReportTable;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in the quarter, change by change and oldest first, as the projects' histories keep
 * it: of status, phase, health, budget, funding and time frame, from Jira or edited in the cockpit.
 * A project Jira no longer has is named by its key alone.
 */
public class ProjectChangesInQuarter implements ReportSection {
    private final ProjectStore projects;
    private final QuarterChanges changes;

    public ProjectChangesInQuarter(ProjectStore projects, QuarterChanges changes) {
        this.projects = projects;
        this.changes = changes;
    }

    @Override
    public String key() {
        return "changes";
    }

    @Override
    public ReportTable table(Quarter quarter, Sight sight, Texts texts, ZoneId zone) {
        // The profile's timeline and the public feed word a value so: one wording in every view.
        ChangeTexts values = new ChangeTexts(texts, new Formats(texts.locale()));
        Map<String, String> titles = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (ProjectChange c : changes.within(quarter, zone, sight.projects().projects())) {
            String title = titles.computeIfAbsent(c.issueKey(), k -> projects.find(k).map(DigitalProject::title)
                    .orElse(null));
            rows.add(java.util.Arrays.asList(c.issueKey(), title, c.at(), texts.plain(c.field()),
                    valueOf(values, c.field(), c.before()), values.value(c.field(), c.after()),
                    texts.plain(c.source())));
        }
        return new ReportTable(key(), texts.plain("cockpit.report.changes"), List.of(
                new ExportColumn(texts.plain("cockpit.report.column.key"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.project"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.changed-at"), ColumnType.DATE_TIME),
                new ExportColumn(texts.plain("cockpit.report.column.field"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.before"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.after"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.source"), ColumnType.TEXT)), rows);
    }

    /**
     * A value a change replaced; null (an empty cell) where the history has none, which for a
     * before is its first mirroring (the timeline says "set" then, not "open"). The value a change
     * set reads as the timeline reads it: an open end as "open".
     */
    private static String valueOf(ChangeTexts values, ChangeField field, String value) {
        return value == null ? null : values.value(field, value);
    }
}
