package de.digitalstrategie.cockpit.message;

import java.io.Serializable;
import java.time.Duration;

/**
 * The answer is not ready yet but will be shortly: asking again after {@link #retryAfter()}
 * helps. Over REST a 503 with {@code Retry-After}; in a macro a notice, not an error.
 */
public class UnavailableException extends LocalisedException {
    private final Duration retryAfter;

    public UnavailableException(Message userMessage, Duration retryAfter) {
        super(userMessage);
        this.retryAfter = retryAfter;
    }

    public static UnavailableException of(Duration retryAfter, String key, Serializable... args) {
        return new UnavailableException(Message.of(key, args), retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
