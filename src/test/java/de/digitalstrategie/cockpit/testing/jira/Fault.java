package de.digitalstrategie.cockpit.testing.jira;

/** What the {@link JiraDouble} does instead of answering a request. */
public sealed interface Fault {

    /** Answers with this status and a Jira-like error body. */
    record Status(int code) implements Fault {
    }

    /** Answers 429 with Retry-After (seconds) and the rate limiter's headers. */
    record RateLimit(int retryAfterSeconds) implements Fault {
    }

    /** Holds the request without answering, longer than a test client waits, then closes the connection. */
    record Timeout() implements Fault {
    }

    /**
     * Carries the request out, then holds the answer longer than a test client waits and closes
     * the connection: a Jira under load that did the work but whose answer never arrives.
     */
    record Late() implements Fault {
    }

    /**
     * Closes the connection without any answer. On a connection it had used before, the JDK's
     * HTTP client repeats a GET once by itself before it reports the failure, so a GET may use up
     * two of these per attempt of the cockpit's client; a POST uses one.
     */
    record Drop() implements Fault {
    }

    static Fault status(int code) {
        return new Status(code);
    }

    static Fault rateLimit(int retryAfterSeconds) {
        return new RateLimit(retryAfterSeconds);
    }

    static Fault timeout() {
        return new Timeout();
    }

    static Fault late() {
        return new Late();
    }

    static Fault drop() {
        return new Drop();
    }
}
