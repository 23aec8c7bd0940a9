package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.Labelled;

/** The status the city publishes for a project (Steckbrief: "Status"). */
public enum ProjectStatus implements Labelled {
    PLANNED, RUNNING, PAUSED, FINISHED, STOPPED;

    /** Whether the project still has work ahead of it (and so can be overdue). */
    public boolean open() {
        return this == PLANNED || this == RUNNING || this == PAUSED;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.project.status";
    }
}
