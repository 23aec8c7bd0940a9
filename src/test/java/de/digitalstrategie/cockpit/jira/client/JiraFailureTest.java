package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.MessageResolver;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.testing.jira.Fault;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import de.digitalstrategie.cockpit.testing.jira.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What the client does when Jira refuses, stumbles or is gone: which failures it rides out, which it reports. */
class JiraFailureTest {
    private static final String MYSELF = "GET /rest/api/2/myself";
    private final JiraFixture fixture = new JiraFixture();
    private final JiraClient client = fixture.client;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTokenJiraRejectsIsAnAuthenticationFailureAtOnce() {
        JiraAuthenticationException e = assertThrows(JiraAuthenticationException.class,
                () -> fixture.client("abgelaufenerToken1234567890").myself());
        assertEquals(401, e.status());
        assertEquals(List.of("You are not authenticated. Authentication required to perform this operation."),
                e.errorMessages());
        assertEquals("cockpit.jira.error.unauthorized", e.userMessage().key());
        assertEquals(1, fixture.jira.count(MYSELF));
        assertEquals(List.of(), fixture.pause.pauses());
    }

    @Test
    void aRateLimitIsWaitedOutAsLongAsJiraAsks() {
        fixture.jira.failNext(1, Fault.rateLimit(2));
        assertEquals("cockpit", client.myself().name());
        assertEquals(List.of(Duration.ofSeconds(2)), fixture.pause.pauses());
        assertEquals(2, fixture.jira.count(MYSELF));
    }

    @Test
    void aLongRetryAfterIsCutToAMinute() {
        fixture.jira.failNext(1, Fault.rateLimit(3600));
        client.myself();
        assertEquals(List.of(Duration.ofSeconds(60)), fixture.pause.pauses());
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsReportedWithJirasRetryAfter() {
        fixture.jira.failNext(5, Fault.rateLimit(3));
        JiraRateLimitedException e = assertThrows(JiraRateLimitedException.class, client::myself);
        assertEquals(429, e.status());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertEquals(List.of("Rate limit exceeded."), e.errorMessages());
        assertEquals("cockpit.jira.error.rate-limited", e.userMessage().key());
        assertEquals(5, fixture.jira.count(MYSELF));
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3)), fixture.pause.pauses());
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPauses() {
        fixture.jira.failNext(2, Fault.status(500));
        assertEquals("cockpit", client.myself().name());
        assertEquals(3, fixture.jira.count(MYSELF));
        assertBackoff(fixture.pause.pauses(), 2);
    }

    @Test
    void aServerErrorThatPersistsIsReportedWithJirasMessage() {
        fixture.jira.failNext(10, Fault.status(503));
        JiraServerException e = assertThrows(JiraServerException.class, client::myself);
        assertEquals(503, e.status());
        assertEquals(List.of("Internal server error (injected by the Jira double)"), e.errorMessages());
        assertEquals("cockpit.jira.error.server", e.userMessage().key());
        assertEquals(List.of(503), e.userMessage().args());
        assertEquals(1 + JiraFixture.MAX_RETRIES, fixture.jira.count(MYSELF));
        assertBackoff(fixture.pause.pauses(), JiraFixture.MAX_RETRIES);
    }

    @Test
    void aTimeoutIsRetried() {
        fixture.jira.failNext(1, Fault.timeout());
        long started = System.nanoTime();
        assertEquals("cockpit", client.myself().name());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(JiraFixture.READ_TIMEOUT) >= 0);
        assertEquals(2, fixture.jira.count(MYSELF));
        assertBackoff(fixture.pause.pauses(), 1);
    }

    @Test
    void aTimeoutIsReportedAsOne() {
        JiraClient once = new JiraClient(new JiraConnection(fixture.jira.baseUrl(), JiraFixture.TOKEN,
                Duration.ofMillis(500), JiraFixture.READ_TIMEOUT, 0, JiraFixture.INITIAL_BACKOFF),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), fixture.pause);
        fixture.jira.failNext(1, Fault.timeout());
        JiraUnavailableException e = assertThrows(JiraUnavailableException.class, once::myself);
        assertEquals(JiraUnavailableException.Kind.TIMEOUT, e.kind());
        assertEquals("cockpit.jira.error.timeout", e.userMessage().key());
        assertEquals(List.of(fixture.jira.baseUrl().toString(), 1L), e.userMessage().args());
        assertEquals(1, fixture.jira.count(MYSELF), "a slow Jira is not asked twice as long");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNotRepeatedBlindly() {
        // Jira may have created the issue before the connection dropped; the outbox looks before it tries again.
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        fixture.jira.failNext(1, Fault.drop(), "/rest/api/2/issue");
        assertThrows(JiraUnavailableException.class, () -> client.createIssue(Map.of("project", Map.of("key", "DIGI"),
                "issuetype", Map.of("name", "Task"), "summary", "E-Akte")));
        assertEquals(1, fixture.jira.count("POST /rest/api/2/issue"));
        fixture.jira.failNext(1, Fault.late(), "/rest/api/2/issue");
        assertThrows(JiraUnavailableException.class, () -> client.createIssue(Map.of("project", Map.of("key", "DIGI"),
                "issuetype", Map.of("name", "Task"), "summary", "E-Akte")));
        assertEquals(1, fixture.jira.issues().size(), "the late attempt created one issue, and only one");
        assertEquals(2, fixture.jira.count("POST /rest/api/2/issue"));
    }

    @Test
    void aCreateRefusedUndoneIsRetried() {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        fixture.jira.failNext(1, Fault.rateLimit(1), "/rest/api/2/issue");
        fixture.jira.failNext(1, Fault.status(503), "/rest/api/2/issue");
        CreatedIssue created = client.createIssue(Map.of("project", Map.of("key", "DIGI"),
                "issuetype", Map.of("name", "Task"), "summary", "E-Akte"));
        assertEquals("DIGI-1", created.key());
        assertEquals(1, fixture.jira.issues().size());
        assertEquals(3, fixture.jira.count("POST /rest/api/2/issue"));
    }

    @Test
    void aStoppedJiraIsUnavailableAfterTheRetriesAndBackAfterARestart() {
        fixture.jira.stop();
        JiraUnavailableException e = assertThrows(JiraUnavailableException.class, client::myself);
        assertEquals(0, e.status());
        assertEquals("cockpit.jira.error.unreachable", e.userMessage().key());
        assertEquals(List.of(fixture.jira.baseUrl().toString()), e.userMessage().args());
        assertTrue(e.getMessage().startsWith("GET /rest/api/2/myself: no answer from Jira at "
                + fixture.jira.baseUrl() + " after 5 attempts"), e.getMessage());
        assertBackoff(fixture.pause.pauses(), JiraFixture.MAX_RETRIES);

        fixture.jira.restart();
        assertEquals("cockpit", client.myself().name());
    }

    /** Two requests at once leave two kept-alive connections in the client's pool. */
    private void twoIdleConnections(JiraClient jira) throws Exception {
        fixture.jira.failNext(2, Fault.delay(Duration.ofMillis(300)));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (Future<JiraUser> f : two.invokeAll(List.<Callable<JiraUser>>of(jira::myself, jira::myself))) {
                assertEquals("cockpit", f.get().name());
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(2, fixture.jira.requests().stream().mapToLong(LoggedRequest::connection).distinct().count(),
                "two connections, now idle in the pool");
    }

    @Test
    void aReadOnAConnectionJiraClosedWhileIdleGoesAgainOnANewConnection() throws Exception {
        twoIdleConnections(client);
        // Jira's keep-alive timeout closes both while they lie idle; the JDK's client takes one, and
        // on its failure the other: both are stale.
        fixture.jira.failNext(2, Fault.closedWhileIdle());
        assertEquals("cockpit", client.myself().name(), "not \"no answer from Jira\": the read went again");
        LoggedRequest answered = fixture.jira.requests().get(fixture.jira.requests().size() - 1);
        assertEquals(3, answered.connection(), "on a connection of its own");
        assertEquals(List.of(), fixture.pause.pauses(), "at once, not after a backoff as a retry");
        assertEquals(3, fixture.jira.count(MYSELF), "Jira saw none of the requests on the closed connections");

        // A client for a person waiting on a page makes one attempt, whatever happens to it.
        JiraClient once = new JiraClient(new JiraConnection(fixture.jira.baseUrl(), JiraFixture.TOKEN,
                Duration.ofMillis(500), JiraFixture.READ_TIMEOUT, 0, JiraFixture.INITIAL_BACKOFF),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), fixture.pause);
        fixture.jira.failNext(3, Fault.drop());
        JiraUnavailableException e = assertThrows(JiraUnavailableException.class, once::myself);
        assertEquals("cockpit.jira.error.closed", e.userMessage().key());
        assertEquals(2, fixture.jira.count(MYSELF) - 3, "the JDK's own repeat of a GET, and nothing more");
    }

    @Test
    void aCreateOnAConnectionJiraClosedWhileIdleIsReportedAsAClosedConnection() throws Exception {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        twoIdleConnections(client);
        fixture.jira.failNext(2, Fault.closedWhileIdle());
        JiraUnavailableException e = assertThrows(JiraUnavailableException.class, () -> client.createIssue(Map.of(
                "project", Map.of("key", "DIGI"), "issuetype", Map.of("name", "Task"), "summary", "E-Akte")));
        // A create is not repeated on a guess: the outbox looks for the issue before its next attempt.
        assertEquals(0, fixture.jira.count("POST /rest/api/2/issue"));
        assertEquals(JiraUnavailableException.Kind.CLOSED, e.kind());
        assertEquals("cockpit.jira.error.closed", e.userMessage().key());
        assertFalse(e.getMessage().contains("no answer"), e.getMessage());
        assertTrue(e.getMessage().contains("closed the connection without answering"), e.getMessage());
    }

    @Test
    void everyFailureReadsWellInGermanAndEnglish() {
        List<JiraException> failures = provokeEveryFailure();
        MessageResolver resolver = new MessageResolver(new BundleI18nResolver(BundleI18nResolver.BUNDLE,
                Locale.GERMAN)::getText);
        for (JiraException e : failures) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                String text = resolver.resolve(e.userMessage(), locale);
                assertFalse(text.startsWith("cockpit.") || text.contains("{"), locale + ": " + text);
            }
        }
        assertEquals("Jira lehnt den Token ab (401). Bitte in den Einstellungen des Cockpits einen gültigen "
                        + "persönlichen Zugriffstoken hinterlegen.",
                resolver.resolve(failures.get(0).userMessage(), Locale.GERMAN));
        assertEquals("Not found in Jira (404): Issue Does Not Exist",
                resolver.resolve(failures.get(2).userMessage(), Locale.ENGLISH));
        // Dropped connections, a timeout then drops, a stopped Jira: each named for what it was.
        assertEquals(List.of("cockpit.jira.error.closed", "cockpit.jira.error.closed", "cockpit.jira.error.unreachable"),
                failures.subList(6, 9).stream().map(f -> f.userMessage().key()).toList());
    }

    /** Neither the admin's nor the reader's token, nor a rejected one, shows anywhere a person might look. */
    @Test
    void theTokenNeverAppearsInAMessageALogLineOrAToString() {
        Logger logger = Logger.getLogger("de.digitalstrategie.cockpit.jira");
        Level previous = logger.getLevel();
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        List<String> texts = new ArrayList<>();
        try {
            client.myself();
            for (JiraException e : provokeEveryFailure()) {
                texts.add(e.getMessage());
                texts.add(e.toString());
                texts.add(e.userMessage().toString());
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                texts.add(trace.toString());
            }
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }
        texts.add(JiraFixture.connection(fixture.jira.baseUrl(), JiraFixture.TOKEN).toString());
        texts.add(fixture.jira.requests().toString());
        assertTrue(records.size() > 10, "the client logged its requests: " + records.size());
        SimpleFormatter formatter = new SimpleFormatter();
        records.forEach(r -> texts.add(formatter.format(r)));

        for (String secret : List.of(JiraFixture.TOKEN, JiraFixture.READER_TOKEN, REJECTED_TOKEN)) {
            for (String text : texts) {
                assertFalse(text.contains(secret.substring(0, 8)), "token shows in: " + text);
            }
        }
    }

    @Test
    void aConnectionShowsAtMostTheTokensLastFourCharacters() {
        URI base = URI.create("https://jira.stadt.example");
        String shown = JiraConnection.of(base, JiraFixture.TOKEN).toString();
        assertTrue(shown.contains("token=****" + JiraFixture.TOKEN.substring(JiraFixture.TOKEN.length() - 4) + ","),
                shown);
        assertTrue(JiraConnection.of(base, "kurz12345").toString().contains("token=****,"));
        IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
                () -> JiraConnection.of(base, "Geheim mit Leerzeichen"));
        assertFalse(spaced.getMessage().contains("Geheim"));
        IllegalArgumentException withPassword = assertThrows(IllegalArgumentException.class,
                () -> JiraConnection.of(URI.create("https://admin:Passwort@jira.stadt.example"), JiraFixture.TOKEN));
        assertFalse(withPassword.getMessage().contains("Passwort"));

        JiraConnection defaults = JiraConnection.of(base, JiraFixture.TOKEN);
        assertEquals(Duration.ofSeconds(5), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds(30), defaults.readTimeout());
        assertEquals(4, defaults.maxRetries());
        assertEquals(Duration.ofMillis(500), defaults.initialBackoff());
    }

    private static final String REJECTED_TOKEN = "ZXhwaXJlZFRva2VuOkAbgelaufen9876";

    /** 401, 403, 404, 400, 429, 5xx, timeout and drop (both retried out), connection refused: in that order. */
    private List<JiraException> provokeEveryFailure() {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        List<JiraException> failures = new ArrayList<>();
        failures.add(failure(() -> fixture.client(REJECTED_TOKEN).myself()));
        failures.add(failure(() -> fixture.client(JiraFixture.READER_TOKEN).createIssueType("Digitalprojekt", "")));
        failures.add(failure(() -> client.issue("DIGI-1", List.of())));
        failures.add(failure(() -> client.createIssue(Map.of("project", Map.of("key", "DIGI")))));
        fixture.jira.failNext(5, Fault.rateLimit(1));
        failures.add(failure(client::myself));
        fixture.jira.failNext(5, Fault.status(502));
        failures.add(failure(client::myself));
        // More drops than attempts: on a reused connection the JDK's client repeats a GET once by itself.
        fixture.jira.failNext(20, Fault.drop());
        failures.add(failure(client::issueTypes));
        fixture.jira.clearFaults();
        fixture.jira.failNext(1, Fault.timeout());
        fixture.jira.failNext(20, Fault.drop());
        failures.add(failure(client::fields));
        fixture.jira.clearFaults();
        fixture.jira.stop();
        failures.add(failure(client::linkTypes));
        fixture.jira.restart();
        List<Class<?>> expected = List.of(JiraAuthenticationException.class, JiraPermissionException.class,
                JiraNotFoundException.class, JiraBadRequestException.class, JiraRateLimitedException.class,
                JiraServerException.class, JiraUnavailableException.class, JiraUnavailableException.class,
                JiraUnavailableException.class);
        for (int i = 0; i < expected.size(); i++) {
            assertInstanceOf(expected.get(i), failures.get(i), "failure " + i);
        }
        return failures;
    }

    private static JiraException failure(Executable call) {
        try {
            call.execute();
        } catch (JiraException e) {
            return e;
        } catch (Throwable t) {
            fail("expected a JiraException", t);
        }
        return fail("expected a JiraException");
    }

    /** Doubling from the initial backoff, with at most a tenth added as jitter. */
    private static void assertBackoff(List<Duration> pauses, int count) {
        assertEquals(count, pauses.size(), "pauses " + pauses);
        for (int i = 0; i < count; i++) {
            long nominal = JiraFixture.INITIAL_BACKOFF.toMillis() << i;
            long actual = pauses.get(i).toMillis();
            assertTrue(actual >= nominal && actual <= nominal + nominal / 10, "pause " + i + ": " + actual + " ms");
        }
    }
}
