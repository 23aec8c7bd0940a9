package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.register.StatusChange;

/**
 * A requested change of a goal's status, as the workflow's guards see it.
 *
 * @param reason why, as given with the change; blank keeps the recorded one
 */
public record GoalChange(Goal current, GoalStatus to, String actor, String reason)
        implements StatusChange<Goal, GoalStatus> {

    /** The reason as given: the audit trail keeps it as the change's comment. */
    @Override
    public String comment() {
        return reason == null ? "" : reason;
    }

    /** The reason that will stand after the change. */
    public String effectiveReason() {
        return reason != null && !reason.isBlank() ? reason.strip() : current.reason();
    }
}
