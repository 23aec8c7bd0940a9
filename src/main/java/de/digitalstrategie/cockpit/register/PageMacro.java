package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.minutes.PageRef;

import java.time.LocalDate;

/**
 * Where a record macro stands on a saved minutes page, as the minutes sync finds it: all a kind
 * needs beside the macro's parameters to say which record the page describes.
 *
 * @param text        the macro's rich-text body as plain text: the record's wording
 * @param meetingDate the day of the meeting the page minutes
 * @param mayChange   see {@link PageEdit#mayChange}
 */
public record PageMacro(String macroId, String text, long meetingId, LocalDate meetingDate, PageRef page,
                        boolean mayChange, String actor) {

    /** The edit of the record the macro describes, filed under the given day. */
    public <R> PageEdit<R> edit(R record, LocalDate date) {
        return new PageEdit<>(record, date, mayChange, actor);
    }
}
