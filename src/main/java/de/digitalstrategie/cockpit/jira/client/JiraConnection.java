package de.digitalstrategie.cockpit.jira.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where Jira is and how patiently to talk to it.
 *
 * @param baseUrl        Jira's base URL including any context path, e.g. https://jira.stadt.example/jira;
 *                       a trailing slash does no harm
 * @param token          a personal access token, sent as a bearer token; never logged or shown
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for Jira's answer once the request is sent
 * @param maxRetries     how many times a failed request is repeated (so at most {@code maxRetries + 1} attempts)
 * @param initialBackoff the pause before the first repetition; it doubles with each further one
 */
public record JiraConnection(URI baseUrl, String token, Duration connectTimeout, Duration readTimeout, int maxRetries,
                             Duration initialBackoff) {

    public JiraConnection {
        // Credentials belong in the token: a URL is shown in messages and logs (checked first, so
        // the next message never shows one that carries a password).
        if (baseUrl != null && (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null
                || baseUrl.getRawFragment() != null)) {
            throw new IllegalArgumentException("Jira base URL must not carry user info, a query or a fragment");
        }
        if (baseUrl == null || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("Jira base URL must be an absolute http(s) URL: " + baseUrl);
        }
        if (token == null || token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // The token itself must not appear here: this message ends up in logs.
            throw new IllegalArgumentException("Jira token must be non-empty printable ASCII without spaces");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    /**
     * A connection with defaults for a Jira in the same data centre as Confluence: 5 s to connect
     * (longer means Jira or the network is down, and retrying soon helps more than waiting), 30 s
     * for an answer (a page of 1,000 issues on a busy Jira takes seconds, not half a minute), and 4
     * retries starting at 500 ms, i.e. about 7.5 s of pauses in all: enough to ride out a node
     * restart behind the load balancer or a long garbage collection, short enough that a user
     * waiting on a page is not kept for minutes.
     */
    public static JiraConnection of(URI baseUrl, String token) {
        return new JiraConnection(baseUrl, token, Duration.ofSeconds(5), Duration.ofSeconds(30), 4,
                Duration.ofMillis(500));
    }

    /**
     * The same Jira for a question asked while a person waits on a page: one attempt, 2 s to
     * connect, 5 s for the answer. The asker has an answer to fall back on (or hides what it cannot
     * confirm) and is better served by that than by a page that hangs through retries.
     */
    public JiraConnection whilePersonWaits() {
        return new JiraConnection(baseUrl, token, min(connectTimeout, Duration.ofSeconds(2)),
                min(readTimeout, Duration.ofSeconds(5)), 0, initialBackoff);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The base URL without trailing slashes, ready for a path to be appended. */
    String base() {
        return baseUrl.toString().replaceAll("/+$", "");
    }

    /** Shows at most the token's last 4 characters, and none of a short one, so logs can tell tokens apart. */
    @Override
    public String toString() {
        String masked = token.length() < 12 ? "****" : "****" + token.substring(token.length() - 4);
        return "JiraConnection[baseUrl=" + baseUrl + ", token=" + masked + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
                + "]";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
