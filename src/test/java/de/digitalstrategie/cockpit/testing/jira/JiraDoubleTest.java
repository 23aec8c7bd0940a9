package de.digitalstrategie.cockpit.testing.jira;

import de.digitalstrategie.cockpit.jira.client.JiraBadRequestException;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.jira.client.JiraNotFoundException;
import de.digitalstrategie.cockpit.jira.client.JiraPermissionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Jira double itself: the JQL it reads, the state it keeps, the failures it stages. */
class JiraDoubleTest {
    private final JiraFixture fixture = new JiraFixture();
    private final JiraDouble jira = fixture.jira;
    private final JiraClient client = fixture.client;

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> keys(String jql) {
        return client.search(jql, 0, 1000, List.of("summary")).issues().stream().map(JiraIssue::key).toList();
    }

    @Test
    void tenThousandIssuesAreCreatedInAFractionOfASecond() {
        jira.createProject("DIGI", "Digitalstrategie");
        long started = System.nanoTime();
        List<String> keys = jira.createIssues("DIGI", "Task", 10_000, i -> Map.of("summary", "Projekt " + i,
                "labels", List.of("ozg")));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(millis < 2000, millis + " ms");
        assertEquals("DIGI-10000", keys.get(9999));
        assertEquals("Projekt 9999", jira.issue("DIGI-10000").text("summary"));
    }

    @Test
    void itReadsTheJqlSubsetWithJirasKeyOrderAndMinutePrecision() {
        jira.createProject("A", "A");
        jira.createProject("B", "B");
        jira.createIssues("A", "Task", 12, i -> Map.of());
        jira.createIssue("A", "Bug", Map.of("labels", List.of("ozg", "bauen")));
        jira.createIssues("B", "Task", 3, i -> Map.of());
        jira.advance(Duration.ofSeconds(90));
        jira.touch("A-2");
        assertEquals(jira.now(), jira.clock().instant());
        assertEquals("2026-11-20T09:01:30.000+0100", jira.jiraDateTime(jira.clock().instant()));

        assertEquals(List.of("A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8", "A-9", "A-10", "A-11", "A-12",
                "A-13"), keys("project = A ORDER BY key ASC"));
        assertEquals(List.of("A-12", "A-13", "B-1", "B-2", "B-3"),
                keys("project in (a, B) AND key in (A-12, A-13, B-1, B-2, B-3) ORDER BY key"));
        assertEquals(List.of("A-13"), keys("issuetype = \"Bug\""));
        assertEquals(List.of("A-13"), keys("issuetype = Bug AND labels = 'bauen'"));
        assertEquals(List.of("A-10", "A-1"), keys("key in (A-1, A-10) ORDER BY key DESC"));
        assertEquals(List.of("B-3", "B-2", "B-1"), keys("project = B"), "no ORDER BY: key descending");

        // Created at 09:00:00 local time (UTC+1), A-2 touched at 09:01:30.
        assertEquals(List.of("A-2"), keys("((project = A)) AND updated >= \"2026-11-20 09:01\" ORDER BY updated ASC"));
        assertEquals(List.of(), keys("project = A AND updated > \"2026-11-20 09:01\""));
        assertEquals(12, keys("project = A AND updated < '2026/11/20 09:01'").size());
        assertEquals(13, keys("project = A AND created >= 2026-11-20").size());
        List<String> byUpdated = keys("project = A ORDER BY updated ASC, key ASC");
        assertEquals("A-2", byUpdated.get(byUpdated.size() - 1));
        assertEquals(List.of("A-1", "A-3"), byUpdated.subList(0, 2));
    }

    @Test
    void jqlItCannotReadIsABadRequestInJirasWords() {
        jira.createProject("A", "A");
        Map<String, String> refusals = Map.of(
                "project = A OR project = B", "Error in the JQL Query: 'OR' is not supported by the Jira double.",
                "project = = A", "Error in the JQL Query: Expecting a value for 'project'",
                "summary ~ Bauamt", "Field 'summary' does not exist or you do not have permission to view it.",
                "project = NOPE", "The value 'NOPE' does not exist for the field 'project'.",
                "issuetype = Epos", "The value 'Epos' does not exist for the field 'issuetype'.",
                "key = A-999", "An issue with key 'A-999' does not exist for field 'key'.",
                "updated >= \"20.11.2026\"", "Date value '20.11.2026' for field 'updated' is invalid.",
                "project = A ORDER BY summary", "Error in the JQL Query: The Jira double cannot sort by 'summary'.",
                "project = \"A", "Error in the JQL Query: The quoted string starting at character 11");
        refusals.forEach((jql, message) -> {
            JiraBadRequestException e = assertThrows(JiraBadRequestException.class, () -> keys(jql), jql);
            assertTrue(e.firstMessage().startsWith(message), jql + " → " + e.firstMessage());
        });
    }

    @Test
    void searchCapsPagesAtTheConfiguredLimit() {
        try (JiraFixture small = new JiraFixture(JiraDouble.builder().searchLimit(50))) {
            small.jira.createProject("A", "A");
            small.jira.createIssues("A", "Task", 120, i -> Map.of());
            var page = small.client.search("project = A", 100, 100, List.of());
            assertEquals(50, page.maxResults());
            assertEquals(20, page.issues().size());
            assertEquals(120, page.total());
        }
    }

    @Test
    void aMovedIssueGetsANewKeyAndKeepsItsLinksADeletedOneTakesThemAlong() {
        jira.createProject("A", "A");
        jira.createProject("B", "B");
        jira.createIssues("A", "Task", 3, i -> Map.of());
        jira.link("Blocks", "A-1", "A-2");
        jira.link("Relates", "A-3", "A-1");
        jira.advance(Duration.ofMinutes(3));

        String moved = jira.move("A-1", "B");
        assertEquals("B-1", moved);
        assertThrows(JiraNotFoundException.class, () -> client.issue("A-1", List.of()));
        JiraIssue read = client.issue("B-1", List.of("project", "updated", "issuelinks"));
        assertEquals("B", read.projectKey());
        assertEquals(jira.now(), read.updated());
        assertEquals(List.of("A-2", "A-3"), read.linkedKeys());
        assertEquals(List.of(new StoredLink("Blocks", "B-1", "A-2"), new StoredLink("Relates", "A-3", "B-1")),
                jira.links());

        jira.delete("B-1");
        assertEquals(List.of(), jira.links());
        assertEquals(List.of(), client.issue("A-2", List.of("issuelinks")).linkedKeys());
        assertEquals(List.of("A-2", "A-3"), jira.issues().stream().map(StoredIssue::key).toList());
    }

    @Test
    void aFaultForAPathHitsOnlyThatPathAndTheLogCountsEveryRequest() {
        jira.createProject("A", "A");
        jira.failNext(1, Fault.status(500), "/rest/api/2/search");
        client.myself();
        assertEquals(List.of(), fixture.pause.pauses());
        client.search("project = A", 0, 10, List.of());
        assertEquals(1, fixture.pause.pauses().size());
        assertEquals(Map.of("GET /rest/api/2/myself", 1, "GET /rest/api/2/search", 2), jira.counts());
        LoggedRequest search = jira.requests("GET /rest/api/2/search").get(1);
        assertEquals("/rest/api/2/search", search.path());
        assertEquals("project = A", search.query().get("jql"));
        assertEquals(10, search.intParam("maxResults", 0));
        jira.resetCounts();
        assertEquals(0, jira.count("GET /rest/api/2/search"));
    }

    @Test
    void aStoppedDoubleRefusesConnectionsAndComesBackOnTheSamePortWithItsData() {
        jira.createProject("A", "A");
        jira.createIssues("A", "Task", 2, i -> Map.of());
        int port = jira.port();
        jira.stop();
        jira.stop();
        jira.restart();
        jira.restart();
        assertEquals(port, jira.port());
        assertEquals(2, client.search("project = A", 0, 10, List.of()).total());
    }

    @Test
    void itServesConcurrentWritersWithoutLosingOrDoublingAnIssue() throws Exception {
        jira.createProject("A", "A");
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                results.add(writers.submit(() -> {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        keys.add(client.createIssue(Map.of("project", Map.of("key", "A"),
                                "issuetype", Map.of("name", "Task"), "summary", "parallel " + i)).key());
                    }
                    return keys;
                }));
            }
            Set<String> keys = new HashSet<>();
            for (Future<List<String>> result : results) {
                keys.addAll(result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(200, keys.size());
            assertTrue(keys.contains("A-1") && keys.contains("A-200"));
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void withoutAValidTokenOrTheXsrfHeaderJiraRefusesInItsOwnShape() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI myself = URI.create(jira.baseUrl() + "/rest/api/2/myself");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(myself).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertEquals("{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this "
                + "operation.\"],\"errors\":{}}", anonymous.body());

        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/api/2/issue"))
                        .header("Authorization", "Bearer " + JiraFixture.TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"fields\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, write.statusCode());
        assertTrue(write.body().contains("XSRF check failed"), write.body());
    }

    @Test
    void itFindsWhoMayBrowseAProjectAsJirasUserSearchDoes() throws Exception {
        jira.createProject("DIGI", "Digitalstrategie");
        jira.grantBrowse("DIGI", "anna", "annabelle");
        assertTrue(client.mayBrowse("anna", "DIGI"));
        assertTrue(client.mayBrowse("ANNA", "DIGI"), "user names are case-insensitive");
        assertFalse(client.mayBrowse("ann", "DIGI"), "found by prefix, but not the user");
        jira.revokeBrowse("DIGI", "anna");
        assertFalse(client.mayBrowse("anna", "DIGI"));
        assertThrows(JiraNotFoundException.class, () -> client.mayBrowse("anna", "NOPE"));
        assertThrows(JiraPermissionException.class, () -> fixture.client(JiraFixture.READER_TOKEN)
                .mayBrowse("annabelle", "DIGI"), "only administrators may search other users' permissions");

        HttpResponse<String> noProject = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        jira.baseUrl() + "/rest/api/2/user/permission/search?username=anna&permissions=BROWSE_PROJECTS"))
                .header("Authorization", "Bearer " + JiraFixture.TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noProject.statusCode());
        assertTrue(noProject.body().contains("\"errorMessages\""), noProject.body());
    }
}
