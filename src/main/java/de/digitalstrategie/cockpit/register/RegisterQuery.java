package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One view of a register: which records, in which order, which page of them. Read from parameters
 * in one place for the register macro, the REST list and the export alike, so the same names and
 * values select the same records everywhere.
 */
public record RegisterQuery<S, X, T>(RegisterFilter<S, X> filter, T sort, SortOrder order, PageRequest page) {
    /** How many rows a page has unless asked otherwise. */
    public static final int PAGE_SIZE = 25;
    /** The parameters of every register beyond its filters: order, page, and whether withdrawn records show. */
    static final List<String> VIEW = List.of("sort", "order", "page", "page-size", "withdrawn");

    /**
     * How one kind's register is asked for.
     *
     * @param statuses the kind's statuses, for {@code status}
     * @param sorts    what it sorts by, for {@code sort}; the first is the default
     * @param filters  the parameters that select its records, in the order a link carries them:
     *                 {@code year}, {@code status}, {@code project} and {@code text} as in every
     *                 register, and those only this kind reads ({@code meeting} among them where
     *                 its register filters by meeting)
     * @param criteria reads what only this kind filters by
     */
    public record Shape<S extends Enum<S>, X, T extends Enum<T>>(Class<S> statuses, Class<T> sorts,
                                                                 List<String> filters,
                                                                 Function<MacroParameters, X> criteria) {
        public Shape {
            filters = List.copyOf(filters);
        }

        /** Every parameter the register reads: a macro takes these, a REST request refuses others. */
        public Set<String> parameters() {
            Set<String> names = new LinkedHashSet<>(filters);
            names.addAll(VIEW);
            return Set.copyOf(names);
        }
    }

    /**
     * Reads the query.
     *
     * @param meetings turns the {@code meeting} parameter into a meeting's id, or refuses it: a macro
     *                 knows meetings by number, a REST client by id
     */
    public static <S extends Enum<S>, X, T extends Enum<T>> RegisterQuery<S, X, T> read(
            MacroParameters p, Shape<S, X, T> shape, Function<String, Long> meetings) {
        RegisterFilter<S, X> filter = filter(p, shape, meetings);
        T sort = p.choice("sort", shape.sorts()).orElse(shape.sorts().getEnumConstants()[0]);
        SortOrder order = p.choice("order", SortOrder.class).orElse(SortOrder.ASC);
        int size = p.number("page-size", PAGE_SIZE, 1, PageRequest.MAX_LIMIT);
        int number = p.number("page", 1, 1, 1_000_000);
        return new RegisterQuery<>(filter, sort, order, PageRequest.page(number, size));
    }

    /** Only the filter: what an export reads, which holds every selected record on one sheet. */
    public static <S extends Enum<S>, X, T extends Enum<T>> RegisterFilter<S, X> filter(
            MacroParameters p, Shape<S, X, T> shape, Function<String, Long> meetings) {
        return new RegisterFilter<>(p.text("year").map(y -> p.year("year", 0)).orElse(null),
                p.text("meeting").map(meetings).orElse(null), Set.copyOf(p.choices("status", shape.statuses())),
                p.text("project").map(k -> p.issueKeys("project").get(0)).orElse(null), p.text("text").orElse(null),
                p.flag("withdrawn", false), shape.criteria().apply(p));
    }
}
