package de.digitalstrategie.cockpit.advisory.rest;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The advisory register as a table for CSV and XLSX, in the viewer's language. */
final class AdvisoryExport {
    private AdvisoryExport() {
    }

    static ExportTable table(Texts t, LocalDate today, Consumer<Consumer<AdvisoryInput>> inputs) {
        List<ExportColumn> columns = List.of(
                new ExportColumn(t.plain("cockpit.advisory.column.number"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.advisory.column.received"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.advisory.column.title"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.advisory.topic"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.advisory.column.sectors"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.advisory.column.status"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.advisory.column.answer"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.export.answered-on"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.advisory.column.reported"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.register.column.projects"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.export.days-open"), ColumnType.INTEGER));
        return new ExportTable(t.plain("cockpit.advisory.heading"), columns, row -> inputs.accept(i -> row.accept(
                Arrays.asList(i.number(), i.receivedOn(), i.title(), i.topic(),
                        String.join(", ", i.sectors().stream().sorted().map(t::plain).toList()),
                        t.plain(i.answer().status()), i.answer().text(), i.answer().answeredOn(),
                        i.answer().reportedToBoardOn(), String.join(", ", i.projectKeys()), i.daysUnanswered(today)))));
    }
}
