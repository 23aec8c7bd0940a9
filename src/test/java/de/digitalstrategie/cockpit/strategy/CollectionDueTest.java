package de.digitalstrategie.cockpit.strategy;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static de.digitalstrategie.cockpit.strategy.Rhythm.HALF_YEARLY;
import static de.digitalstrategie.cockpit.strategy.Rhythm.MONTHLY;
import static de.digitalstrategie.cockpit.strategy.Rhythm.QUARTERLY;
import static de.digitalstrategie.cockpit.strategy.Rhythm.YEARLY;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionDueTest {
    private static final LocalDate BASELINE = LocalDate.of(2025, 12, 31);

    @Test
    void withoutValuesTheFirstIsDueOnePeriodAfterTheBaseline() {
        CollectionDue due = CollectionDue.of(QUARTERLY, BASELINE, List.of(), LocalDate.of(2026, 3, 31));
        assertEquals(BASELINE, due.lastCollected());
        assertEquals(LocalDate.of(2026, 3, 31), due.nextDue());
        assertFalse(due.overdue(), "due today is not overdue yet");
        assertEquals(0, due.daysOverdue());
        CollectionDue late = CollectionDue.of(QUARTERLY, BASELINE, List.of(), LocalDate.of(2026, 4, 1));
        assertTrue(late.overdue());
        assertEquals(1, late.daysOverdue());
    }

    @Test
    void theLatestValueUpToTodayStartsTheNextPeriod() {
        List<LocalDate> values = List.of(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 2, 1));
        CollectionDue due = CollectionDue.of(HALF_YEARLY, BASELINE, values, LocalDate.of(2026, 11, 16));
        assertEquals(LocalDate.of(2026, 5, 15), due.lastCollected());
        assertEquals(LocalDate.of(2026, 11, 15), due.nextDue());
        assertTrue(due.overdue());
        assertEquals(1, due.daysOverdue());
    }

    @Test
    void monthsEndOnTheirLastDay() {
        CollectionDue due = CollectionDue.of(MONTHLY, LocalDate.of(2026, 1, 31), List.of(), LocalDate.of(2026, 2, 28));
        assertEquals(LocalDate.of(2026, 2, 28), due.nextDue());
        assertFalse(due.overdue());
        assertTrue(CollectionDue.of(MONTHLY, LocalDate.of(2026, 1, 31), List.of(), LocalDate.of(2026, 3, 1)).overdue());
        // A leap day's value is due again a year later on 28 February.
        assertEquals(LocalDate.of(2025, 2, 28),
                CollectionDue.of(YEARLY, LocalDate.of(2024, 2, 29), List.of(), LocalDate.of(2024, 3, 1)).nextDue());
    }

    @Test
    void valuesBeforeTheBaselineOrAfterTodayDoNotMoveTheDueDate() {
        List<LocalDate> values = List.of(BASELINE.minusMonths(1), LocalDate.of(2026, 9, 1));
        CollectionDue due = CollectionDue.of(QUARTERLY, BASELINE, values, LocalDate.of(2026, 6, 1));
        assertEquals(BASELINE, due.lastCollected());
        assertEquals(LocalDate.of(2026, 3, 31), due.nextDue());
        assertEquals(62, due.daysOverdue());
    }

    @Test
    void aBaselineInTheFutureIsNotOverdue() {
        CollectionDue due = CollectionDue.of(YEARLY, LocalDate.of(2027, 1, 1), List.of(), LocalDate.of(2026, 6, 1));
        assertEquals(LocalDate.of(2028, 1, 1), due.nextDue());
        assertFalse(due.overdue());
    }

    @Test
    void todayIsTheClocksDayInItsZone() {
        // 23:30 UTC on 31 March is already 1 April in Worms.
        Instant lateEvening = Instant.parse("2026-03-31T23:30:00Z");
        assertTrue(CollectionDue.of(QUARTERLY, BASELINE, List.of(),
                Clock.fixed(lateEvening, ZoneId.of("Europe/Berlin"))).overdue());
        assertFalse(CollectionDue.of(QUARTERLY, BASELINE, List.of(), Clock.fixed(lateEvening, ZoneId.of("UTC"))).overdue());
    }
}
