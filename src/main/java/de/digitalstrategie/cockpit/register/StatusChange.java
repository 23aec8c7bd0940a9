package de.digitalstrategie.cockpit.register;

/**
 * A requested status change of a record, as its workflow's guards see it and its audit trail
 * keeps it; each kind adds what its workflow asks for (a vote, an answer).
 */
public interface StatusChange<R, S> {
    R current();

    S to();

    String actor();

    /** Why, in the actor's words; goes into the audit trail. */
    String comment();
}
