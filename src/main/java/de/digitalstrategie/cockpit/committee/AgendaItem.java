package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Text;

/**
 * An item of a meeting's agenda (Tagesordnungspunkt).
 *
 * @param number the printed number, e.g. "TOP 3"
 */
public record AgendaItem(long id, long meetingId, int position, String number, String title, boolean isPublic) {
    public AgendaItem {
        number = Text.required(number, "cockpit.agenda.number", 40);
        title = Text.required(title, "cockpit.agenda.title", Text.LINE);
    }

    public AgendaItem withId(long newId, long newMeetingId) {
        return new AgendaItem(newId, newMeetingId, position, number, title, isPublic);
    }
}
