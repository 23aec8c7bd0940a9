package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The four sectors the advisory board's experts come from. */
public enum Sector implements Labelled {
    WIRTSCHAFT, KOMMUNEN, WISSENSCHAFT, GESELLSCHAFT;

    public static Sector parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ValidationException.of("cockpit.sector.error.unknown", String.valueOf(value));
        }
    }

    /** Reads a comma-separated list as stored ("WIRTSCHAFT,KOMMUNEN"); blank means none. */
    public static Set<Sector> parseList(String value) {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    sectors.add(parse(part));
                }
            }
        }
        return sectors;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.sector";
    }
}
