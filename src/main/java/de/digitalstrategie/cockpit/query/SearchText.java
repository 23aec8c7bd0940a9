package de.digitalstrategie.cockpit.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The text a register's free-text filter searches, kept lower-cased in a column of its own
 * ({@value #COLUMN}) and written with the record. The filter is then a plain
 * {@code SEARCH_TEXT LIKE ?}: no function around a column, which Active Objects would leave
 * unquoted (PostgreSQL then looks for a lower-case column that does not exist) and which no quote
 * character written by hand fixes on every database (MySQL quotes with backticks). Lower-casing in
 * Java also makes the comparison the same on every database, umlauts included.
 */
public final class SearchText {
    /** The column of every searchable entity. */
    public static final String COLUMN = "SEARCH_TEXT";

    private SearchText() {
    }

    /**
     * The searchable parts of a record, lower-cased, one per line: a search never contains a line
     * break, so it never matches across two parts.
     */
    public static String of(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).map(SearchText::oneLine)
                .collect(Collectors.joining("\n"));
    }

    /**
     * Whether {@link #of}'s text contains what was searched for, as {@code Criteria.contains}
     * finds it in the column: for a record read from elsewhere than its table.
     */
    public static boolean contains(String searchText, String text) {
        return searchText.contains(needle(text));
    }

    /** What a search looks for in {@link #of}'s text. */
    static String needle(String text) {
        return oneLine(text);
    }

    private static String oneLine(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\r\\n]+", " ");
    }
}
