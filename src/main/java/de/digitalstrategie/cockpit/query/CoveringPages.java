package de.digitalstrategie.cockpit.query;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;

/**
 * Every page the rows of one scope (a kind of record's table) lie on, read from those rows: a list
 * of page ids like any other, which also says that no row of the scope lies on a page outside it.
 * Only pages checked from such a list may be filtered by the pages they hide
 * ({@link ViewablePages#covers}); any other list of pages says nothing of the rows it is used on.
 */
public final class CoveringPages extends AbstractList<Long> {
    private final String scope;
    private final List<Long> ids;

    public CoveringPages(String scope, Collection<Long> ids) {
        this.scope = scope;
        this.ids = List.copyOf(ids);
    }

    /** Whose rows the pages cover. */
    public String scope() {
        return scope;
    }

    /** These pages and some more: still every page the scope's rows lie on. */
    public CoveringPages with(Collection<Long> more) {
        java.util.Set<Long> all = new java.util.LinkedHashSet<>(ids);
        all.addAll(more);
        return new CoveringPages(scope, all);
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
