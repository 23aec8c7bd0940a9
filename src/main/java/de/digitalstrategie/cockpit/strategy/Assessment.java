package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Labelled;

/**
 * Whether an indicator is on its way to its target, as {@link Trajectory#assess} computes it from
 * the measured values; {@code NO_DATA} until a value measured on or after the baseline exists.
 * Declared from best to worst, so that the order of the constants is the order of concern.
 */
public enum Assessment implements Labelled {
    ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA;

    /** One step worse, as a worsening trend lowers an assessment; off track stays off track. */
    Assessment worse() {
        return switch (this) {
            case ON_TRACK -> AT_RISK;
            case AT_RISK, OFF_TRACK -> OFF_TRACK;
            case NO_DATA -> NO_DATA;
        };
    }

    @Override
    public String labelPrefix() {
        return "cockpit.strategy.assessment";
    }
}
