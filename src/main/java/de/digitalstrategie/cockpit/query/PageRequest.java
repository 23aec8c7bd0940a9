package de.digitalstrategie.cockpit.query;

import de.digitalstrategie.cockpit.message.ValidationException;

/** Which rows to show: from {@code offset}, at most {@code limit}. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw ValidationException.of("cockpit.query.error.offset", offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("cockpit.query.error.limit", limit, MAX_LIMIT);
        }
    }

    /** The request for page {@code number} (1-based) of {@code size} rows. */
    public static PageRequest page(int number, int size) {
        return new PageRequest(Math.max(0, (number - 1)) * size, size);
    }
}
