package de.digitalstrategie.cockpit.export;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table to export: its title (the sheet's name in XLSX, the document title), its columns and
 * its streamed rows.
 *
 * @param title already in the reader's language
 */
public record ExportTable(String title, List<ExportColumn> columns, ExportRows rows) {
    /** Excel refuses longer sheet names. */
    static final int MAX_SHEET_NAME = 31;

    public ExportTable {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("export title must not be blank");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one column");
        }
        if (rows == null) {
            throw new IllegalArgumentException("export rows must not be null");
        }
    }

    /**
     * The title as Excel accepts it for a sheet: Excel refuses to open a file whose sheet name is
     * longer than 31 characters, contains one of {@code [ ] : * ? / \}, starts or ends with an
     * apostrophe, or is "History" (reserved for change tracking).
     */
    public String sheetName() {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", "-").replaceAll("\\p{Cntrl}", " ");
        if (name.length() > MAX_SHEET_NAME) {
            // Excel counts UTF-16 units; do not leave half of a surrogate pair behind.
            int end = Character.isHighSurrogate(name.charAt(MAX_SHEET_NAME - 1)) ? MAX_SHEET_NAME - 1
                    : MAX_SHEET_NAME;
            name = name.substring(0, end);
        }
        name = name.replaceAll("^[\\s']+|[\\s']+$", "");
        if (name.isEmpty()) {
            return "-";
        }
        return "History".equalsIgnoreCase(name) ? name + "-" : name;
    }

    /**
     * Streams the rows, each checked against the columns first: a value of the wrong type would
     * otherwise end up as a wrong cell (a number as text, a date as a number) unnoticed.
     *
     * @throws IllegalArgumentException for a row of the wrong width or with a wrongly typed value;
     *                                  the export is broken off, as it would be incomplete
     */
    void forEachChecked(Consumer<List<Object>> action) {
        long[] number = {0};
        rows.forEach(row -> {
            number[0]++;
            if (row == null || row.size() != columns.size()) {
                throw new IllegalArgumentException("export row " + number[0] + " has "
                        + (row == null ? "no" : row.size()) + " values for " + columns.size() + " columns");
            }
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(i);
                if (!columns.get(i).type().accepts(value)) {
                    throw new IllegalArgumentException("export row " + number[0] + ", column "
                            + columns.get(i).header() + " (" + columns.get(i).type() + "): unexpected "
                            + value.getClass().getName());
                }
            }
            action.accept(row);
        });
    }
}
