package de.digitalstrategie.cockpit.message;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A user-facing text as an i18n key with its arguments, resolved at the edge (macro, REST, page) in
 * the viewer's language. An argument may itself be a {@code Message}, e.g. a localised state name.
 */
public record Message(String key, List<Serializable> args) implements Serializable {

    public Message {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("message key must not be blank");
        }
        args = List.copyOf(args);
    }

    public static Message of(String key, Serializable... args) {
        return new Message(key, Arrays.asList(args));
    }
}
