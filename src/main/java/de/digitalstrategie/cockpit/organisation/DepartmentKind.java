package de.digitalstrategie.cockpit.organisation;

import de.digitalstrategie.cockpit.message.Labelled;

/** The kinds of organisational unit that own or take part in digital projects. */
public enum DepartmentKind implements Labelled {
    STABSABTEILUNG,
    FACHBEREICH,
    QUERSCHNITTSREFERAT,
    BETEILIGUNGSUNTERNEHMEN,
    EXTERNER_PARTNER;

    @Override
    public String labelPrefix() {
        return "cockpit.department.kind";
    }
}
