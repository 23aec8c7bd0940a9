package de.digitalstrategie.cockpit.strategy.achievement;

import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.XlsxText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every viewer against the achievement of goals, over real HTTP: a goal and its indicator on a
 * strategy page only the CDO and {@code leitung-finanzen} may view carry a marker no other record
 * has; the overview page, its field counts and the CSV and XLSX exports show and count them to those
 * two only, and must show them to them (so a crawl that never reaches them cannot pass). Anonymous
 * visitors see the goals on open pages but no project, not even in a sum, and get no file.
 */
class AchievementAccessTest {
    private static final List<String> VIEWERS = Arrays.asList(null, "mitarbeiterin", "leitung-finanzen",
            "expertin-wirtschaft", "schriftfuehrung", "cdo", "admin");
    private static final Set<String> MAY_SEE = Set.of("cdo", "leitung-finanzen");
    private static final String MARKER = "ZQXZIEL" + Long.toHexString(0x60A15L);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static long overview;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        String goal = "<ac:structured-macro ac:name=\"strategy-goal\" ac:schema-version=\"1\" ac:macro-id=\"zqx-goal\">"
                + "<ac:parameter ac:name=\"number\">ZIEL-ZQX-1</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Vertraulich " + MARKER + "</ac:parameter>"
                + "<ac:parameter ac:name=\"field\">3.1</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">adopted</ac:parameter>"
                + "<ac:rich-text-body><p>" + MARKER + "</p></ac:rich-text-body></ac:structured-macro>";
        String card = "<ac:structured-macro ac:name=\"strategy-indicator\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"zqx-card\">"
                + "<ac:parameter ac:name=\"key\">ZQX-1.1</ac:parameter>"
                + "<ac:parameter ac:name=\"goal\">ZIEL-ZQX-1</ac:parameter>"
                + "<ac:parameter ac:name=\"name\">Indikator " + MARKER + "</ac:parameter>"
                + "<ac:parameter ac:name=\"direction\">higher-is-better</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline\">1</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline-date\">2024-12-31</ac:parameter>"
                + "<ac:parameter ac:name=\"target\">9</ac:parameter>"
                + "<ac:parameter ac:name=\"target-date\">2028-12-31</ac:parameter>"
                + "<ac:parameter ac:name=\"responsible\">Einheit " + MARKER + "</ac:parameter>"
                + "<ac:parameter ac:name=\"rhythm\">yearly</ac:parameter></ac:structured-macro>";
        fixture.sandbox.pages.create(fixture.sandbox.pages.reserveId(), "STRAT", 0, "Vertrauliche Ziele",
                "<p>Ziele.</p>" + goal + card, MAY_SEE, "strategy", "cdo");
        fixture.sandbox.settle();
        overview = fixture.sandbox.pages.all().stream()
                .filter(p -> p.getTitle().equals("Zielerreichung der Digitalstrategie")).findFirst().orElseThrow()
                .getId();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    private static HttpResponse<byte[]> get(String path, String viewer) throws Exception {
        String as = viewer == null ? "" : (path.contains("?") ? "&" : "?") + "as=" + viewer;
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path + as))
                .header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void onlyThoseWhoMayViewTheGoalsPageSeeOrCountItsGoal() throws Exception {
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (String viewer : VIEWERS) {
            boolean may = viewer != null && MAY_SEE.contains(viewer);
            String page = new String(get("/pages/viewpage.action?pageId=" + overview, viewer).body(),
                    StandardCharsets.UTF_8);
            String assessed = new String(get("/pages/viewpage.action?pageId=" + overview + "&"
                    + instanceKey(page) + ".assessment=no-data", viewer).body(), StandardCharsets.UTF_8);
            for (String[] shown : new String[][]{{"page", page}, {"page filtered by assessment", assessed}}) {
                tried++;
                if (shown[1].contains(MARKER) != may) {
                    leaks.add(viewer + " / " + shown[0] + (may ? ": marker missing" : ": marker shown"));
                }
            }
            tried++;
            if (page.contains("Ziele: 2") != may) {
                leaks.add(viewer + " / the field's count of goals");
            }
            for (String format : List.of("csv", "xlsx")) {
                HttpResponse<byte[]> file = get("/rest/cockpit/1.0/strategy/achievement/export?format=" + format,
                        viewer);
                tried++;
                if (viewer == null) {
                    if (file.statusCode() != 401) {
                        leaks.add("anonymous / " + format + ": " + file.statusCode());
                    }
                    continue;
                }
                String text = format.equals("csv") ? new String(file.body(), StandardCharsets.UTF_8)
                        : XlsxText.of(file.body());
                if (file.statusCode() != 200 || text.contains(MARKER) != may) {
                    leaks.add(viewer + " / " + format + " (" + file.statusCode() + ")");
                }
            }
            if (viewer == null) {
                tried++;
                if (page.contains("cockpit-projects") || !page.contains("ZIEL-MOB-1")) {
                    leaks.add("anonymous: a project is shown, or the open goals are not");
                }
            }
        }
        System.out.println("achievement permissions: tried " + tried + ", leaked " + leaks.size());
        assertEquals(List.of(), leaks);
        assertTrue(tried >= 30);
    }

    /** The macro instance's own parameter prefix, read from its filter form. */
    private static String instanceKey(String page) {
        int at = page.indexOf("class=\"cockpit cockpit-strategy\" id=\"");
        assertTrue(at >= 0, "the macro rendered");
        int start = at + "class=\"cockpit cockpit-strategy\" id=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }
}
