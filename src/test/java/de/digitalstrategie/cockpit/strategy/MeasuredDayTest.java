package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one rule for the day of a measured value (form, REST and CSV), at its edges. */
class MeasuredDayTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate END_OF_MARCH = LocalDate.of(2026, 3, 31);

    private static Message refused(String text) {
        return assertThrows(ValidationException.class, () -> MeasuredDay.parse(text, TODAY)).userMessage();
    }

    @Test
    void isoAndGermanWithOrWithoutLeadingZerosAreOneDay() {
        assertEquals(END_OF_MARCH, MeasuredDay.parse("2026-03-31", TODAY));
        assertEquals(END_OF_MARCH, MeasuredDay.parse("31.03.2026", TODAY));
        assertEquals(END_OF_MARCH, MeasuredDay.parse("31.3.2026", TODAY));
        assertEquals(LocalDate.of(2026, 1, 5), MeasuredDay.parse(" 5.1.2026 ", TODAY), "blanks around are ignored");
        assertEquals(LocalDate.of(2024, 2, 29), MeasuredDay.parse("29.2.2024", TODAY), "a leap day");
        assertEquals(LocalDate.of(1900, 1, 1), MeasuredDay.parse("1900-01-01", TODAY));
    }

    @Test
    void todayIsTheLastDayAValueHoldsFor() {
        assertEquals(TODAY, MeasuredDay.parse("27.11.2026", TODAY));
        assertEquals(Message.of("cockpit.measurement.error.future", "2026-11-28"), refused("2026-11-28"));
        assertEquals(Message.of("cockpit.measurement.error.future", "2026-11-28"), refused("28.11.2026"));
    }

    @Test
    void anythingButADayIsRefusedNamingWhatWasEntered() {
        assertEquals(Message.of("cockpit.measurement.error.date", "2026-02-30"), refused("2026-02-30"));
        assertEquals(Message.of("cockpit.measurement.error.date", "30.02.2026"), refused("30.02.2026"));
        assertEquals(Message.of("cockpit.measurement.error.date", "29.2.2025"), refused("29.2.2025"));
        assertEquals(Message.of("cockpit.measurement.error.date", "31.13.2026"), refused("31.13.2026"));
        assertEquals(Message.of("cockpit.measurement.error.date", "1899-12-31"), refused("1899-12-31"));
        assertEquals(Message.of("cockpit.measurement.error.date", "31.12.1899"), refused("31.12.1899"));
        assertEquals(Message.of("cockpit.measurement.error.date", "2026/03/31"), refused("2026/03/31"));
        assertEquals(Message.of("cockpit.measurement.error.date", "31.3.26"), refused("31.3.26"));
        assertEquals(Message.of("cockpit.measurement.error.date", "März 2026"), refused("März 2026"));
        assertEquals(Message.of("cockpit.measurement.error.date", ""), refused(""));
        assertEquals(Message.of("cockpit.measurement.error.date", ""), refused("   "));
        assertEquals(Message.of("cockpit.measurement.error.date", ""), refused(null));
    }
}
