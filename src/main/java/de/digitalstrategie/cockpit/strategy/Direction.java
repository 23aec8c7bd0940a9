package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Labelled;

/** Which way an indicator gets better. */
public enum Direction implements Labelled {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    @Override
    public String labelPrefix() {
        return "cockpit.indicator.direction";
    }
}
