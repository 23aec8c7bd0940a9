package de.digitalstrategie.cockpit.organisation;

import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.Arrays;

/** The kinds of organisational unit that own or take part in digital projects. */
public enum DepartmentKind implements Labelled {
    STABSABTEILUNG("Stabsabteilung"),
    FACHBEREICH("Fachbereich"),
    QUERSCHNITTSREFERAT("Querschnittsreferat"),
    BETEILIGUNGSUNTERNEHMEN("Beteiligungsunternehmen"),
    EXTERNER_PARTNER("externer Partner");

    private final String seedName;

    DepartmentKind(String seedName) {
        this.seedName = seedName;
    }

    /** Reads the kind as the city's seed files spell it ("Fachbereich", "externer Partner"). */
    public static DepartmentKind fromSeedName(String value) {
        return Arrays.stream(values())
                .filter(k -> k.seedName.equalsIgnoreCase(value.strip()) || k.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> ValidationException.of("cockpit.organisation.error.unknown-kind", value));
    }

    @Override
    public String labelPrefix() {
        return "cockpit.department.kind";
    }
}
