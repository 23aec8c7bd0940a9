package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Labelled;

/** The two bodies that steer the strategy: one decides, the other advises. */
public enum BodyKind implements Labelled {
    STEERING_COMMITTEE, ADVISORY_BOARD;

    @Override
    public String labelPrefix() {
        return "cockpit.body.kind";
    }
}
