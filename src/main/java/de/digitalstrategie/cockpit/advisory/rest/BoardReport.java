package de.digitalstrategie.cockpit.advisory.rest;

import java.time.LocalDate;

/** The body of "the board has been told": when. */
public record BoardReport(LocalDate on) {
}
