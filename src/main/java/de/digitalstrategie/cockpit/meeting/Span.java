package de.digitalstrategie.cockpit.meeting;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;

import java.time.LocalDate;

/**
 * The time a preparation covers.
 *
 * @param last           the body's last meeting the viewer may see before the one prepared; null
 *                       for none, and then everything up to {@code until} counts
 * @param until          the first day no longer covered: the prepared meeting's day, or tomorrow
 * @param today          the day "overdue" and "unanswered for" are measured on
 * @param unansweredDays input counts as left unanswered after more days than these
 */
public record Span(Body body, Meeting last, LocalDate until, LocalDate today, int unansweredDays) {
    /** The first day covered: the last meeting's, so what it decided counts; null for no bound. */
    public LocalDate since() {
        return last == null ? null : last.date();
    }

    /** Whether a day lies within the span. */
    public boolean covers(LocalDate day) {
        return day != null && (last == null || !day.isBefore(last.date())) && day.isBefore(until);
    }
}
