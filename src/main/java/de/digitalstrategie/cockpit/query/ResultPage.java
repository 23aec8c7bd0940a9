package de.digitalstrategie.cockpit.query;

import java.util.List;

/**
 * One page of a larger result: the rows shown and how many there are in all, so that every view
 * can say "n–m of N" and nothing is silently cut off.
 */
public record ResultPage<T>(List<T> items, int total, int offset, int limit) {
    public ResultPage {
        items = List.copyOf(items);
    }

    public int first() {
        return items.isEmpty() ? 0 : offset + 1;
    }

    public int last() {
        return offset + items.size();
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public int pageNumber() {
        return limit == 0 ? 1 : offset / limit + 1;
    }

    public int pageCount() {
        return limit == 0 ? 1 : Math.max(1, (total + limit - 1) / limit);
    }
}
