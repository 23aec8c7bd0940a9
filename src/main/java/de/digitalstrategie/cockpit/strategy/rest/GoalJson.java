package de.digitalstrategie.cockpit.strategy.rest;

import de.digitalstrategie.cockpit.register.rest.AuditJson;

import java.time.LocalDate;
import java.util.List;

/**
 * A goal as the REST API shows it.
 *
 * @param status       the status's name, {@code statusLabel} in the caller's language
 * @param recordedOn   the day it was first recorded
 * @param conflict     the status its page claims that was not applied, or null
 */
public record GoalJson(long id, String number, String title, String fieldOfAction, String description, String status,
                       String statusLabel, String reason, List<String> projectKeys, List<String> decisions,
                       LocalDate recordedOn, long pageId, String pageUrl, boolean withdrawn, boolean isPublic,
                       String conflict) {

    /** One goal with its audit trail. */
    public record WithHistory(GoalJson goal, List<AuditJson> history) {
    }
}
