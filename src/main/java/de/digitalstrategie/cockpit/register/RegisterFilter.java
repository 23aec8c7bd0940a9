package de.digitalstrategie.cockpit.register;

import java.util.Set;

/**
 * What a register shows. Null or empty means "any".
 *
 * @param year       the year of the day the register files a record under (a decision's meeting,
 *                   the day input was received)
 * @param meetingId  one meeting
 * @param statuses   any of these statuses
 * @param projectKey records concerning this project
 * @param text       words in the number, the title or what else the kind makes searchable
 * @param withdrawn  whether to include records whose macro left its page
 * @param criteria   what only this kind of record is filtered by; null for nothing more
 */
public record RegisterFilter<S, X>(Integer year, Long meetingId, Set<S> statuses, String projectKey, String text,
                                   boolean withdrawn, X criteria) {
    public RegisterFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every record not withdrawn. */
    public static <S, X> RegisterFilter<S, X> all() {
        return new RegisterFilter<>(null, null, Set.of(), null, null, false, null);
    }

    /** Every record not withdrawn that concerns the project. */
    public static <S, X> RegisterFilter<S, X> concerning(String projectKey) {
        return new RegisterFilter<>(null, null, Set.of(), projectKey, null, false, null);
    }
}
