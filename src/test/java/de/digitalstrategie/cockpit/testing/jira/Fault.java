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
     * Closes the connection without any answer. The JDK's HTTP client repeats a GET once by
     * itself before it reports the failure, so a GET may use up two of these per attempt of the
     * cockpit's client; a POST uses one.
     */
    record Drop() implements Fault {
    }

    /**
     * The server had closed this keep-alive connection while it lay idle in the client's pool (a
     * Tomcat's keepAliveTimeout, a proxy's idle timeout), just as the client sent a request on it:
     * the request is neither read nor carried out nor answered, and not logged, since Jira never
     * saw it. It applies only to a request that arrives on a connection which carried an earlier
     * one; a request on a new connection passes and does not use it up.
     */
    record ClosedWhileIdle() implements Fault {
    }

    /** Answers as usual, after holding the request this long: a Jira that is slow, not failing. */
    record Delay(java.time.Duration hold) implements Fault {
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

    static Fault closedWhileIdle() {
        return new ClosedWhileIdle();
    }

    static Fault delay(java.time.Duration hold) {
        return new Delay(hold);
    }
}
