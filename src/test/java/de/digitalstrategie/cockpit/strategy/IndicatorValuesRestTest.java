package de.digitalstrategie.cockpit.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measured values over real HTTP in the demo sandbox: who may add them (the unit that collects an
 * indicator and the staff unit, checked before the body is read), what is refused and how (400
 * with the reason in the caller's language), a file stored whole or refused whole with every bad
 * line named, and goals over the register's REST resource.
 */
class IndicatorValuesRestTest {
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static Measurements measurements;
    private static long openPage;
    /** The card of FIN-1.1 as its page declares it. */
    private static final String CARD = "<ac:structured-macro ac:name=\"strategy-indicator\" ac:schema-version=\"1\" "
            + "ac:macro-id=\"t-i1\"><ac:parameter ac:name=\"key\">FIN-1.1</ac:parameter>"
            + "<ac:parameter ac:name=\"goal\">ZIEL-FIN-1</ac:parameter><ac:parameter ac:name=\"name\">Anteil</ac:parameter>"
            + "<ac:parameter ac:name=\"unit\">%</ac:parameter><ac:parameter ac:name=\"direction\">higher-is-better"
            + "</ac:parameter><ac:parameter ac:name=\"baseline\">12</ac:parameter><ac:parameter ac:name=\"baseline-date\">"
            + "2023-12-31</ac:parameter><ac:parameter ac:name=\"target\">90</ac:parameter><ac:parameter "
            + "ac:name=\"target-date\">2030-12-31</ac:parameter><ac:parameter ac:name=\"responsible\">Finanzen"
            + "</ac:parameter><ac:parameter ac:name=\"rhythm\">quarterly</ac:parameter></ac:structured-macro>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        SandboxPage open = fixture.sandbox.pages.create("DIGI", "Handlungsfeld Finanzen (Test)", CARD, Set.of(),
                "page");
        openPage = open.getId();
        SandboxPage closed = fixture.sandbox.pages.create("DIGI", "Handlungsfeld Verwaltung (Entwurf, Test)",
                "<p>Ziele</p>", Set.of("cdo"), "page");
        PageRef openRef = new PageRef(open.getId(), 1, "DIGI", open.getTitle());
        PageRef closedRef = new PageRef(closed.getId(), 1, "DIGI", closed.getTitle());
        GoalStore goals = fixture.sandbox.plugin.bean(GoalStore.class);
        Indicators indicators = fixture.sandbox.plugin.bean(Indicators.class);
        measurements = fixture.sandbox.plugin.bean(Measurements.class);
        goals.record(new Goal(0, "t-g1", "ZIEL-FIN-1", "Digitale Rechnungen", "3.4", "", GoalStatus.ADOPTED, "",
                List.of(), List.of(), openRef, false, true), "test");
        goals.record(new Goal(0, "t-g2", "ZIEL-VER-9", "Entwurf", "3.4", "", GoalStatus.DRAFT, "", List.of(),
                List.of(), closedRef, false, true), "test");
        indicators.applyPage(open.getId(), List.of(card("t-i1", "FIN-1.1", "ZIEL-FIN-1", "%", "Finanzen", openRef),
                card("t-i2", "FIN-1.2", "ZIEL-FIN-1", "Anzahl", "Innere Verwaltung", openRef)), true);
        indicators.applyPage(closed.getId(), List.of(card("t-i3", "VER-9.1", "ZIEL-VER-9", "%", "Finanzen",
                closedRef)), true);
    }

    static Indicator card(String macroId, String key, String goal, String unit, String unit2, PageRef page) {
        return new Indicator(0, macroId, key, goal, "Anteil digitaler Rechnungen", "", "", unit,
                Direction.HIGHER_IS_BETTER, new BigDecimal("12"), LocalDate.of(2023, 12, 31), new BigDecimal("90"),
                LocalDate.of(2030, 12, 31), "Kämmerei", unit2, Rhythm.QUARTERLY, page, false);
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError(body, e);
            }
        }
    }

    private static Answer send(String method, String path, String as, String contentType, String body)
            throws Exception {
        String sep = path.contains("?") ? "&" : "?";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/rest/cockpit/1.0" + path + (as == null ? "" : sep + "as=" + as)))
                .header("Accept-Language", "de-DE");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }

    private static void assertError(Answer a, int status, String key) {
        assertEquals(status, a.status(), a.body());
        assertEquals(key, a.json().get("error").asText(), a.body());
    }

    @Test
    void theUnitThatCollectsAnIndicatorAddsValuesAndEveryoneElseIsRefusedBeforeTheBodyIsRead() throws Exception {
        String path = "/indicators/FIN-1.1/values";
        String json = "application/json";
        assertError(send("POST", path, "mitarbeiterin", json, "{\"value\":\"50\",\"date\":\"2026-09-30\"}"), 403,
                "cockpit.access.error.values");
        assertError(send("POST", path, "leitung-innere", json, "kein JSON"), 403, "cockpit.access.error.values");
        assertError(send("POST", path, null, json, "kein JSON"), 401, "cockpit.access.error.sign-in");
        assertError(send("POST", "/indicators/VER-9.1/values", "leitung-finanzen", json,
                "{\"value\":\"50\",\"date\":\"2026-09-30\"}"), 404, "cockpit.indicator.error.unknown");
        assertError(send("POST", "/indicators/NOPE-1/values", "leitung-finanzen", json, "{}"), 404,
                "cockpit.indicator.error.unknown");
        Answer badNumber = send("POST", path, "leitung-finanzen", json, "{\"value\":\"fünfzig\",\"date\":\"2026-09-30\"}");
        assertError(badNumber, 400, "cockpit.measurement.error.number");
        assertTrue(badNumber.json().get("message").asText().contains("fünfzig"), badNumber.body());
        assertError(send("POST", path, "leitung-finanzen", json, "{\"value\":\"50\",\"date\":\"2027-01-01\"}"), 400,
                "cockpit.measurement.error.future");
        assertError(send("POST", path, "leitung-finanzen", json, "{\"value\":\"50\",\"date\":\"31.09.2026\"}"), 400,
                "cockpit.measurement.error.date");

        // A day as the CSV file takes it too: the same rule everywhere.
        Answer added = send("POST", path, "leitung-finanzen", json,
                "{\"value\":\"48,5\",\"date\":\"30.9.2026\",\"source\":\"Kämmerei\",\"comment\":\"Q3\"}");
        assertEquals(201, added.status(), added.body());
        assertEquals("48.5", added.json().get("value").asText());
        assertEquals("leitung-finanzen", added.json().get("recordedBy").asText());
        assertError(send("POST", path, "cdo", json, "{\"value\":\"49\",\"date\":\"2026-09-30\"}"), 400,
                "cockpit.measurement.error.duplicate");
        assertTrue(send("GET", path, "mitarbeiterin", null, null).json().findValues("date").stream()
                .anyMatch(d -> d.asText().equals("2026-09-30")));
        assertError(send("GET", "/indicators/VER-9.1/values", "mitarbeiterin", null, null), 404,
                "cockpit.indicator.error.unknown");
        assertEquals(200, send("GET", "/indicators/VER-9.1/values", "cdo", null, null).status());
        // Form posts never reach it (the host's XSRF rule for REST).
        assertEquals(403, send("POST", path, "leitung-finanzen", "application/x-www-form-urlencoded", "value=1")
                .status());
    }

    @Test
    void aFileIsStoredWholeOrRefusedWithEveryBadLine() throws Exception {
        int before = measurements.count();
        String bad = String.join("\n", "indicator;date;value;unit;source;comment",
                "FIN-1.1;2025-03-31;20;%;Kämmerei;",
                "FIN-1.1;2025-06-30;zwanzig;%;;",
                "FIN-9.9;2025-06-30;20;;;",
                "FIN-1.1;2025-09-31;20;;;",
                "FIN-1.1;2099-12-31;20;;;",
                "FIN-1.1;2025-03-31;21;;;",
                "FIN-1.1;2025-12-31;22;Euro;;",
                "VER-9.1;2025-12-31;22;;;",
                "FIN-1.2;2025-12-31;22;;;",
                "FIN-1.1;2025-12-31;22;;\"offen");
        Answer refused = send("POST", "/indicators/values", "leitung-finanzen", "text/csv; charset=utf-8", bad);
        assertError(refused, 400, "cockpit.measurement.csv.refused");
        String message = refused.json().get("message").asText();
        for (int line = 3; line <= 11; line++) {
            assertTrue(message.contains("Zeile " + line + ":"), line + " in " + message);
        }
        assertTrue(!message.contains("Zeile 2:"), message);
        assertEquals(before, measurements.count(), "nothing of a bad file is stored");

        String good = "indicator,date,value,source,comment\r\nFIN-1.1,2024-12-31,15.5,Kämmerei,\"Jahresabschluss, geprüft\"\r\n"
                + "FIN-1.1,31.3.2025,\"18,25\",,\r\n";
        assertError(send("POST", "/indicators/values", "mitarbeiterin", "text/csv", good), 403,
                "cockpit.access.error.values");
        Answer stored = send("POST", "/indicators/values", "leitung-finanzen", "text/csv", good);
        assertEquals(201, stored.status(), stored.body());
        assertEquals(2, stored.json().get("stored").asInt());
        assertEquals(before + 2, measurements.count());
        Answer again = send("POST", "/indicators/values", "cdo", "text/csv", good);
        assertError(again, 400, "cockpit.measurement.csv.refused");
        assertTrue(again.json().get("message").asText().contains("Zeile 2:"), again.body());
        assertEquals(before + 2, measurements.count());
    }

    @Test
    void goalsAreServedAndChangedByTheStaffUnitOnly() throws Exception {
        Answer list = send("GET", "/goals", "mitarbeiterin", null, null);
        assertEquals(200, list.status(), list.body());
        // The sandbox's demo goals are served too: only this test's own two are compared.
        assertEquals(List.of("ZIEL-FIN-1"), finance(list));
        assertEquals(List.of("ZIEL-FIN-1", "ZIEL-VER-9"), finance(send("GET", "/goals", "cdo", null, null)));
        long id = java.util.stream.StreamSupport.stream(list.json().get("items").spliterator(), false)
                .filter(g -> g.get("number").asText().equals("ZIEL-FIN-1")).findFirst().orElseThrow().get("id").asLong();
        assertError(send("POST", "/goals/" + id + "/status", "leitung-finanzen", "application/json", "kein JSON"), 403,
                "cockpit.access.error.goals");
        assertError(send("POST", "/goals/" + id + "/status", "cdo", "application/json", "{\"status\":\"dropped\"}"),
                409, "cockpit.goal.error.reason-dropped");
        Answer achieved = send("POST", "/goals/" + id + "/status", "cdo", "application/json",
                "{\"status\":\"achieved\",\"reason\":\"Ziel 2026 erreicht\"}");
        assertEquals(200, achieved.status(), achieved.body());
        assertEquals("ACHIEVED", achieved.json().at("/goal/status").asText());
        assertEquals("Erreicht", achieved.json().at("/goal/statusLabel").asText());
    }

    private static List<String> finance(Answer goals) {
        return goals.json().get("items").findValues("number").stream().map(JsonNode::asText)
                .filter(n -> n.equals("ZIEL-FIN-1") || n.equals("ZIEL-VER-9")).sorted().toList();
    }

    private static HttpResponse<String> page(String as, String extra) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/pages/viewpage.action?pageId=" + openPage + "&as=" + as
                        + extra)).header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String as, String form, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/plugins/servlet/cockpit/indicator-values?indicator=FIN-1.1" + (as == null ? "" : "&as=" + as)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(b.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The form on the card: its unit and the staff unit only, role before the form, then the token. */
    @Test
    void theCardsFormStoresAValueAndSaysSoBesideTheForm() throws Exception {
        assertTrue(!page("mitarbeiterin", "").body().contains("cockpit-values-form"), "no form for others");
        String shown = page("leitung-finanzen", "").body();
        assertTrue(shown.contains("cockpit-values-form"), shown);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"")
                .matcher(shown);
        assertTrue(m.find(), shown);
        String token = m.group(1);
        String cookie = "atl.xsrf.token=" + token;
        String form = "value=51%2C5&date=2026-06-30&source=K%C3%A4mmerei&comment=";
        assertEquals(403, postForm("leitung-finanzen", form, null).statusCode(), "without the token");
        assertEquals(403, postForm("mitarbeiterin", form + "&atl_token=" + token, cookie).statusCode());
        assertEquals(403, postForm(null, form + "&atl_token=" + token, cookie).statusCode(), "anonymous");
        int before = measurements.count();
        HttpResponse<String> saved = postForm("leitung-finanzen", form + "&atl_token=" + token, cookie);
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("cockpit-values=saved") && location.endsWith("#indicator-FIN-1.1"), location);
        assertEquals(before + 1, measurements.count());
        String after = page("leitung-finanzen", "&cockpit-values=saved&cockpit-values-indicator=FIN-1.1").body();
        assertTrue(after.contains("role=\"status\""), after);
        assertTrue(after.contains("aria-describedby=\"indicator-FIN-1.1-notice\""), after);
        HttpResponse<String> twice = postForm("cdo", form + "&atl_token=" + token, cookie);
        assertTrue(twice.headers().firstValue("Location").orElseThrow().contains("cockpit-values=invalid"));
        assertEquals(before + 1, measurements.count());
    }
}
