package de.digitalstrategie.cockpit.publication.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published project as JSON: its profile (Projektsteckbrief) with the codes a program can switch
 * on and the labels a page can show, in the answer's language; money in euro cents.
 *
 * @param responsible the persons or units responsible (Verantwortliche)
 * @param modified    when what this shows last changed (the answer's Last-Modified)
 */
public record PublicProjectJson(String key, String title, Coded status, Coded phase, Coded health,
                                Named fieldOfAction, Named department, String description, String goals,
                                String participants, String responsible, String risks, String fundingSource,
                                LocalDate start, LocalDate end, long budgetCents, long fundingCents, Instant modified,
                                Links links) {

    /** A value of a fixed list: its code and its label in the answer's language. */
    public record Coded(String code, String label) {
    }

    /** A unit or field of action: its key and its name; null where the project names none. */
    public record Named(String key, String name) {
    }

    public record Links(String self, String profile, String feed) {
    }

    /** The list of published projects: every one, in key order. */
    public record ListJson(String language, List<PublicProjectJson> projects) {
    }
}
