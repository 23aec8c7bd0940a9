package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.jira.JiraDouble;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Jira admin page over real HTTP in the sandbox, against the Jira double. */
class JiraAdminPageTest {
    @TempDir
    Path data;
    private JiraFixture jira;
    private Sandbox sandbox;
    private SandboxServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        jira = new JiraFixture();
        jira.jira.createProject("DIGI", "Digitalisierung");
        sandbox = new Sandbox(Database.h2Memory("a" + UUID.randomUUID().toString().replace("-", "")), data,
                Clock.systemDefaultZone());
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @AfterEach
    void stop() {
        server.close();
        sandbox.close();
        jira.close();
    }

    private HttpResponse<String> get(String as) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/plugins/servlet/cockpit/admin?lang=de&as=" + as)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/plugins/servlet/cockpit/admin")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int portfolioTotal(String as) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/rest/cockpit/1.0/projects?as=" + as)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("projects").path("total").asInt(-1);
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(m.find(), "no XSRF token on the page");
        return m.group(1);
    }

    private Map<String, String> form(String xsrf, String action, String url, String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("atl_token", xsrf);
        form.put("action", action);
        form.put("baseUrl", url);
        form.put("token", token);
        form.put("jql", "project = DIGI AND issuetype = \"Digitalprojekt\"");
        form.put("target", "DIGI");
        return form;
    }

    @Test
    void onlyAdministratorsGetThePage() throws Exception {
        assertEquals(403, get("mitarbeiterin").statusCode());
        assertEquals(403, get("cdo").statusCode());
        assertEquals(403, get("anonymous").statusCode());
        HttpResponse<String> admin = get("admin");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("Jira ist nicht eingerichtet"));
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        get("admin");
        HttpResponse<String> forged = post(form("0123456789abcdef", "save", jira.jira.baseUrl().toString(),
                JiraFixture.TOKEN));
        assertEquals(403, forged.statusCode());
        assertFalse(sandbox.jira.settings().configured(), "nothing was saved");
    }

    @Test
    void configureTestSetUpAndSyncWithoutEverShowingTheToken() throws Exception {
        String xsrf = token(get("admin").body());
        HttpResponse<String> saved = post(form(xsrf, "save", jira.jira.baseUrl().toString(), JiraFixture.TOKEN));
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("Die Einstellungen sind gespeichert"));
        assertTrue(saved.body().contains("aui-message-success\" role=\"status\"><p>Die Einstellungen"),
                "a success is announced politely");
        assertFalse(saved.body().contains(JiraFixture.TOKEN), "the token never comes back");
        assertTrue(saved.body().contains("****" + JiraFixture.TOKEN.substring(JiraFixture.TOKEN.length() - 4)));

        String before = post(form(xsrf, "test", "", "")).body();
        assertTrue(before.contains("fehlt der Vorgangstyp „" + Provisioning.PROJECT_TYPE + "“"), before);
        assertTrue(before.contains("aui-message-error\" role=\"alert\">"), "an error is announced at once: " + before);

        String provisioned = post(form(xsrf, "provision", "", "")).body();
        assertTrue(provisioned.contains("Angelegt: " + Provisioning.DECISION_TYPE));
        jira.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 5, i -> Map.of("summary", "Projekt " + i));

        String tested = post(form(xsrf, "test", "", "")).body();
        assertTrue(tested.contains("Die Verbindung zu Jira funktioniert"), tested);
        String synced = post(form(xsrf, "sync", "", "")).body();
        assertTrue(synced.contains("Abgleich beendet: 5 von 5"), synced);
        assertEquals(5, sandbox.projects.count());

        // Connected, the portfolio shows each viewer what Jira lets him browse.
        jira.jira.grantBrowse("DIGI", "cdo");
        int asked = jira.jira.count("GET /rest/api/2/user/permission/search");
        assertEquals(5, portfolioTotal("cdo"));
        assertEquals(0, portfolioTotal("mitarbeiterin"), "not allowed to browse DIGI in Jira");
        assertEquals(5, portfolioTotal("cdo"));
        assertEquals(asked + 2, jira.jira.count("GET /rest/api/2/user/permission/search"),
                "one question per viewer and Jira project; the answers are kept");

        // Saving again without a token keeps the stored one.
        post(form(xsrf, "save", jira.jira.baseUrl().toString(), ""));
        assertEquals(JiraFixture.TOKEN, sandbox.jira.settings().token());
    }

    @Test
    void aNewAddressNeedsTheTokenAgainSoTheStoredOneNeverReachesAnotherServer() throws Exception {
        String newToken = "TmV1ZXJUb2tlbkbDvHJEaWVOZXVlQWRyZXNzZQ";
        // Another server, which would recognise the old token if it ever came (and keep it).
        try (JiraDouble other = JiraDouble.builder().user(JiraFixture.TOKEN, "alter-token", true)
                .user(newToken, "neuer-token", true).start()) {
            other.createProject("DIGI", "Digitalisierung");
            String xsrf = token(get("admin").body());
            post(form(xsrf, "save", jira.jira.baseUrl().toString(), JiraFixture.TOKEN));
            post(form(xsrf, "provision", "", ""));
            assertFalse(sandbox.jira.settings().fieldIds().isEmpty());

            String moved = post(form(xsrf, "save", other.baseUrl().toString(), "")).body();
            assertTrue(moved.contains("Für die neue Jira-Adresse " + other.baseUrl()
                    + " bitte auch den persönlichen Zugriffstoken neu eingeben"), moved);
            assertEquals(jira.jira.baseUrl(), sandbox.jira.settings().baseUrl(), "nothing was saved");
            // Whatever the administrator does next, the old token stays with the old address.
            post(form(xsrf, "test", "", ""));
            post(form(xsrf, "provision", "", ""));
            post(form(xsrf, "sync", "", ""));
            sandbox.delivery.deliverDue(sandbox.jira.client().orElseThrow(), sandbox.jira.settings(), 10);
            assertEquals(List.of(), other.requests(), "not a single request reached the new address");

            // The same address written differently is no new address.
            post(form(xsrf, "save", jira.jira.baseUrl() + "/", ""));
            assertEquals(JiraFixture.TOKEN, sandbox.jira.settings().token());

            String taken = post(form(xsrf, "save", other.baseUrl().toString(), newToken)).body();
            assertTrue(taken.contains("Die Einstellungen sind gespeichert"), taken);
            assertEquals(Map.of(), sandbox.jira.settings().fieldIds(), "the old Jira's field ids do not apply here");
            post(form(xsrf, "test", "", ""));
            assertFalse(other.requests().isEmpty());
            assertTrue(other.requests().stream().allMatch(r -> r.user().equals("neuer-token")), other.requests()
                    .toString());
        }
    }

    @Test
    void theConnectionTestSaysWhatIsWrong() throws Exception {
        String xsrf = token(get("admin").body());
        post(form(xsrf, "save", jira.jira.baseUrl().toString(), "falscher-token-1234567890"));
        assertTrue(post(form(xsrf, "test", "", "")).body().contains("401"), "a refused token says 401");
        post(form(xsrf, "save", jira.jira.baseUrl().toString(), JiraFixture.READER_TOKEN));
        String reader = post(form(xsrf, "provision", "", "")).body();
        assertTrue(reader.contains("Nicht angelegt") && reader.contains("403"), reader);
        String readerTest = post(form(xsrf, "test", "", "")).body();
        assertTrue(readerTest.contains("verrät leser nicht, wer welches Projekt durchsuchen darf"), readerTest);
        jira.jira.stop();
        String down = post(form(xsrf, "test", "", "")).body();
        assertTrue(down.contains(jira.jira.baseUrl().getHost()) || down.contains("erreichbar"), down);
        String bad = post(form(xsrf, "save", "ftp://jira", "x")).body();
        assertTrue(bad.contains("keine gültige http(s)-Adresse"), bad);
    }
}
