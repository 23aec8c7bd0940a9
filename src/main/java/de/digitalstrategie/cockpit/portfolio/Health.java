package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.Labelled;

/** The traffic light the project owner reports: on track, at risk, critical. */
public enum Health implements Labelled {
    GREEN, AMBER, RED;

    /** Amber and red both count as "at risk" in the portfolio's totals. */
    public boolean atRisk() {
        return this != GREEN;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.project.health";
    }
}
