package de.digitalstrategie.cockpit.portfolio.rest;

import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The portfolio as a table for CSV and XLSX: one row per project, in the viewer's language. */
final class PortfolioExport {
    private PortfolioExport() {
    }

    static ExportTable table(Texts t, Map<String, String> fieldNames, Map<String, String> departmentNames,
                             LocalDate today, Consumer<Consumer<DigitalProject>> projects) {
        List<ExportColumn> columns = List.of(
                new ExportColumn(t.plain("cockpit.portfolio.column.key"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.title"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.field"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.department"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.phase"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.status"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.health"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.budget"), ColumnType.MONEY_CENTS),
                new ExportColumn(t.plain("cockpit.portfolio.column.funding"), ColumnType.MONEY_CENTS),
                new ExportColumn(t.plain("cockpit.export.start"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.portfolio.column.end"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.project.owners"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.project.funding-source"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.overdue"), ColumnType.TEXT));
        String yes = t.plain("cockpit.export.yes");
        String no = t.plain("cockpit.export.no");
        return new ExportTable(t.plain("cockpit.portfolio.heading"), columns, row -> projects.accept(p -> row.accept(
                Arrays.asList(p.issueKey(), p.title(), fieldNames.getOrDefault(p.fieldOfActionKey(), p.fieldOfActionKey()),
                        departmentNames.getOrDefault(p.departmentKey(), p.departmentKey()), t.plain(p.phase()),
                        t.plain(p.status()), t.plain(p.health()), p.budgetCents(), p.fundingCents(),
                        p.timeFrame().start(), p.timeFrame().end(), p.profile().owners(),
                        p.profile().fundingSource(), p.overdue(today) ? yes : no))));
    }
}
