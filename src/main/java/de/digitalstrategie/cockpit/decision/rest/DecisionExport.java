package de.digitalstrategie.cockpit.decision.rest;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** The decision register as a table for CSV and XLSX, in the viewer's language. */
final class DecisionExport {
    private DecisionExport() {
    }

    static ExportTable table(Texts t, LongFunction<String> pageUrl, Consumer<Consumer<Decision>> decisions) {
        List<ExportColumn> columns = List.of(
                new ExportColumn(t.plain("cockpit.register.column.number"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.register.column.title"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.register.column.status"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.register.column.vote"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.register.column.projects"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.register.column.owner"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.register.column.due"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.decision.successor"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.decision.text"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.export.minutes"), ColumnType.TEXT));
        return new ExportTable(t.plain("cockpit.register.heading"), columns, row -> decisions.accept(d -> row.accept(
                Arrays.asList(d.number(), d.title(), t.plain(d.status()), d.vote() == null ? null : d.vote().toString(),
                        String.join(", ", d.projectKeys()), d.owner(), d.dueDate(), d.successor(), d.text(),
                        d.page().exists() ? pageUrl.apply(d.page().pageId()) : null))));
    }
}
