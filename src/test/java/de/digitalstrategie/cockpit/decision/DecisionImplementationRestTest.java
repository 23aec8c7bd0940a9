package de.digitalstrategie.cockpit.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The implementation of decisions over real HTTP in the demo: who may set it (the responsible
 * unit, the CDO, the secretary; nobody else, and nobody where Jira has it), what REST lists and
 * exports by it, and the demo showing every state.
 */
class DecisionImplementationRestTest {
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
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
                + "/rest/cockpit/1.0" + path + sep + "as=" + as)).header("Accept-Language", "de-DE");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new Answer(r.statusCode(), type.contains("spreadsheetml") ? XlsxText.of(r.body())
                : new String(r.body(), StandardCharsets.UTF_8));
    }

    private static Answer post(String path, String as, String body) throws Exception {
        return send("POST", path, as, "application/json", body);
    }

    private static Decision decided(String owner, boolean inJira) {
        return fixture.sandbox.decisions.all().stream().filter(d -> d.implementable() && owner.equals(d.owner())
                && d.jiraIssue().isEmpty() != inJira && !d.withdrawn()).findFirst().orElseThrow();
    }

    private static void assertError(Answer a, int status, String key) {
        assertEquals(status, a.status(), a.body());
        assertEquals(key, a.json().get("error").asText(), a.body());
    }

    @Test
    void theDemoShowsEveryStateSomeOverdueSomeFollowingJira() {
        List<Decision> inForce = fixture.sandbox.decisions.all().stream().filter(Decision::implementable).toList();
        assertEquals(EnumSet.allOf(ImplementationState.class),
                inForce.stream().map(Decision::implementation).collect(Collectors.toSet()));
        LocalDate today = LocalDate.now(fixture.sandbox.clock);
        assertTrue(inForce.stream().anyMatch(d -> d.overdue(today)), "some overdue");
        assertTrue(inForce.stream().anyMatch(d -> !d.jiraIssue().isEmpty()), "some follow a Jira issue");
        assertTrue(inForce.stream().anyMatch(d -> d.jiraIssue().isEmpty() && d.implementation() != ImplementationState.OPEN),
                "some set by their unit");
    }

    @Test
    void theResponsibleUnitSetsItAndEveryoneElseIsRefusedBeforeTheBodyIsRead() throws Exception {
        Decision d = decided("Finanzen", false);
        String path = "/decisions/" + d.id() + "/implementation";
        assertError(post(path, "leitung-innere", "{\"state\":\"done\"}"), 403, "cockpit.access.error.implementation");
        assertError(post(path, "mitarbeiterin", "{\"state\":\"done\"}"), 403, "cockpit.access.error.implementation");
        // Refused before the body is read: a body that is no JSON at all is not even looked at.
        assertError(post(path, "leitung-innere", "kein JSON"), 403, "cockpit.access.error.implementation");
        assertError(post("/decisions/999999/implementation", "leitung-finanzen", "{\"state\":\"done\"}"), 404,
                "cockpit.decision.error.unknown");
        assertError(post(path, "leitung-finanzen", "{\"state\":\"fertig\"}"), 400, "cockpit.macro.error.choice");
        assertError(post(path, "leitung-finanzen", "{\"state\":\"done\",\"comment\":7}"), 400,
                "cockpit.rest.error.wrong-type");

        ImplementationState to = d.implementation() == ImplementationState.IN_PROGRESS ? ImplementationState.OPEN
                : ImplementationState.IN_PROGRESS;
        Answer done = post(path, "leitung-finanzen", "{\"state\":\"" + to.code()
                + "\",\"comment\":\"Ausschreibung läuft\"}");
        assertEquals(200, done.status(), done.body());
        JsonNode json = done.json();
        assertEquals(to.code(), json.at("/decision/implementation/state").asText());
        assertEquals(to == ImplementationState.OPEN ? "Offen" : "In Umsetzung",
                json.at("/decision/implementation/label").asText());
        JsonNode last = json.get("history").get(json.get("history").size() - 1);
        assertEquals("leitung-finanzen", last.get("actor").asText());
        assertEquals("implementation " + d.implementation().name() + " -> " + to.name() + ": Ausschreibung läuft",
                last.get("comment").asText());
        assertEquals(200, post(path, "cdo", "{\"state\":\"done\"}").status(), "the CDO may too");

        // Form posts and plain text never reach it (the host's XSRF rule for REST).
        assertEquals(403, send("POST", path, "leitung-finanzen", "application/x-www-form-urlencoded", "state=open")
                .status());
    }

    @Test
    void aDecisionInJiraOrNotInForceIsNotSetByHand() throws Exception {
        Decision inJira = fixture.sandbox.decisions.all().stream().filter(d -> d.implementable()
                && !d.jiraIssue().isEmpty()).findFirst().orElseThrow();
        assertError(post("/decisions/" + inJira.id() + "/implementation", "schriftfuehrung", "{\"state\":\"done\"}"),
                409, "cockpit.decision.error.implementation-follows-jira");
        Decision proposed = fixture.sandbox.decisions.all().stream().filter(d -> !d.implementable() && !d.withdrawn()
                && d.status() == DecisionStatus.PROPOSED)
                .findFirst().orElseThrow();
        Answer refused = post("/decisions/" + proposed.id() + "/implementation", "schriftfuehrung",
                "{\"state\":\"done\"}");
        assertError(refused, 409, "cockpit.decision.error.implementation-not-in-force");
    }

    @Test
    void theRegisterListsCountsAndExportsByImplementation() throws Exception {
        Set<String> open = fixture.sandbox.decisions.all().stream().filter(d -> d.implementable() && !d.withdrawn()
                && d.implementation() == ImplementationState.OPEN).map(Decision::number).collect(Collectors.toSet());
        JsonNode list = send("GET", "/decisions?implementation=open&page-size=100", "cdo", null, null).json();
        Set<String> listed = new java.util.HashSet<>();
        list.get("items").forEach(i -> listed.add(i.get("number").asText()));
        assertEquals(open, listed);
        assertEquals(open.size(), list.get("total").asInt());
        list.get("items").forEach(i -> assertEquals("open", i.at("/implementation/state").asText()));
        assertError(send("GET", "/decisions?implementation=someday", "cdo", null, null), 400,
                "cockpit.macro.error.choice");

        String csv = send("GET", "/decisions/export?format=csv&implementation=in-progress,done", "cdo", null, null)
                .body();
        long moving = fixture.sandbox.decisions.all().stream().filter(d -> d.implementable() && !d.withdrawn()
                && d.implementation() != ImplementationState.OPEN).count();
        assertTrue(csv.lines().findFirst().orElseThrow().contains("Umsetzung"), csv);
        assertEquals(moving, csv.lines().count() - 1, csv);
        assertTrue(csv.contains("Umgesetzt") && csv.contains("In Umsetzung"), csv);
        String xlsx = send("GET", "/decisions/export?format=xlsx&implementation=done", "cdo", null, null).body();
        assertTrue(xlsx.contains("Umgesetzt") && !xlsx.contains("In Umsetzung"), xlsx);
    }
}
