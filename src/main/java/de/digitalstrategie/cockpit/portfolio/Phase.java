package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.Labelled;

/** The life-cycle phase of a digital project, in the order a project passes through them. */
public enum Phase implements Labelled {
    IDEA, PLANNING, IMPLEMENTATION, OPERATION, COMPLETED;

    @Override
    public String labelPrefix() {
        return "cockpit.project.phase";
    }
}
