package de.digitalstrategie.cockpit.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewer's first look at the portfolio once Jira is connected, over real HTTP in the sandbox
 * against the Jira double: the page view asks Jira once and says what it does not know yet, the
 * files are refused rather than handed out short, and the run the view asked the host's scheduler
 * for (run here by {@link Sandbox#settle()}) makes the next view complete.
 */
class JiraBrowseAccessPagesTest {
    private static final String SEARCH = "GET /rest/api/2/user/permission/search";
    private static final String NOTICE = "3 Jira-Projekte werden noch mit Jira abgeglichen";
    private static final Pattern STATUS_NOTICE = Pattern.compile(
            "<div class=\"aui-message aui-message-warning cockpit-notice\" role=\"status\"><p>([^<]*)</p></div>");
    @TempDir
    Path data;
    private final MovableClock clock = new MovableClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private JiraFixture jira;
    private Sandbox sandbox;
    private SandboxServer server;
    private long overview;
    private long profile;

    @BeforeEach
    void start() {
        jira = new JiraFixture();
        sandbox = new Sandbox(Database.h2Memory("b" + UUID.randomUUID().toString().replace("-", "")), data, clock);
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
        // Four Jira projects in the mirror; the CDO may browse them all in Jira, the staff member one.
        for (String key : List.of("DIGI", "ORG", "SCHUL", "VERK")) {
            jira.jira.createProject(key, "Projekt " + key);
            jira.jira.grantBrowse(key, "cdo");
            sandbox.projects.save(project(key + "-1"));
        }
        jira.jira.grantBrowse("DIGI", "mitarbeiterin");
        overview = sandbox.pages.create("DIGI", "Übersicht", macro("digital-portfolio", Map.of(), null)
                + macro("digital-roadmap", Map.of(), null), Set.of(), "portfolio").getId();
        profile = sandbox.pages.create("DIGI", "Steckbrief", macro("project-profile", Map.of("key", "ORG-1"), null),
                Set.of(), "profile").getId();
    }

    @AfterEach
    void stop() {
        server.close();
        sandbox.close();
        jira.close();
    }

    private void connect() {
        sandbox.jiraSettings.save(jira.jira.baseUrl().toString(), JiraFixture.TOKEN, JiraSettings.DEFAULT_JQL, "DIGI");
    }

    private static DigitalProject project(String key) {
        return new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)), 100_00, 0, ProjectStatus.RUNNING,
                Phase.IMPLEMENTATION, Health.GREEN, "it", "3.1", Instant.parse("2026-11-20T10:00:00Z"));
    }

    private HttpResponse<String> get(String path, String as) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path
                + (path.contains("?") ? "&" : "?") + "as=" + as + "&lang=de")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String page(long id, String as) throws Exception {
        HttpResponse<String> r = get("/pages/viewpage.action?pageId=" + id, as);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    private static List<String> notices(String html) {
        return STATUS_NOTICE.matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theFirstViewSaysWhatJiraHasNotAnsweredAndTheNextIsComplete() throws Exception {
        connect();
        String first = page(overview, "cdo");
        assertEquals(1, jira.jira.count(SEARCH), "the page view asked Jira once, for both macros");
        assertEquals(List.of(NOTICE + ": Jira hat noch nicht beantwortet, ob Sie sie sehen dürfen. Bis dahin sind "
                        + "die Übersicht und die Summen unvollständig, und die Downloads stehen noch nicht bereit. "
                        + "Bitte laden Sie die Seite in einigen Sekunden neu.", NOTICE + ": Jira hat noch nicht "
                        + "beantwortet, ob Sie sie sehen dürfen. Bis dahin sind die Übersicht und die Summen "
                        + "unvollständig, und die Downloads stehen noch nicht bereit. Bitte laden Sie die Seite in "
                        + "einigen Sekunden neu."),
                notices(first), "the portfolio and the roadmap each say it, as a status");
        assertTrue(first.contains("Projekte der Auswahl (1)"), "what is known is shown");
        assertFalse(first.contains("/projects/export"), "no download that would be refused");

        // What leaves the page while answers are missing: the query says how much is missing, the files are refused.
        HttpResponse<String> query = get("/rest/cockpit/1.0/projects", "cdo");
        assertEquals(200, query.statusCode());
        assertEquals(3, json(query).path("incomplete").asInt(-1));
        assertEquals(1, json(query).path("projects").path("total").asInt(-1));
        for (String format : List.of("csv", "xlsx")) {
            HttpResponse<String> file = get("/rest/cockpit/1.0/projects/export?format=" + format, "cdo");
            assertEquals(503, file.statusCode(), file.body());
            assertEquals("5", file.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("cockpit.access.unchecked.refused", json(file).path("error").asText());
            assertTrue(json(file).path("message").asText().startsWith(NOTICE + "; die Datei wäre unvollständig"),
                    file.body());
        }
        // One project not shown yet reads the same whether it exists or not: no way to probe.
        for (String key : List.of("ORG-1", "NIX-9")) {
            HttpResponse<String> one = get("/rest/cockpit/1.0/projects/" + key, "cdo");
            assertEquals(503, one.statusCode(), one.body());
            assertEquals("cockpit.access.unchecked.project", json(one).path("error").asText());
        }
        assertEquals(404, get("/rest/cockpit/1.0/projects/kein-schluessel", "cdo").statusCode(),
                "a key no project can have is unknown, whatever Jira answers");
        assertEquals(List.of("Ob Sie das Projekt ORG-1 sehen dürfen, wird noch mit Jira abgeglichen. Bitte laden "
                + "Sie die Seite in einigen Sekunden neu."), notices(page(profile, "cdo")));
        assertEquals(1, jira.jira.count(SEARCH), "none of these asked Jira again");

        // The view asked the host's scheduler for a run on this node at once.
        sandbox.settle();
        assertEquals(4, jira.jira.count(SEARCH), "the three missing answers, asked off the page");

        String next = page(overview, "cdo");
        assertEquals(List.of(), notices(next));
        assertTrue(next.contains("Projekte der Auswahl (4)"), next);
        assertTrue(next.contains("/rest/cockpit/1.0/projects/export?format=csv"), "the downloads are back");
        JsonNode complete = json(get("/rest/cockpit/1.0/projects", "cdo"));
        assertEquals(0, complete.path("incomplete").asInt(-1));
        assertEquals(4, complete.path("projects").path("total").asInt(-1));
        HttpResponse<String> csv = get("/rest/cockpit/1.0/projects/export?format=csv", "cdo");
        assertEquals(200, csv.statusCode());
        assertEquals(1 + 4, csv.body().split("\r\n").length, "a header and every project");
        assertEquals(200, get("/rest/cockpit/1.0/projects/ORG-1", "cdo").statusCode());
        assertEquals(404, get("/rest/cockpit/1.0/projects/NIX-9", "cdo").statusCode());
        assertTrue(page(profile, "cdo").contains("Projekt ORG-1"));
        assertEquals(4, jira.jira.count(SEARCH), "fresh answers: no view asked Jira");
    }

    @Test
    void eachViewerWaitsOnlyForHisOwnAnswers() throws Exception {
        connect();
        page(overview, "cdo");
        sandbox.settle();
        assertEquals(List.of(), notices(page(overview, "cdo")));

        String staff = page(overview, "mitarbeiterin");
        assertEquals(2, notices(staff).size(), "a new viewer's answers are missing, the CDO's are not");
        assertEquals(5, jira.jira.count(SEARCH));
        sandbox.settle();
        String settled = page(overview, "mitarbeiterin");
        assertEquals(List.of(), notices(settled));
        assertTrue(settled.contains("Projekte der Auswahl (1)"), "the one Jira project she may browse");
        assertEquals(8, jira.jira.count(SEARCH), "one question per viewer and Jira project");
    }

    @Test
    void aColdViewOverFiftyJiraProjectsAsksJiraOnce() throws Exception {
        // Fifty Jira projects in the mirror (the four of every test and 46 more), all of them the CDO's to browse.
        for (int i = 1; i <= 46; i++) {
            String key = "P" + i;
            jira.jira.createProject(key, "Projekt " + i);
            jira.jira.grantBrowse(key, "cdo");
            sandbox.projects.save(project(key + "-1"));
        }
        connect();
        String first = page(overview, "cdo");
        assertEquals(1, jira.jira.count(SEARCH), "the render path asked Jira once, not once per Jira project");
        assertEquals(1, jira.jira.requests().size(), "and nothing else");
        assertTrue(notices(first).get(0).startsWith("49 Jira-Projekte werden noch mit Jira abgeglichen"),
                notices(first).toString());
        sandbox.settle();
        assertEquals(50, jira.jira.count(SEARCH), "the other 49, asked off the page");
        String next = page(overview, "cdo");
        assertEquals(List.of(), notices(next));
        assertTrue(next.contains("Projekte der Auswahl (50)"), next);
        assertEquals(50, jira.jira.count(SEARCH), "fresh answers: the next view asked nothing");
    }

    @Test
    void withoutAJiraConnectionNothingIsSaidToBeMissing() throws Exception {
        String html = page(overview, "cdo");
        assertEquals(List.of(), notices(html), "the demo mirror, all shown: nothing a reload would change");
        assertTrue(html.contains("Projekte der Auswahl (4)"));
        assertEquals(200, get("/rest/cockpit/1.0/projects/export?format=csv", "cdo").statusCode());
        assertEquals(0, jira.jira.count(SEARCH));
    }
}
