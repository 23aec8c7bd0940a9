package de.digitalstrategie.cockpit.testing.jira;

import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraConnection;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A {@link JiraDouble} with an admin and a reader, and a client for it with short timeouts and a
 * {@link RecordingPause}, so retries cost no time. Close it after each test.
 */
public final class JiraFixture implements AutoCloseable {
    /** Distinctive, so a test can prove it appears in no message, log line or toString. */
    public static final String TOKEN = "NjQ4Mzk1MjE3OTkzOkGeheimesTokenXq7Zp2Lw9";
    public static final String READER_TOKEN = "MTIzNDU2Nzg5MDEyOkLeserTokenRt5Vb8Nc3";
    /**
     * Short, so timeouts are quick to provoke, yet long enough that a busy build machine does not
     * provoke one by accident; the double holds a "timeout" for two seconds.
     */
    public static final Duration READ_TIMEOUT = Duration.ofMillis(1000);
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final int MAX_RETRIES = 4;

    public final JiraDouble jira;
    public final RecordingPause pause = new RecordingPause();
    public final JiraClient client;

    public JiraFixture() {
        this(JiraDouble.builder());
    }

    /** @param builder a double to be; the fixture adds the two users and the timeout hold */
    public JiraFixture(JiraDouble.Builder builder) {
        this.jira = builder.user(TOKEN, "cockpit", true).user(READER_TOKEN, "leser", false)
                .timeoutHold(Duration.ofSeconds(2)).start();
        this.client = client(TOKEN);
    }

    public JiraClient client(String token) {
        return client(jira.baseUrl(), token);
    }

    public JiraClient client(URI baseUrl, String token) {
        return new JiraClient(connection(baseUrl, token), HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(500)).version(HttpClient.Version.HTTP_1_1).build(), pause);
    }

    public static JiraConnection connection(URI baseUrl, String token) {
        return new JiraConnection(baseUrl, token, Duration.ofMillis(500), READ_TIMEOUT, MAX_RETRIES, INITIAL_BACKOFF);
    }

    @Override
    public void close() {
        jira.close();
    }
}
