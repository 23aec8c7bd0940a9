package de.digitalstrategie.cockpit.decision.rest;

/**
 * The body of a status change: the new status, and what the workflow may ask for with it.
 *
 * @param vote      "for/against/abstentions", e.g. "7/1/2", for decided and rejected
 * @param successor the newer decision's number, for superseded and revoked
 */
public record StatusChange(String status, String vote, String successor, String comment) {
}
