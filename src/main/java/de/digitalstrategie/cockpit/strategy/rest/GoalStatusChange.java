package de.digitalstrategie.cockpit.strategy.rest;

/** The body of a goal's status change: the new status and why (needed to achieve or drop it). */
public record GoalStatusChange(String status, String reason) {
}
