package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.message.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuarterTest {
    @Test
    void aQuarterIsItsThreeMonthsWhereTheCityIs() {
        Quarter q = Quarter.parse("2026-Q3");
        assertEquals(new Quarter(2026, 3), q);
        assertEquals("2026-Q3", q.toString());
        assertEquals(LocalDate.of(2026, 7, 1), q.first());
        assertEquals(LocalDate.of(2026, 9, 30), q.last());
        assertTrue(q.contains(LocalDate.of(2026, 7, 1)) && q.contains(LocalDate.of(2026, 9, 30)));
        assertFalse(q.contains(LocalDate.of(2026, 6, 30)) || q.contains(LocalDate.of(2026, 10, 1)) || q.contains(null));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(Instant.parse("2026-06-30T22:00:00Z"), q.start(berlin), "summer time");
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), q.end(berlin));
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"), Quarter.parse("2026-Q4").end(berlin), "winter time");
        assertEquals(new Quarter(2026, 4), Quarter.of(LocalDate.of(2026, 12, 31)));
        assertEquals(new Quarter(2027, 1), Quarter.of(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void theChooserGoesBackAcrossYearsAndStopsAtTheFirstYear() {
        assertEquals(List.of(new Quarter(2027, 1), new Quarter(2026, 4), new Quarter(2026, 3)),
                new Quarter(2027, 1).andBefore(3));
        assertEquals(List.of(new Quarter(2000, 2), new Quarter(2000, 1)), new Quarter(2000, 2).andBefore(5));
        assertTrue(new Quarter(2027, 1).compareTo(new Quarter(2026, 4)) > 0);
        assertTrue(new Quarter(2026, 2).compareTo(new Quarter(2026, 3)) < 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "2026-Q0", "2026-Q5", "2026-q3", "2026Q3", " 2026-Q3", "2026-Q3 ", "1999-Q4",
            "2100-Q1", "20260-Q1", "2026-Q٣", "٢٠٢٦-Q3", "<script>"})
    void anythingElseIsRefusedNamingWhatWasGiven(String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> Quarter.parse(text));
        assertEquals("cockpit.report.error.quarter", e.userMessage().key());
        assertEquals(List.of(text), e.userMessage().args());
    }

    @Test
    void noQuarterIsRefusedToo() {
        assertThrows(ValidationException.class, () -> Quarter.parse(null));
    }
}
