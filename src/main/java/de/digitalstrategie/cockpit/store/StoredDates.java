package de.digitalstrategie.cockpit.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Active Objects stores dates as {@link Date} only (no java.time types): calendar days are kept
 * as midnight UTC, so a day reads back as the same day whatever the server's time zone.
 */
public final class StoredDates {
    private StoredDates() {
    }

    public static Date toDate(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public static LocalDate toDay(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant toInstant(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime());
    }
}
