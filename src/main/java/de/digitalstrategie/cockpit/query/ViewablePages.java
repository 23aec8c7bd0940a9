package de.digitalstrategie.cockpit.query;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pages a viewer may see among the pages his permission was checked on, and so also the ones
 * he may not see. A set of the viewable pages like any other; beside it, what a read needs to
 * filter by the restricted pages instead ({@link Criteria#onPages}): a viewer usually may see most
 * minutes pages, and a city with years of minutes has thousands of them, so a condition that names
 * the few hidden pages is shorter than one naming every visible one by a bound parameter each.
 *
 * <p>Filtering by the hidden pages is exact only for rows that lie on a checked page: a row on a
 * page nobody checked is neither viewable nor hidden, and one whose page id falls between two
 * checked pages would pass. So {@link Criteria#onPages} filters by the hidden pages only where the
 * checked pages were every page the filtered rows lie on, read from those rows
 * ({@link CoveringPages}, e.g. a register's {@code pageIds()}): then it keeps the rows within the
 * lowest and highest checked page, which leaves out rows on no page at all, and only rows placed
 * on their page before the pages were read, which leaves out rows placed since on a page nobody
 * checked. Pages checked from any other list (the minutes pages, say, for goals that lie on strategy
 * pages) are named one by one.
 */
public final class ViewablePages extends AbstractSet<Long> {
    private final Set<Long> viewable;
    private final Set<Long> hidden;
    private final long lowest;
    private final long highest;
    /** The scope whose rows lie on checked pages only, or null. */
    private final String covered;
    /** Where {@link #covered}'s rows say when they were placed, and the last placement checked. */
    private final String placedColumn;
    private final long placedUpTo;

    private ViewablePages(Set<Long> viewable, Set<Long> hidden, long lowest, long highest, String covered,
                          String placedColumn, long placedUpTo) {
        this.viewable = Collections.unmodifiableSet(viewable);
        this.hidden = Collections.unmodifiableSet(hidden);
        this.lowest = lowest;
        this.highest = highest;
        this.covered = covered;
        this.placedColumn = placedColumn;
        this.placedUpTo = placedUpTo;
    }

    /**
     * The pages among {@code checked} the viewer may see, as {@code mayView} answers for each once;
     * if {@code checked} are {@link CoveringPages}, they also cover its scope.
     */
    public static ViewablePages of(Collection<Long> checked, Predicate<Long> mayView) {
        Set<Long> viewable = new HashSet<>();
        Set<Long> hidden = new HashSet<>();
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (Long id : new HashSet<>(checked)) {
            (mayView.test(id) ? viewable : hidden).add(id);
            lowest = Math.min(lowest, id);
            highest = Math.max(highest, id);
        }
        CoveringPages covering = checked instanceof CoveringPages c ? c : null;
        return new ViewablePages(viewable, hidden, lowest, highest, covering == null ? null : covering.scope(),
                covering == null ? null : covering.placedColumn(), covering == null ? 0 : covering.placedUpTo());
    }

    /** Whether the checked pages are every page the rows of {@code scope} lie on. */
    public boolean covers(String scope) {
        return covered != null && covered.equals(scope);
    }

    /** The checked pages the viewer may not see (restricted, or gone). */
    public Set<Long> hidden() {
        return hidden;
    }

    /** The lowest page id checked; only meaningful when some page was. */
    long lowest() {
        return lowest;
    }

    long highest() {
        return highest;
    }

    /** The column that says when a covered row was placed on its page ({@link CoveringPages}). */
    String placedColumn() {
        return placedColumn;
    }

    long placedUpTo() {
        return placedUpTo;
    }

    @Override
    public boolean contains(Object o) {
        return viewable.contains(o);
    }

    @Override
    public Iterator<Long> iterator() {
        return viewable.iterator();
    }

    @Override
    public int size() {
        return viewable.size();
    }
}
