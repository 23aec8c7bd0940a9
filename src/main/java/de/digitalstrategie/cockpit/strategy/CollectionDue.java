package de.digitalstrategie.cockpit.strategy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

/**
 * When an indicator's next value is due by its collection rhythm, and whether it is overdue.
 *
 * <p>The rule: the last collection is the latest value measured up to today, or the baseline date
 * where no later value exists (the baseline is itself a measurement). The next value is due one
 * period of the rhythm after it (a month, a quarter, half a year, a year, counted in calendar months
 * so that a value of 31 January is due again on the last day of February) and overdue from the day
 * after. It is counted from the last value rather than from fixed calendar periods because the
 * city's units collect on their own dates (a survey in May, a count in October), and a rhythm says
 * how long may pass between two values, not on which days they fall. Values dated after today do not
 * count: a value cannot have been collected in the future.
 *
 * @param lastCollected the date of the last value, or the baseline date
 * @param daysOverdue   days since the due date, 0 when not overdue
 */
public record CollectionDue(LocalDate lastCollected, LocalDate nextDue, boolean overdue, long daysOverdue) {

    public CollectionDue {
        Objects.requireNonNull(lastCollected, "lastCollected");
        Objects.requireNonNull(nextDue, "nextDue");
    }

    /** @param valueDates the dates of the indicator's measured values, in any order */
    public static CollectionDue of(Rhythm rhythm, LocalDate baselineDate, Collection<LocalDate> valueDates,
                                   LocalDate today) {
        LocalDate last = baselineDate;
        for (LocalDate d : valueDates) {
            if (d.isAfter(last) && !d.isAfter(today)) {
                last = d;
            }
        }
        LocalDate due = rhythm.nextAfter(last);
        boolean overdue = today.isAfter(due);
        return new CollectionDue(last, due, overdue, overdue ? ChronoUnit.DAYS.between(due, today) : 0);
    }

    /** As {@link #of(Rhythm, LocalDate, Collection, LocalDate)}, today being the clock's day. */
    public static CollectionDue of(Rhythm rhythm, LocalDate baselineDate, Collection<LocalDate> valueDates,
                                   Clock clock) {
        return of(rhythm, baselineDate, valueDates, LocalDate.now(clock));
    }
}
