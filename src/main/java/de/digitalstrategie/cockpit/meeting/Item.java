package de.digitalstrategie.cockpit.meeting;

import de.digitalstrategie.cockpit.message.Message;

/**
 * One entry of a section: a record or a project, what happened to it, and where it is kept.
 *
 * @param reference the record's number or the project's key
 * @param note      what happened, e.g. "due on 30 June 2026"; its arguments may be days
 *                  ({@link java.time.LocalDate}), which the view writes in the viewer's language
 * @param pageId    the minutes page that holds the record, 0 for none
 * @param issueKey  the project's Jira issue, "" for a record
 */
public record Item(String reference, String title, Message note, long pageId, String issueKey) {
    public Item {
        issueKey = issueKey == null ? "" : issueKey;
    }

    public static Item onPage(String reference, String title, Message note, long pageId) {
        return new Item(reference, title, note, pageId, "");
    }

    public static Item project(String issueKey, String title, Message note) {
        return new Item(issueKey, title, note, 0, issueKey);
    }
}
