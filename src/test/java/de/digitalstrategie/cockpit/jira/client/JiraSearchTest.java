package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import de.digitalstrategie.cockpit.testing.jira.LoggedRequest;
import de.digitalstrategie.cockpit.testing.jira.StoredIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging as Jira grants it, and the scan that reads past Jira's 10,000-result window. */
class JiraSearchTest {
    private static final String SEARCH = "GET /rest/api/2/search";
    private final JiraFixture fixture = new JiraFixture();
    private final JiraClient client = fixture.client;

    JiraSearchTest() {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        fixture.jira.createProject("ANDERE", "Anderes");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPageSaysWhatJiraGrantedNotWhatWasAsked() {
        fixture.jira.createIssues("DIGI", "Task", 2500, i -> Map.of());
        SearchPage first = client.search("project = DIGI ORDER BY key ASC", 0, 5000, List.of("summary"));
        assertEquals(0, first.startAt());
        assertEquals(1000, first.maxResults());
        assertEquals(2500, first.total());
        assertEquals(1000, first.issues().size());
        assertEquals("DIGI-1", first.issues().get(0).key());
        assertEquals(List.of("summary"), List.copyOf(first.issues().get(0).fields().keySet()));

        SearchPage last = client.search("project = DIGI ORDER BY key ASC", 2000, 5000, List.of());
        assertEquals(2000, last.startAt());
        assertEquals(500, last.issues().size());
        assertEquals("DIGI-2001", last.issues().get(0).key());
    }

    @Test
    void jiraRefusesPagesBeyondItsResultWindowAndJqlItCannotRead() {
        JiraBadRequestException window = assertThrows(JiraBadRequestException.class,
                () -> client.search("project = DIGI", 9500, 1000, List.of()));
        assertTrue(window.firstMessage().contains("10000"), window.firstMessage());
        JiraBadRequestException jql = assertThrows(JiraBadRequestException.class,
                () -> client.search("project = = DIGI", 0, 10, List.of()));
        assertTrue(jql.firstMessage().startsWith("Error in the JQL Query:"), jql.firstMessage());
        assertEquals(2, fixture.jira.count(SEARCH), "a 400 is never retried");
    }

    /**
     * 12,000 issues over 40 minutes, 300 a minute, so a minute straddles the 10,000th result; some
     * early issues are touched later, so low and high keys share minutes (DIGI-2 before DIGI-10).
     */
    @Test
    void aScanDeliversEveryIssueOnceInOrderWithoutEverPagingPastTheResultWindow() {
        for (int minute = 0; minute < 40; minute++) {
            fixture.jira.createIssues("DIGI", "Task", 300, i -> Map.of("labels", List.of("ozg")));
            fixture.jira.advance(Duration.ofSeconds(7));
            for (int k = 2; k <= 10; k += 8) {
                fixture.jira.touch("DIGI-" + (minute * 10 + k));
            }
            fixture.jira.advance(Duration.ofSeconds(53));
        }
        fixture.jira.createIssues("ANDERE", "Task", 50, i -> Map.of("labels", List.of("ozg")));
        List<String> expected = fixture.jira.issues().stream().filter(i -> i.project().equals("DIGI"))
                .sorted(Comparator.comparing(StoredIssue::updated).thenComparing(StoredIssue.BY_KEY))
                .map(StoredIssue::key).toList();
        assertEquals(12_000, expected.size());

        List<String> delivered = new ArrayList<>();
        client.scan("project = DIGI AND labels = ozg", List.of("summary"), 1000, issue -> delivered.add(issue.key()));

        assertSameSequence(expected, delivered);
        List<LoggedRequest> searches = fixture.jira.requests(SEARCH);
        for (LoggedRequest search : searches) {
            int end = search.intParam("startAt", 0) + search.intParam("maxResults", 50);
            assertTrue(end <= 10_000, "asked for results up to " + end);
            assertTrue(search.query().get("jql").endsWith("ORDER BY updated ASC, key ASC"), search.query().get("jql"));
            assertTrue(search.query().get("fields").contains("updated"));
        }
        assertTrue(searches.stream().anyMatch(s -> s.query().get("jql").matches(
                "\\(project = DIGI AND labels = ozg\\) AND updated >= \"2026-11-20 09:\\d\\d\" ORDER BY .*")),
                "a second window, from a minute in the user's zone (UTC+1)");
        assertTrue(searches.size() <= 15, searches.size() + " searches for 12,000 issues");
    }

    /** Reports the first difference rather than two lists of 12,000 keys. */
    private static void assertSameSequence(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "at position " + i);
        }
        assertEquals(expected.size(), actual.size(), "number of issues");
    }

    @Test
    void aScanLosesNothingWhenIssuesChangeOrVanishUnderIt() {
        for (int minute = 0; minute < 5; minute++) {
            fixture.jira.createIssues("DIGI", "Task", 100, i -> Map.of());
            fixture.jira.advance(Duration.ofMinutes(1));
        }
        List<String> before = fixture.jira.issues().stream().map(StoredIssue::key).toList();
        List<String> delivered = new ArrayList<>();
        client.scan("project = DIGI", List.of(), 100, issue -> {
            delivered.add(issue.key());
            if (delivered.size() == 150) {
                // Both move out of the part already read: plain startAt paging would skip an issue each time.
                fixture.jira.touch("DIGI-5");
                fixture.jira.delete("DIGI-7");
            }
        });
        Set<String> seen = new HashSet<>();
        List<String> twice = delivered.stream().filter(key -> !seen.add(key)).toList();
        assertEquals(List.of("DIGI-5"), twice, "the changed issue comes again, in its new state");
        Set<String> skipped = new HashSet<>(before);
        skipped.removeAll(seen);
        assertEquals(Set.of(), skipped);
    }

    @Test
    void aScanThatCannotGetPastOneMinuteSaysSoInsteadOfLooping() {
        fixture.jira.createIssues("DIGI", "Task", 10_050, i -> Map.of());
        List<String> delivered = new ArrayList<>();
        JiraScanException e = assertThrows(JiraScanException.class,
                () -> client.scan("project = DIGI", List.of("summary"), 1000, issue -> delivered.add(issue.key())));
        assertEquals(10_000, delivered.size());
        assertEquals(Set.copyOf(delivered).size(), delivered.size(), "delivered once each up to there");
        assertEquals("cockpit.jira.error.scan-limit", e.userMessage().key());
        assertEquals(List.of("2026-11-20 09:00"), e.userMessage().args());
        assertTrue(fixture.jira.count(SEARCH) <= 25);
    }

    @Test
    void aWindowNeverStartsInTheHourTheClocksAreSetBack() {
        IssueScan scan = new IssueScan(client, "", List.of(), 2, () -> ZoneId.of("Europe/Berlin"));
        assertEquals("2026-11-20 09:15", scan.jqlMinute(Instant.parse("2026-11-20T08:15:59Z")));
        // 02:30 on 2026-10-25 happens twice in Berlin: in summer time (00:30 UTC), then in winter time (01:30 UTC).
        assertEquals("2026-10-25 01:59", scan.jqlMinute(Instant.parse("2026-10-25T00:30:00Z")));
        assertEquals("2026-10-25 01:59", scan.jqlMinute(Instant.parse("2026-10-25T01:30:00Z")));
        assertEquals("2026-10-25 03:00", scan.jqlMinute(Instant.parse("2026-10-25T02:00:00Z")));
    }

    @Test
    void aScanOfNothingEndsAtOnce() {
        List<String> delivered = new ArrayList<>();
        client.scan("project = DIGI", List.of(), 100, issue -> delivered.add(issue.key()));
        assertEquals(List.of(), delivered);
        assertEquals(1, fixture.jira.count(SEARCH));
        assertThrows(IllegalArgumentException.class, () -> client.scan("project = DIGI", List.of(), 1, issue -> { }));
    }
}
