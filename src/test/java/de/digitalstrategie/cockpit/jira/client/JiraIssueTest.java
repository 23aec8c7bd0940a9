package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import de.digitalstrategie.cockpit.testing.jira.StoredLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An issue created, changed, linked and read back, and what Jira says when it refuses. */
class JiraIssueTest {
    private final JiraFixture fixture = new JiraFixture();
    private final JiraClient client = fixture.client;
    private final String budget;

    JiraIssueTest() {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        fixture.jira.createIssueType("Digitalprojekt");
        budget = fixture.jira.createCustomField("Budget (EUR)", "com.atlassian.jira.plugin.system.customfieldtypes:float");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, Object> project(String summary) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", "DIGI"));
        fields.put("issuetype", Map.of("name", "Digitalprojekt"));
        fields.put("summary", summary);
        return fields;
    }

    @Test
    void anIssueIsCreatedChangedLinkedAndReadBack() {
        Map<String, Object> fields = project("Digitales Bauamt");
        fields.put("description", "Bauanträge online stellen und verfolgen");
        fields.put("labels", List.of("ozg", "bauen"));
        fields.put(budget, 250000.0);
        CreatedIssue created = client.createIssue(fields);
        assertEquals("DIGI-1", created.key());
        Instant createdAt = fixture.jira.now();

        JiraIssue read = client.issue("DIGI-1", List.of());
        assertEquals(created.id(), read.id());
        assertEquals("Digitales Bauamt", read.text("summary"));
        assertEquals("Bauanträge online stellen und verfolgen", read.text("description"));
        assertEquals("Digitalprojekt", read.issueTypeName());
        assertEquals("DIGI", read.projectKey());
        assertEquals(List.of("ozg", "bauen"), read.labels());
        assertEquals(250000.0, read.fields().get(budget).asDouble());
        assertEquals(createdAt, read.updated());

        fixture.jira.advance(Duration.ofMinutes(5));
        client.updateIssue("DIGI-1", Map.of("summary", "Digitales Bauamt 2.0", budget, 300000.0));
        JiraIssue changed = client.issue("DIGI-1", List.of("summary", "updated", budget));
        assertEquals("Digitales Bauamt 2.0", changed.text("summary"));
        assertEquals("300000.0", changed.text(budget));
        assertEquals(createdAt.plus(Duration.ofMinutes(5)), changed.updated());
        assertEquals(3, changed.fields().size(), "only the fields asked for");

        CreatedIssue other = client.createIssue(project("E-Akte"));
        client.link("Blocks", "DIGI-1", other.key());
        assertEquals(List.of(new StoredLink("Blocks", "DIGI-1", "DIGI-2")), fixture.jira.links());
        assertEquals(List.of("DIGI-2"), client.issue("DIGI-1", List.of("issuelinks")).linkedKeys());
        assertEquals(List.of("DIGI-1"), client.issue("DIGI-2", List.of("issuelinks")).linkedKeys());
    }

    @Test
    void withoutUpdatedAmongTheFieldsAnIssueHasNoUpdatedButStillItsProject() {
        client.createIssue(project("Digitales Bauamt"));
        JiraIssue read = client.issue("DIGI-1", List.of("summary"));
        assertNull(read.updated());
        assertEquals("DIGI", read.projectKey());
        assertEquals(List.of(), read.labels());
        assertEquals("", read.text("description"));
    }

    @Test
    void aMissingSummaryIsABadRequestWithJirasFieldError() {
        Map<String, Object> fields = project("x");
        fields.remove("summary");
        JiraBadRequestException e = assertThrows(JiraBadRequestException.class, () -> client.createIssue(fields));
        assertEquals(400, e.status());
        assertEquals(Map.of("summary", "You must specify a summary of the issue."), e.errors());
        assertEquals("cockpit.jira.error.bad-request", e.userMessage().key());
        assertEquals(List.of("summary: You must specify a summary of the issue."), e.userMessage().args());
        assertTrue(e.getMessage().contains("POST /rest/api/2/issue answered 400"), e.getMessage());
        assertEquals(1, fixture.jira.count("POST /rest/api/2/issue"), "a 400 is never retried");
    }

    @Test
    void aFieldJiraDoesNotKnowIsRefused() {
        Map<String, Object> fields = project("x");
        fields.put("customfield_99999", "?");
        JiraBadRequestException e = assertThrows(JiraBadRequestException.class, () -> client.createIssue(fields));
        assertEquals("Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
                e.errors().get("customfield_99999"));
    }

    @Test
    void anUnknownIssueIsNotFound() {
        JiraNotFoundException read = assertThrows(JiraNotFoundException.class, () -> client.issue("DIGI-404", List.of()));
        assertEquals(List.of("Issue Does Not Exist"), read.errorMessages());
        assertEquals(List.of("Issue Does Not Exist"), read.userMessage().args());
        assertThrows(JiraNotFoundException.class, () -> client.updateIssue("DIGI-404", Map.of("summary", "x")));
        assertThrows(JiraNotFoundException.class, () -> client.link("Blocks", "DIGI-404", "DIGI-405"));
        assertEquals(3, fixture.jira.requests().size(), "a 404 is never retried");
    }

    @Test
    void jirasDatesAreReadWithAndWithoutFractionsAndInEveryOffsetNotation() {
        Instant expected = Instant.parse("2026-11-20T09:15:30Z");
        for (String text : List.of("2026-11-20T10:15:30.000+0100", "2026-11-20T10:15:30+01:00",
                "2026-11-20T09:15:30.000Z", "2026-11-20T10:15:30.0+01", "2026-11-20T04:15:30.000-0500")) {
            assertEquals(expected, JiraIssue.parseDateTime(text), text);
        }
        assertThrows(DateTimeParseException.class, () -> JiraIssue.parseDateTime("20.11.2026 10:15"));
    }
}
