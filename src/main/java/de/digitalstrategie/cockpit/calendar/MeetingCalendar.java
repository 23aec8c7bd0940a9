package de.digitalstrategie.cockpit.calendar;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The meetings of one or all bodies as an iCalendar object (RFC 5545) published to subscribers
 * ({@code METHOD:PUBLISH}): one VEVENT per meeting. A meeting has a day and no time, so each event
 * is an all-day event ({@code VALUE=DATE}, ending the next day, §3.6.1). Its UID is made of the
 * meeting's id and the installation's host and never changes, so a client updates an event
 * instead of adding it twice; its URL is its minutes page, which every caller of the feed may see
 * (the feeds list only such meetings). Its ORGANIZER is the body, by name, at the installation's
 * address: iTIP's PUBLISH requires one (RFC 5546 §3.2.1), and the body has no mailbox of its own
 * (a calendar user address is any URI, RFC 5545 §3.3.3). Events are transparent: without its hours, a meeting must
 * not mark the subscriber's whole day as busy.
 */
public final class MeetingCalendar {
    public static final String PRODID = "-//Digitalstrategie-Cockpit//Sitzungskalender//DE";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private final String uidHost;
    private final String organizer;
    private final LongFunction<String> pageUrls;

    /**
     * @param uidHost   the right-hand side of every UID: the installation's host name
     * @param organizer the installation's absolute address, where the bodies publish
     * @param pageUrls  a minutes page's absolute address, by page id
     */
    public MeetingCalendar(String uidHost, String organizer, LongFunction<String> pageUrls) {
        this.uidHost = uidHost;
        this.organizer = organizer;
        this.pageUrls = pageUrls;
    }

    /**
     * @param name     the calendar's name for the subscriber's list of calendars
     * @param bodies   the bodies by key, for each event's description
     * @param meetings the meetings to list, each one the caller may see
     * @param now      when this instance is made: every event's DTSTAMP (§3.8.7.2, with METHOD)
     */
    public String write(String name, Map<String, Body> bodies, List<Meeting> meetings, Instant now) {
        ICalendar ics = new ICalendar().begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", PRODID)
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", name);
        timeZone(ics);
        String stamp = UTC.format(now);
        for (Meeting m : meetings) {
            ics.begin("VEVENT")
                    .raw("UID", uid(m))
                    .raw("DTSTAMP", stamp)
                    .raw("DTSTART;VALUE=DATE", DAY.format(m.date()))
                    .raw("DTEND;VALUE=DATE", DAY.format(m.date().plusDays(1)))
                    .text("SUMMARY", m.title());
            Body body = bodies.get(m.bodyKey());
            String bodyName = body == null ? m.bodyKey() : body.name();
            ics.raw("ORGANIZER;CN=" + ICalendar.parameter(bodyName), organizer)
                    .text("DESCRIPTION", bodyName + ", " + m.number());
            if (!m.location().isBlank()) {
                ics.text("LOCATION", m.location());
            }
            if (m.pageId() > 0) {
                ics.raw("URL", pageUrls.apply(m.pageId()));
            }
            ics.raw("TRANSP", "TRANSPARENT").end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }

    String uid(Meeting m) {
        return "meeting-" + m.id() + "@" + uidHost;
    }

    /**
     * The city's time zone. No event refers to it (all-day events float), but the grammar wants a
     * calendar to hold at least one component (§3.4: {@code component = 1*(...)}), also when a body
     * has no meeting yet, and this one is true for every German city: the EU rules since 1996.
     */
    private static void timeZone(ICalendar ics) {
        ics.begin("VTIMEZONE").raw("TZID", "Europe/Berlin")
                .begin("DAYLIGHT").raw("TZOFFSETFROM", "+0100").raw("TZOFFSETTO", "+0200").raw("TZNAME", "CEST")
                .raw("DTSTART", "19700329T020000").raw("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU").end("DAYLIGHT")
                .begin("STANDARD").raw("TZOFFSETFROM", "+0200").raw("TZOFFSETTO", "+0100").raw("TZNAME", "CET")
                .raw("DTSTART", "19701025T030000").raw("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU").end("STANDARD")
                .end("VTIMEZONE");
    }
}
