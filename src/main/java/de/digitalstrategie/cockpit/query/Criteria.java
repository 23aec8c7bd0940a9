package de.digitalstrategie.cockpit.query;

import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An AND of conditions on one entity's columns with their bound parameters, for Active Objects'
 * {@code Query.where}. Column names are the entity's constants, never user input; user values only
 * ever travel as parameters.
 */
public final class Criteria {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private boolean impossible;

    public Criteria eq(String column, Object value) {
        clauses.add(column + " = ?");
        params.add(value);
        return this;
    }

    /** {@code column IN (...)}; an empty collection matches nothing. */
    public Criteria in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            impossible = true;
            return this;
        }
        clauses.add(column + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(",")) + ")");
        params.addAll(values);
        return this;
    }

    /** {@code from <= column < until}. */
    public Criteria within(String column, Date from, Date until) {
        clauses.add(column + " >= ? AND " + column + " < ?");
        params.add(from);
        params.add(until);
        return this;
    }

    /** Case-insensitive "contains" over one or more columns (OR-ed). */
    public Criteria contains(String text, String... columns) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<String> ors = new ArrayList<>();
        for (String column : columns) {
            ors.add("LOWER(" + column + ") LIKE ? ESCAPE '!'");
            params.add(pattern);
        }
        clauses.add("(" + String.join(" OR ", ors) + ")");
        return this;
    }

    public Criteria isNull(String column) {
        clauses.add(column + " IS NULL");
        return this;
    }

    /** A condition written out by the caller, with its parameters. */
    public Criteria raw(String clause, Object... values) {
        clauses.add("(" + clause + ")");
        params.addAll(List.of(values));
        return this;
    }

    /** True when a condition can match no row (an empty IN): callers skip the query. */
    public boolean matchesNothing() {
        return impossible;
    }

    public Query query() {
        return where(Query.select());
    }

    /** A query reading only the given columns (comma-separated), e.g. for sums over many rows. */
    public Query query(String columns) {
        return where(Query.select(columns));
    }

    private Query where(Query query) {
        return clauses.isEmpty() ? query : query.where(String.join(" AND ", clauses), params.toArray());
    }
}
