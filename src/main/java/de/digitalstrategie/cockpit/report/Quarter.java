package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written as in ISO 8601's week-free quarter notation the city's documents use
 * ({@code 2026-Q3}): the span a quarterly report covers.
 *
 * @param number 1 to 4
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {
    private static final Pattern SPELLING = Pattern.compile("([0-9]{4})-Q([1-4])");
    /** A report before the cockpit's time or far ahead is a typo, not a wish: refused, not computed. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    public Quarter {
        if (number < 1 || number > 4 || year < FIRST_YEAR || year > LAST_YEAR) {
            throw ValidationException.of("cockpit.report.error.quarter", year + "-Q" + number);
        }
    }

    /**
     * The quarter a parameter names, exactly as {@link #toString()} writes it.
     *
     * @throws ValidationException for anything else, naming what was given
     */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : SPELLING.matcher(text);
        if (m == null || !m.matches()) {
            throw ValidationException.of("cockpit.report.error.quarter", text == null ? "" : text);
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter a day lies in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** Its first day. */
    public LocalDate first() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** Its last day. */
    public LocalDate last() {
        return until().minusDays(1);
    }

    /** The first day after it. */
    public LocalDate until() {
        return first().plusMonths(3);
    }

    /** Whether a day lies within it. */
    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(first()) && day.isBefore(until());
    }

    /** Its first moment where the city is. */
    public Instant start(ZoneId zone) {
        return first().atStartOfDay(zone).toInstant();
    }

    /** The first moment after it where the city is: the end of the quarter, exclusive. */
    public Instant end(ZoneId zone) {
        return until().atStartOfDay(zone).toInstant();
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    /** The quarters a chooser offers: this one and the {@code count - 1} before it, newest first. */
    public List<Quarter> andBefore(int count) {
        List<Quarter> quarters = new ArrayList<>();
        Quarter q = this;
        for (int i = 0; i < count; i++) {
            quarters.add(q);
            if (q.year == FIRST_YEAR && q.number == 1) {
                break;
            }
            q = q.previous();
        }
        return quarters;
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
