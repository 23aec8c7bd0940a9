package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.Labelled;

/** How the portfolio groups its projects. */
public enum Grouping implements Labelled {
    FIELD, DEPARTMENT, PHASE, NONE;

    @Override
    public String labelPrefix() {
        return "cockpit.portfolio.grouping";
    }
}
