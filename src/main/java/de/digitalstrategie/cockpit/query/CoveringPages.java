package de.digitalstrategie.cockpit.query;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;

/**
 * Every page the rows of one scope (a kind of record's table) lay on when they were read, read
 * from those rows: a list of page ids like any other, which also says that no row of the scope then
 * lay on a page outside it. Only pages checked from such a list may be filtered by the pages they
 * hide ({@link ViewablePages#covers}); any other list of pages says nothing of the rows it is used on.
 *
 * <p>A row may come to lie on another page after the list was read (a first record on an older
 * page, a record whose macro moved): such a page was not checked, and a filter by the hidden pages
 * would let its row through. So the list also names when its rows were placed: every row with
 * {@code placedColumn <= placedUpTo} (or null there, placed before that was kept) lay on one of its
 * pages when it was read, and a filter by the hidden pages keeps only those.
 */
public final class CoveringPages extends AbstractList<Long> {
    private final String scope;
    private final List<Long> ids;
    private final String placedColumn;
    private final long placedUpTo;

    /**
     * @param placedColumn the column of the scope's rows that says when each came to lie on its page
     * @param placedUpTo   its highest value committed before {@code ids} were read
     */
    public CoveringPages(String scope, Collection<Long> ids, String placedColumn, long placedUpTo) {
        this.scope = scope;
        this.ids = List.copyOf(ids);
        this.placedColumn = placedColumn;
        this.placedUpTo = placedUpTo;
    }

    /** Whose rows the pages cover. */
    public String scope() {
        return scope;
    }

    /** These pages and some more: still every page the scope's rows lie on. */
    public CoveringPages with(Collection<Long> more) {
        java.util.Set<Long> all = new java.util.LinkedHashSet<>(ids);
        all.addAll(more);
        return new CoveringPages(scope, all, placedColumn, placedUpTo);
    }

    String placedColumn() {
        return placedColumn;
    }

    long placedUpTo() {
        return placedUpTo;
    }

    @Override
    public Long get(int index) {
        return ids.get(index);
    }

    @Override
    public int size() {
        return ids.size();
    }
}
