package de.digitalstrategie.cockpit.message;

import java.time.LocalDate;

/**
 * The days the plugin accepts from outside (macro parameters, REST bodies): what a strategy's
 * meetings, deadlines and answers can fall on. A day beyond them is a typing error or a probe,
 * and far enough beyond them it would not even fit the database's dates (year 999,999,999
 * overflows a timestamp in milliseconds).
 */
public final class Dates {
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;
    public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);

    private Dates() {
    }

    public static boolean inRange(LocalDate day) {
        return !day.isBefore(FIRST) && !day.isAfter(LAST);
    }

    /** @return the day; refuses one outside {@link #FIRST} to {@link #LAST}, naming the field by its label key */
    public static LocalDate check(LocalDate day, String fieldKey) {
        if (day != null && !inRange(day)) {
            throw ValidationException.of("cockpit.validation.date-range", Message.of(fieldKey), FIRST.toString(),
                    LAST.toString(), day.toString());
        }
        return day;
    }
}
