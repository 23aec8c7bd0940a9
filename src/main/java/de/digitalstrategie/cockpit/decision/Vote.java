package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.message.ValidationException;

/** The outcome of a vote: for, against, abstentions. A motion carries with more for than against. */
public record Vote(int inFavour, int against, int abstentions) {
    public Vote {
        if (inFavour < 0 || against < 0 || abstentions < 0) {
            throw ValidationException.of("cockpit.decision.error.negative-vote", inFavour, against, abstentions);
        }
        if (inFavour + against + abstentions == 0) {
            throw ValidationException.of("cockpit.decision.error.empty-vote");
        }
    }

    public boolean carried() {
        return inFavour > against;
    }

    /** Reads the "for/against/abstain" form used in macro parameters, e.g. "7/1/2". */
    public static Vote parse(String value) {
        String[] parts = value == null ? new String[0] : value.strip().split("\\s*/\\s*");
        if (parts.length != 3) {
            throw ValidationException.of("cockpit.decision.error.bad-vote", String.valueOf(value));
        }
        try {
            return new Vote(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw ValidationException.of("cockpit.decision.error.bad-vote", value);
        }
    }

    @Override
    public String toString() {
        return inFavour + "/" + against + "/" + abstentions;
    }
}
