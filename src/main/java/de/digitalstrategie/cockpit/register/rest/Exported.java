package de.digitalstrategie.cockpit.register.rest;

import de.digitalstrategie.cockpit.export.ColumnType;

import java.util.function.Function;

/**
 * A column of a register's export: its heading's i18n key, its type, and its value for a record
 * (null for an empty cell).
 */
public record Exported<R>(String labelKey, ColumnType type, Function<R, Object> value) {
}
