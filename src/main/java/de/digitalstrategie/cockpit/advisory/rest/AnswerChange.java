package de.digitalstrategie.cockpit.advisory.rest;

/**
 * The body of a change of the city's answer.
 *
 * @param text the answer, or the reason for declining
 */
public record AnswerChange(String status, String text) {
}
