package de.digitalstrategie.cockpit.trace;

import java.time.LocalDate;

/**
 * A record with the day its register files it under (a decision's meeting, the day input was
 * received).
 *
 * @param on the day, or null where the register holds none
 */
public record Filed<R>(R record, LocalDate on) {
}
