package de.digitalstrategie.cockpit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API over real HTTP in the sandbox: answers, refusals, permissions, the error shape. */
class RestApiTest {
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static SandboxPage restricted;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        restricted = fixture.sandbox.pages.all().stream().filter(p -> !p.restrictedTo().isEmpty()).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    record Answer(int status, JsonNode body) {
    }

    private static Answer call(String method, String path, String as, String contentType, String body, String lang)
            throws Exception {
        String sep = path.contains("?") ? "&" : "?";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/rest/cockpit/1.0" + path + (as == null ? "" : sep + "as=" + as)))
                .header("Accept-Language", lang);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                method + " " + path + " answered " + r.headers().firstValue("Content-Type") + ": " + r.body());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    private static Answer get(String path, String as) throws Exception {
        return call("GET", path, as, null, null, "de-DE");
    }

    private static Answer postJson(String path, String as, String body) throws Exception {
        return call("POST", path, as, "application/json", body, "de-DE");
    }

    private static void assertError(Answer a, int status, String key) {
        assertEquals(status, a.status(), a.body().toString());
        assertEquals(status, a.body().get("status").asInt());
        assertEquals(key, a.body().get("error").asText(), a.body().toString());
        assertFalse(a.body().get("message").asText().isBlank());
    }

    @Test
    void portfolioAnswersWithPagingAndSums() throws Exception {
        Answer a = get("/projects?group=phase&page-size=10", "cdo");
        assertEquals(200, a.status());
        assertEquals(42, a.body().at("/projects/total").asInt());
        assertEquals(10, a.body().at("/projects/items").size());
        assertEquals(42, a.body().at("/summary/total/projects").asInt());
        assertTrue(a.body().at("/summary/groups").size() > 1);
        Answer one = get("/projects/DIGI-1", "cdo");
        assertEquals("DIGI-1", one.body().at("/project/key").asText());
        assertError(get("/projects/NOPE-1", "cdo"), 404, "cockpit.project.error.unknown");
        assertError(get("/projects/DIGI-1", null), 401, "cockpit.access.error.sign-in");
    }

    @Test
    void badQueriesGetA400WithALocalisedMessage() throws Exception {
        assertError(get("/projects?colour=red", "cdo"), 400, "cockpit.rest.error.unknown-parameter");
        Answer german = get("/projects?phase=someday", "cdo");
        assertError(german, 400, "cockpit.macro.error.choice");
        assertTrue(german.body().get("message").asText().contains("unbekannten Wert [someday]"));
        Answer english = call("GET", "/projects?phase=someday", "cdo", null, null, "en-GB");
        assertTrue(english.body().get("message").asText().contains("unknown value [someday]"), english.body().toString());
        assertError(get("/decisions?page-size=0", "cdo"), 400, "cockpit.macro.error.number");
        assertError(get("/decisions?year=20x6", "cdo"), 400, "cockpit.macro.error.year");
        assertError(get("/no/such/thing", "cdo"), 404, "cockpit.rest.error.no-such-resource");
    }

    @Test
    void decisionsOnRestrictedPagesAreNeitherListedNorCountedNorFound() throws Exception {
        List<Decision> hidden = fixture.sandbox.decisions.ofPage(restricted.getId());
        int all = get("/decisions?page-size=500", "leitung-finanzen").body().get("total").asInt();
        int staff = get("/decisions?page-size=500", "mitarbeiterin").body().get("total").asInt();
        assertEquals(all - hidden.size(), staff);
        assertError(get("/decisions/" + hidden.get(0).id(), "mitarbeiterin"), 404, "cockpit.decision.error.unknown");
        Answer member = get("/decisions/" + hidden.get(0).id(), "leitung-finanzen");
        assertEquals(200, member.status());
        assertTrue(member.body().get("history").size() >= 1, "with its audit trail");
    }

    @Test
    void oneDecisionCarriesItsOwnMeetingDateEvenWhenAnotherNamesItsNumber() throws Exception {
        de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage minutes = fixture.sandbox.pages.all().stream()
                .filter(p -> p.getTitle().startsWith("Protokoll LK") && p.restrictedTo().isEmpty()).findFirst()
                .orElseThrow();
        // LK-2099-01 sorts first and its title names LK-2099-02: a text search for the number finds both.
        fixture.sandbox.pages.update(minutes.getId(), minutes.getBodyAsString()
                + decisionMacro("LK-2099-01", "Änderung von LK-2099-02") + decisionMacro("LK-2099-02", "Beschaffung"));
        // The registers take the saved page on the scheduler, right after the save.
        fixture.sandbox.settle();
        Decision second = fixture.sandbox.decisions.ofPage(minutes.getId()).stream()
                .filter(d -> d.number().equals("LK-2099-02")).findFirst().orElseThrow();
        Answer one = get("/decisions/" + second.id(), "cdo");
        assertEquals(200, one.status(), one.body().toString());
        assertEquals("LK-2099-02", one.body().at("/decision/number").asText(), one.body().toString());
        assertFalse(one.body().at("/decision/meetingDate").isNull() || one.body().at("/decision/meetingDate").isMissingNode(),
                "the decision's own meeting date: " + one.body());
    }

    private static String decisionMacro(String number, String title) {
        return de.digitalstrategie.cockpit.testing.SandboxFixture.macro("committee-decision", java.util.Map.of(
                "number", number, "title", title, "owner", "Amt für Digitalisierung", "due", "2099-12-31"),
                "<p>Begründung</p>");
    }

    @Test
    void statusChangesGoThroughTheWorkflowForTheRightRolesOnly() throws Exception {
        Decision ready = fixture.sandbox.decisions.all().stream()
                .filter(d -> d.status() == DecisionStatus.READY_FOR_VOTE && d.page().pageId() != restricted.getId())
                .findFirst().orElseThrow();
        String path = "/decisions/" + ready.id() + "/status";
        assertError(postJson(path, "mitarbeiterin", "{\"status\":\"decided\",\"vote\":\"6/1/0\"}"), 403,
                "cockpit.access.error.decisions");
        assertError(postJson(path, "leitung-finanzen", "{\"status\":\"decided\",\"vote\":\"6/1/0\"}"), 403,
                "cockpit.access.error.decisions");
        assertError(postJson(path, "schriftfuehrung", "{\"status\":\"superseded\",\"successor\":\"LK-1\"}"), 409,
                "cockpit.workflow.error.not-allowed");
        assertError(postJson(path, "schriftfuehrung", "{\"status\":\"decided\",\"vote\":\"3/5/0\"}"), 409,
                "cockpit.decision.error.vote-not-carried");
        assertError(postJson(path, "schriftfuehrung", "{\"status\":\"decided\",\"color\":\"red\"}"), 400,
                "cockpit.rest.error.unknown-field");
        assertError(postJson(path, "schriftfuehrung", "{\"status\":\"decided\",\"vote\":7}"), 400,
                "cockpit.rest.error.wrong-type");
        assertError(postJson(path, "schriftfuehrung", "{\"status\":\"fertig\"}"), 400, "cockpit.macro.error.choice");
        assertError(postJson(path, "schriftfuehrung", "{\"status\":\"decided\",\"vote\":\"6/1/0\",\"comment\":\""
                + "x".repeat(2001) + "\"}"), 400, "cockpit.validation.too-long");
        assertError(postJson(path, "schriftfuehrung", "{status: decided"), 400, "cockpit.rest.error.not-json");
        assertError(postJson("/decisions/999999/status", "schriftfuehrung", "{\"status\":\"decided\"}"), 404,
                "cockpit.decision.error.unknown");
        assertEquals(DecisionStatus.READY_FOR_VOTE, fixture.sandbox.decisions.find(ready.id()).orElseThrow().status(),
                "every refusal changed nothing");

        Answer done = postJson(path, "schriftfuehrung", "{\"status\":\"decided\",\"vote\":\"6/1/0\",\"comment\":\"per REST\"}");
        assertEquals(200, done.status(), done.body().toString());
        assertEquals("DECIDED", done.body().at("/decision/status").asText());
        JsonNode history = done.body().get("history");
        assertEquals("schriftfuehrung", history.get(history.size() - 1).get("actor").asText());
        assertEquals("per REST", history.get(history.size() - 1).get("comment").asText());
    }

    @Test
    void formPostsAreStoppedByTheXsrfRule() throws Exception {
        Answer forged = call("POST", "/decisions/1/status", "schriftfuehrung", "application/x-www-form-urlencoded",
                "status=decided", "de-DE");
        assertEquals(403, forged.status());
        Answer plain = call("POST", "/decisions/1/status", "schriftfuehrung", "text/plain", "{\"status\":\"decided\"}",
                "de-DE");
        assertEquals(403, plain.status());
    }

    @Test
    void theCitysAnswerIsChangedByTheBoardsChairOnly() throws Exception {
        AdvisoryInput received = fixture.sandbox.advisory.all().stream()
                .filter(i -> i.answer().status() == AnswerStatus.RECEIVED).findFirst().orElseThrow();
        String path = "/advisory/" + received.id() + "/answer";
        assertError(postJson(path, "leitung-finanzen", "{\"status\":\"under-review\"}"), 403,
                "cockpit.access.error.advisory");
        assertEquals(200, postJson(path, "cdo", "{\"status\":\"under-review\"}").status());
        assertError(postJson(path, "cdo", "{\"status\":\"declined\",\"text\":\" \"}"), 409,
                "cockpit.advisory.error.reason-required");
        assertEquals(200, postJson(path, "cdo", "{\"status\":\"declined\",\"text\":\"Kein Budget.\"}").status());
        assertError(postJson("/advisory/" + received.id() + "/report", "cdo", "{\"on\":\"gestern\"}"), 400,
                "cockpit.rest.error.wrong-type");
        Answer told = postJson("/advisory/" + received.id() + "/report", "cdo", "{\"on\":\"2026-12-01\"}");
        assertEquals("2026-12-01", told.body().at("/input/reportedToBoardOn").asText());
        assertEquals(200, get("/advisory?unanswered=true", "cdo").status());
    }

    /** One input is a typed record like one decision: the input, and its trail with typed steps. */
    @Test
    void oneInputIsATypedRecordWithItsAuditTrail() throws Exception {
        AdvisoryInput any = fixture.sandbox.advisory.all().stream().filter(i -> !i.page().exists()
                || restricted.getId() != i.page().pageId()).findFirst().orElseThrow();
        Answer one = get("/advisory/" + any.id(), "cdo");
        assertEquals(200, one.status(), one.body().toString());
        assertEquals(any.number(), one.body().at("/input/number").asText());
        JsonNode created = one.body().at("/history/0");
        assertTrue(created.get("from").isNull(), "a record's first step comes from no status: " + created);
        assertEquals("RECEIVED", created.get("to").asText());
        assertEquals(java.time.Instant.parse(created.get("at").asText()).toString(), created.get("at").asText());
        assertError(get("/advisory/x1", "cdo"), 404, "cockpit.advisory.error.unknown");
    }

    @Test
    void bodiesListTheirMembers() throws Exception {
        Answer a = get("/bodies", "mitarbeiterin");
        assertEquals(2, a.body().size());
        assertTrue(a.body().get(0).get("members").size() > 0);
        Answer meetings = get("/bodies/lenkungskreis/meetings", "mitarbeiterin");
        assertEquals(7, meetings.body().size(), "the restricted meeting is left out");
    }
}
