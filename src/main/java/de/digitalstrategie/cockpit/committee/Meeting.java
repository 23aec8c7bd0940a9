package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Text;

import java.time.LocalDate;

/**
 * A session of a body (Sitzung), minuted on a Confluence page.
 *
 * @param id       the store's id; 0 before it is stored
 * @param number   the body's own numbering, e.g. "LK 2026/3"
 * @param pageId   the minutes page, 0 while none exists
 * @param isPublic whether the meeting is published (OParl)
 */
public record Meeting(long id, String bodyKey, String number, String title, LocalDate date, String location,
                      long pageId, boolean isPublic) {
    public Meeting {
        bodyKey = Text.required(bodyKey, "cockpit.body.name", Text.LINE);
        number = Text.required(number, "cockpit.meeting.number", 40);
        title = Text.required(title, "cockpit.meeting.title", Text.LINE);
        Text.present(date, "cockpit.meeting.date");
        location = Text.optional(location, "cockpit.meeting.location", Text.LINE);
    }

    public Meeting withId(long newId) {
        return new Meeting(newId, bodyKey, number, title, date, location, pageId, isPublic);
    }
}
