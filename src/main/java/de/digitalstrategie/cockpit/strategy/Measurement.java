package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A value measured for an indicator on a day: what the trend and the assessment of a goal are
 * made of. At most one per indicator and day.
 *
 * @param date       the day the value holds for (not the day it was entered)
 * @param source     where this value comes from, if not the indicator's usual source
 * @param recordedBy the user key of who entered it
 * @param recordedAt when it was entered
 */
public record Measurement(String indicatorKey, BigDecimal value, LocalDate date, String source, String comment,
                          String recordedBy, Instant recordedAt) {
    public Measurement {
        indicatorKey = Indicator.checkKey(indicatorKey);
        value = Values.check(Text.present(value, "cockpit.measurement.value"), "cockpit.measurement.value");
        Text.present(date, "cockpit.measurement.date");
        source = Text.optional(source, "cockpit.measurement.source", Text.LINE);
        comment = Text.optional(comment, "cockpit.measurement.comment", 2000);
        recordedBy = Text.optional(recordedBy, "cockpit.measurement.recorded-by", Text.LINE);
    }
}
