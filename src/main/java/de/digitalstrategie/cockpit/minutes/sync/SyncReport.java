package de.digitalstrategie.cockpit.minutes.sync;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;

/**
 * What one sync of a page did to the registers, and what it could not do (each problem as a
 * message for the page's editors).
 */
public record SyncReport(long pageId, int recorded, int updated, int statusChanges, int refused, int withdrawn,
                         int restored, List<Message> problems) {
    public SyncReport {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty() && refused == 0;
    }
}
