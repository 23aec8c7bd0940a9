package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.render.Texts;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a quarter's report: asks once what the viewer may see and then each section for its table.
 */
public class QuarterlyReports {
    private final CommitteeStore committee;
    private final PageAccess pageAccess;
    private final ProjectAccess projectAccess;
    private final List<ReportSection> sections;
    private final Clock clock;

    public QuarterlyReports(CommitteeStore committee, PageAccess pageAccess, ProjectAccess projectAccess,
                            List<ReportSection> sections, Clock clock) {
        this.committee = committee;
        this.pageAccess = pageAccess;
        this.projectAccess = projectAccess;
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    /** The quarter today lies in: what the report shows unless asked for another. */
    public Quarter current() {
        return Quarter.of(LocalDate.now(clock));
    }

    /**
     * The quarter a request names, or without one the current quarter.
     *
     * @throws ValidationException for one that is not a quarter, or one that has not begun yet:
     *                             its report would show today's state under a later name
     */
    public Quarter quarter(String asked) {
        return asked == null ? current() : begun(Quarter.parse(asked));
    }

    private Quarter begun(Quarter quarter) {
        Quarter current = current();
        if (quarter.compareTo(current) > 0) {
            throw ValidationException.of("cockpit.report.error.future", quarter.toString(), current.toString());
        }
        return quarter;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * The report as the viewer may see it.
     *
     * @param whole whether it leaves as a file, which travels on without any notice: then it is
     *              refused while Jira has not answered for all of the viewer's projects
     *              ({@link Visibility#completeProjects()})
     */
    public QuarterlyReport report(Quarter quarter, Texts texts, boolean whole) {
        begun(quarter);
        Visibility visibility = projectAccess.visibility();
        if (whole) {
            visibility.completeProjects();
        }
        Sight sight = new Sight(pageAccess.viewable(committee.minutesPageIds()), visibility);
        List<ReportTable> tables = new ArrayList<>();
        for (ReportSection section : sections) {
            tables.add(section.table(quarter, sight, texts, clock.getZone()));
        }
        return new QuarterlyReport(quarter, clock.instant(), tables, visibility.unchecked());
    }

    /**
     * The report as a workbook's sheets: first what it covers and when it was made, then a sheet
     * per section.
     */
    public static List<ExportTable> sheets(QuarterlyReport report, Texts texts) {
        List<ExportTable> sheets = new ArrayList<>();
        List<List<Object>> cover = List.of(List.of(report.quarter().toString(), report.quarter().first(),
                report.quarter().last(), report.made()));
        sheets.add(new ExportTable(texts.plain("cockpit.report.sheet.cover"), List.of(
                new ExportColumn(texts.plain("cockpit.report.column.quarter"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.from"), ColumnType.DATE),
                new ExportColumn(texts.plain("cockpit.report.column.to"), ColumnType.DATE),
                new ExportColumn(texts.plain("cockpit.report.column.made"), ColumnType.DATE_TIME)), cover::forEach));
        report.tables().forEach(t -> sheets.add(t.export()));
        return sheets;
    }
}
