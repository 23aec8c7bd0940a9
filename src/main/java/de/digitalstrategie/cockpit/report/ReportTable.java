package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportTable;

import java.util.List;

/**
 * One section of a quarterly report, read: its rows are held (a quarter's records are few), so the
 * page can count them in its heading and the file and the page show the very same rows.
 *
 * @param key   the section's key: its id on the page
 * @param title its heading and sheet name, already in the reader's language
 * @param rows  one value per column each, typed as the column says (see {@link ExportTable})
 */
public record ReportTable(String key, String title, List<ExportColumn> columns, List<List<Object>> rows) {
    public ReportTable {
        columns = List.copyOf(columns);
        // Unmodifiable but null-tolerant: an empty cell is a null value.
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    /**
     * A table another feature exports (its columns and rows as its own download has them), read
     * whole: so a section shows exactly what that download writes.
     */
    public static ReportTable of(String key, ExportTable table) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        table.rows().forEach(rows::add);
        return new ReportTable(key, table.title(), table.columns(), rows);
    }

    /** As a table to write to a file: a sheet of the workbook. */
    public ExportTable export() {
        return new ExportTable(title, columns, rows::forEach);
    }
}
