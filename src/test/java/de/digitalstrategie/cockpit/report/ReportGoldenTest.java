package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.GoldenFile;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The printable page of the quarterly report, as its golden files under
 * {@code src/test/resources/golden-pages/report/} say: the page's {@code <main>} as the servlet
 * writes it, nothing normalised but line endings and trailing whitespace (the clock and the page
 * ids are the test's). {@code -Dgolden.update=true} writes what is rendered now into the files
 * instead, to be read and committed.
 */
class ReportGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden-pages/report");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static Sandbox sandbox;
    private static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        MovableClock clock = new MovableClock();
        sandbox = new Sandbox(new DatabaseTarget("H2", de.digitalstrategie.cockpit.sandbox.ao.Database.Kind.H2).fresh(),
                Files.createTempDirectory("cockpit-report-golden"), clock);
        ReportWorld.write(sandbox, clock);
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "staff-q4, mitarbeiterin, de, quarter=2026-Q4, 200",
            "member-q4-english, cdo, en, quarter=2026-Q4, 200",
            "member-current, cdo, de, '', 200",
            "bad-quarter, cdo, de, quarter=2026-Q5, 400"})
    void thePageRendersAsWritten(String name, String viewer, String lang, String query, int status) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/plugins/servlet/cockpit/report?" + query + "&as=" + viewer + "&lang=" + lang))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(status, r.statusCode(), r.body());
        int from = r.body().indexOf("<main");
        int to = r.body().indexOf("</main>");
        String actual = GoldenFile.normalise(r.body().substring(from, to + "</main>".length())) + "\n";
        Path file = ROOT.resolve(name + ".html");
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (actual.equals(expected)) {
            return;
        }
        if (UPDATE) {
            Files.createDirectories(ROOT);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.out.println("golden file updated: " + file);
            return;
        }
        fail("The markup of " + file + " changed (rewrite the files with -Dgolden.update=true if that is intended):\n"
                + GoldenFile.diff(file + " (expected)", expected, "rendered now", actual));
    }
}
