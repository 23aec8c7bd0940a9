package de.digitalstrategie.cockpit.strategy.rest;

/**
 * The body of a new measured value: the value as a decimal (a JSON number, or a string written
 * either way, "1234.5" or "1.234,5"), the day it holds for (ISO), and optionally its source and a comment.
 */
public record NewMeasurement(String value, String date, String source, String comment) {
}
