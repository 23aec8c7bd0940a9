package de.digitalstrategie.cockpit.meeting;

import java.util.List;

/**
 * One part of a preparation: its items, under the heading {@code cockpit.preparation.<key>} (with
 * {@code .none} for the line an empty section shows).
 */
public record Section(String key, List<Item> items) {
    public Section {
        items = List.copyOf(items);
    }
}
