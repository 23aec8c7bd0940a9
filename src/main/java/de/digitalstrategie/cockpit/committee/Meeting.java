package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Text;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.LocalDate;
import java.util.regex.Pattern;

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
    /** The longest meeting number, e.g. "LK 2026/3". */
    public static final int NUMBER_LENGTH = 40;
    /**
     * What a meeting number may hold: letters, digits, spaces and . / - – _ # ( ), beginning with a
     * letter or a digit. Nothing a spreadsheet reads as a formula (a leading = + - @, or "=" at all),
     * no markup, no line breaks: the number reaches every register, export and OParl client.
     */
    private static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./\\-–_#()]*");

    public Meeting {
        bodyKey = Text.required(bodyKey, "cockpit.body.name", Text.LINE);
        number = Text.required(number, "cockpit.meeting.number", 40);
        title = Text.required(title, "cockpit.meeting.title", Text.LINE);
        Text.present(date, "cockpit.meeting.date");
        location = Text.optional(location, "cockpit.meeting.location", Text.LINE);
    }

    /**
     * Checks a meeting number that comes from outside, such as a minutes page's title. Not done on
     * every Meeting: meetings stored before the rule existed must still read.
     *
     * @return the number, trimmed
     */
    public static String checkNumber(String value) {
        String number = value == null ? "" : value.strip();
        if (number.isEmpty() || number.length() > NUMBER_LENGTH || !NUMBER.matcher(number).matches()) {
            throw ValidationException.of("cockpit.meeting.error.number",
                    number.length() > 80 ? number.substring(0, 79) + "…" : number, NUMBER_LENGTH);
        }
        return number;
    }

    public Meeting withId(long newId) {
        return new Meeting(newId, bodyKey, number, title, date, location, pageId, isPublic);
    }
}
