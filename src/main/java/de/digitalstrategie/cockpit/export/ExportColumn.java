package de.digitalstrategie.cockpit.export;

/**
 * One column of an export.
 *
 * @param header the heading, already in the reader's language
 */
public record ExportColumn(String header, ColumnType type) {
    public ExportColumn {
        if (header == null) {
            throw new IllegalArgumentException("column header must not be null");
        }
        if (type == null) {
            throw new IllegalArgumentException("column type must not be null");
        }
    }
}
