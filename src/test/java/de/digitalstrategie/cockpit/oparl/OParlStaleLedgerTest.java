package de.digitalstrategie.cockpit.oparl;

import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger is what was public when the publisher last ran: a page restricted since then still
 * reads as public. So the interface answers only while the ledger is recent, and a publisher that
 * keeps failing takes it offline (503 with Retry-After) instead of leaving old answers served.
 */
class OParlStaleLedgerTest {
    private static final String ROOT = "/rest/cockpit/1.0/oparl/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theInterfaceAnswersOnlyWhileTheLedgerIsRecent() throws Exception {
        MovableClock clock = new MovableClock();
        Path dir = Files.createTempDirectory("cockpit-oparl-stale");
        try (Sandbox s = new Sandbox(DatabaseTarget.all().get(0).fresh(), dir, clock)) {
            s.seedDemo(Path.of("src/sandbox/seed/worms"));
            OParlPublisher publisher = s.plugin.bean(OParlPublisher.class);
            assertTrue(publisher.publish() >= 0);
            SandboxServer server = new SandboxServer(s, "127.0.0.1", 0);
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.port() + ROOT;
                List<String> addresses = List.of(base + "system", base + "bodies", base + "body/1",
                        base + "body/1/meetings", base + "organization/lenkungskreis/meetings");
                for (String url : addresses) {
                    assertEquals(200, get(url).statusCode(), url + " answers while the ledger is recent");
                }
                clock.advance(OParlResource.STALE_AFTER.minusSeconds(1));
                assertEquals(200, get(base + "system").statusCode(), "within three missed runs");

                clock.advance(Duration.ofSeconds(2));
                for (String url : addresses) {
                    HttpResponse<String> stale = get(url);
                    assertEquals(503, stale.statusCode(), url);
                    assertEquals("60", stale.headers().firstValue("Retry-After").orElse(""), url);
                }

                assertTrue(publisher.publish() >= 0);
                assertEquals(200, get(base + "system").statusCode(), "a run brings it back");
            } finally {
                server.close();
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
