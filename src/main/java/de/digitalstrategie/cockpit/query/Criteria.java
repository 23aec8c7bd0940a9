package de.digitalstrategie.cockpit.query;

import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An AND of conditions on one entity's columns with their bound parameters, for Active Objects'
 * {@code Query.where}. Column names are the entity's constants, never user input; user values only
 * ever travel as parameters. Each condition names its column right before an operator and never
 * inside a function: Active Objects quotes only such a name, and an unquoted one misses the
 * quoted upper-case columns it creates on PostgreSQL.
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

    /**
     * Rows of {@code scope} on the given pages: {@code column IN (...)}, or, for {@link ViewablePages}
     * that cover the scope and hide fewer pages than they show, the rows within the checked pages' lowest and highest id that are
     * on none of the hidden pages and were placed on their page before the pages were read: nothing
     * at all to name for a viewer who may see every checked page. See {@link ViewablePages} for why
     * that is exact.
     *
     * <p>The hidden pages are bound, the two bounds and the last placement written into the clause
     * as numbers (page ids from the host and a sequence from the plugin's table, never user input). Bound bounds would let PostgreSQL, which cannot estimate a
     * range of parameters, take a plan made for any parameters as the cheaper one after five
     * executions: such a plan checks the list of hidden pages one by one against every row, where a
     * plan for the values at hand looks them up in a hash (a 100 times slower count at 1,000 hidden
     * pages). The pages themselves stay parameters: the Active Objects fork runs a regular
     * expression over the clause that takes milliseconds per thousand digits.
     */
    public Criteria onPages(String column, Collection<Long> pages, String scope) {
        if (!(pages instanceof ViewablePages viewable) || !viewable.covers(scope) || viewable.isEmpty()
                || viewable.hidden().size() >= viewable.size()) {
            return in(column, pages);
        }
        clauses.add(column + " >= " + viewable.lowest() + " AND " + column + " <= " + viewable.highest());
        // A row placed after the pages were read may lie on a page that was not checked, within the
        // bounds and not among the hidden ones: only rows placed before are filtered this way.
        String placed = viewable.placedColumn();
        clauses.add("(" + placed + " IS NULL OR " + placed + " <= " + viewable.placedUpTo() + ")");
        if (!viewable.hidden().isEmpty()) {
            clauses.add(column + " NOT IN (" + viewable.hidden().stream().map(v -> "?")
                    .collect(Collectors.joining(",")) + ")");
            params.addAll(viewable.hidden().stream().sorted().toList());
        }
        return this;
    }

    /** {@code from <= column < until}. */
    public Criteria within(String column, Date from, Date until) {
        clauses.add(column + " >= ? AND " + column + " < ?");
        params.add(from);
        params.add(until);
        return this;
    }

    /**
     * Case-insensitive "contains" over a record's searchable parts, kept lower-cased in the
     * entity's {@link SearchText#COLUMN}; LIKE's wildcards in the text are plain characters.
     */
    public Criteria contains(String text) {
        String pattern = "%" + SearchText.needle(text).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        clauses.add(SearchText.COLUMN + " LIKE ? ESCAPE '!'");
        params.add(pattern);
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
