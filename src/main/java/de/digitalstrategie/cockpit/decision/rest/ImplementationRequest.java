package de.digitalstrategie.cockpit.decision.rest;

/**
 * The body of a change of a decision's implementation.
 *
 * @param state   open, in-progress or done
 * @param comment why, in the actor's words; goes into the audit trail
 */
public record ImplementationRequest(String state, String comment) {
}
