package de.digitalstrategie.cockpit.strategy.rest;

import de.digitalstrategie.cockpit.strategy.Measurement;

import java.time.Instant;
import java.time.LocalDate;

/** A measured value as the REST API shows it; the value as a plain decimal string, exactly as stored. */
public record MeasurementJson(String indicator, String value, LocalDate date, String source, String comment,
                              String recordedBy, Instant recordedAt) {
    static MeasurementJson of(Measurement m) {
        return new MeasurementJson(m.indicatorKey(), m.value().toPlainString(), m.date(), m.source(), m.comment(),
                m.recordedBy(), m.recordedAt());
    }
}
