package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.message.Labelled;

/** The checks of reported status against the evidence, in the order the flag list shows them. */
public enum Rule implements Labelled {
    /** Reported on track (health green, status running) but nothing changed for longer than the setting. */
    STALE,
    /** The time frame's end has passed while the status is still open. */
    OVERDUE,
    /** Health got better with neither a decision nor any other change of the project around it. */
    HEALTH_UNBACKED,
    /** Reported as completed (phase) while its Jira issue is not done. */
    COMPLETED_OPEN,
    /** The budget changed with no decision about the project around it. */
    BUDGET_UNBACKED;

    @Override
    public String labelPrefix() {
        return "cockpit.evidence.rule";
    }

    /** The value for parameters and exports: the name in kebab case. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The rule a code names; empty for one that names none. */
    public static java.util.Optional<Rule> ofCode(String code) {
        for (Rule r : values()) {
            if (r.code().equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
