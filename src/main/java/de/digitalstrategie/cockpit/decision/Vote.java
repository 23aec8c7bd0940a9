package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.regex.Pattern;

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

    /** More votes of one kind than any body has members: a typing error or a probe. */
    public static final int MAX_VOTES = 9_999;
    /** Compiled once: every decision macro of a minutes page reads its vote on each view. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*/\\s*");
    private static final Pattern COUNT = Pattern.compile("-?[0-9]{1,9}");

    /**
     * Reads the "for/against/abstain" form used in macro parameters and REST, e.g. "7/1/2", each
     * count within 0 to {@link #MAX_VOTES}. Checked here, where votes come in, not in the
     * constructor: votes stored before the bound existed must still read.
     */
    public static Vote parse(String value) {
        String[] parts = value == null ? new String[0] : SEPARATOR.split(value.strip());
        if (parts.length != 3) {
            throw ValidationException.of("cockpit.decision.error.bad-vote", String.valueOf(value));
        }
        int[] counts = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!COUNT.matcher(parts[i]).matches()) {
                throw ValidationException.of("cockpit.decision.error.bad-vote", value);
            }
            counts[i] = Integer.parseInt(parts[i]);
            if (counts[i] > MAX_VOTES) {
                throw ValidationException.of("cockpit.decision.error.vote-range", value.strip(), MAX_VOTES);
            }
        }
        return new Vote(counts[0], counts[1], counts[2]);
    }

    @Override
    public String toString() {
        return inFavour + "/" + against + "/" + abstentions;
    }
}
