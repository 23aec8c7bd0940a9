package de.digitalstrategie.cockpit.export;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a column holds, and so how a spreadsheet gets it: as a number, a date or text. Typed cells
 * let the reader sort, filter and sum without converting text first.
 */
public enum ColumnType {
    /** A {@link String}. */
    TEXT,
    /** A {@link Long}, {@link Integer}, {@link Short} or {@link Byte}. */
    INTEGER,
    /** Euro cents as a {@link Long} or {@link Integer}: exported as euros with two decimals. */
    MONEY_CENTS,
    /** A {@link LocalDate}. */
    DATE,
    /** An {@link Instant}, shown in the export's time zone. */
    DATE_TIME;

    /** @return whether {@code value} is what a cell of this type holds; null (an empty cell) always is */
    public boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        return switch (this) {
            case TEXT -> value instanceof String;
            case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte;
            case MONEY_CENTS -> value instanceof Long || value instanceof Integer;
            case DATE -> value instanceof LocalDate;
            case DATE_TIME -> value instanceof Instant;
        };
    }
}
