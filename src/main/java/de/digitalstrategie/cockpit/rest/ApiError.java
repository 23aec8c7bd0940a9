package de.digitalstrategie.cockpit.rest;

/**
 * The one shape every error of the REST API has: the HTTP status, a stable key clients can
 * switch on, and the message in the caller's language.
 */
public record ApiError(int status, String error, String message) {
}
