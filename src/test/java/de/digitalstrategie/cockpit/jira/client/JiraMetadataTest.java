package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import de.digitalstrategie.cockpit.testing.jira.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue types, fields, link types and projects: what the cockpit sets up in Jira and reads back. */
class JiraMetadataTest {
    private final JiraFixture fixture = new JiraFixture();
    private final JiraClient client = fixture.client;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void myselfNamesTheTokensUserAndTheZoneItsJqlDatesAreReadIn() {
        JiraUser me = client.myself();
        assertEquals("cockpit", me.name());
        assertEquals("cockpit", me.displayName());
        assertFalse(me.key().isEmpty());
        assertEquals(ZoneId.of("Europe/Berlin"), me.timeZone());
    }

    @Test
    void issueTypesRoundTrip() {
        assertTrue(client.issueTypes().stream().anyMatch(t -> t.name().equals("Sub-task") && t.subtask()));
        JiraIssueType created = client.createIssueType("Digitalprojekt", "Ein Projekt der Digitalstrategie");
        assertEquals("Digitalprojekt", created.name());
        assertEquals("Ein Projekt der Digitalstrategie", created.description());
        assertFalse(created.subtask());
        assertTrue(client.issueTypes().contains(created));

        // A name Jira has already is a 409: no type of its own, the client reports the status.
        JiraException twice = assertThrows(JiraException.class, () -> client.createIssueType("Digitalprojekt", ""));
        assertEquals(409, twice.status());
        assertEquals("cockpit.jira.error.status", twice.userMessage().key());
        assertEquals("name: An issue type with this name already exists.", twice.firstMessage());
    }

    @Test
    void customFieldsRoundTrip() {
        assertTrue(client.fields().stream().anyMatch(f -> f.id().equals("summary") && !f.custom()));
        JiraField budget = client.createCustomField("Budget (EUR)", "Geplantes Budget",
                "com.atlassian.jira.plugin.system.customfieldtypes:float",
                "com.atlassian.jira.plugin.system.customfieldtypes:exactnumber");
        assertTrue(budget.id().matches("customfield_100\\d\\d"), budget.id());
        assertEquals(new JiraField(budget.id(), "Budget (EUR)", true, "number"), budget);
        assertTrue(client.fields().contains(budget));
    }

    @Test
    void linkTypesRoundTrip() {
        assertTrue(client.linkTypes().stream().anyMatch(t -> t.name().equals("Blocks")));
        JiraLinkType created = client.createLinkType("Beschluss", "ist beschlossen durch", "beschließt");
        assertEquals(new JiraLinkType(created.id(), "Beschluss", "ist beschlossen durch", "beschließt"), created);
        assertTrue(client.linkTypes().contains(created));
    }

    @Test
    void issueTypeSchemesDecideWhichTypesAProjectOffers() {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        fixture.jira.createProject("SCRUM", "Agile Teams");
        String schemeId = fixture.jira.createIssueTypeScheme("SCRUM: Scrum", List.of("Story", "Bug"), "SCRUM");
        JiraIssueType created = client.createIssueType("Digitalprojekt", "");

        List<JiraIssueTypeScheme> schemes = client.issueTypeSchemes();
        assertEquals(List.of("Default Issue Type Scheme", "SCRUM: Scrum"), schemes.stream()
                .map(JiraIssueTypeScheme::name).toList());
        assertTrue(schemes.get(0).issueTypes().contains(created), "a new type joins the default scheme");
        JiraIssueTypeScheme scrum = schemes.get(1);
        assertEquals(List.of("Story", "Bug"), scrum.issueTypes().stream().map(JiraIssueType::name).toList());
        assertEquals(scrum.issueTypes().get(0).id(), scrum.defaultIssueTypeId());
        assertEquals(List.of("SCRUM"), client.issueTypeSchemeProjects(schemeId));
        assertTrue(client.creatableIssueTypes("DIGI").contains(created));
        assertFalse(client.creatableIssueTypes("SCRUM").contains(created), "and no other scheme");

        // Jira refuses an issue of a type the project's scheme lacks, though Jira has the type.
        JiraBadRequestException refused = assertThrows(JiraBadRequestException.class, () -> client.createIssue(Map.of(
                "project", Map.of("key", "SCRUM"), "issuetype", Map.of("name", "Digitalprojekt"), "summary", "E-Akte")));
        assertEquals(Map.of("issuetype", "The issue type selected is invalid."), refused.errors());

        client.setIssueTypes(scrum, List.of(scrum.issueTypes().get(0).id(), scrum.issueTypes().get(1).id(),
                created.id()));
        JiraIssueTypeScheme after = client.issueTypeSchemes().get(1);
        assertEquals(List.of("Story", "Bug", "Digitalprojekt"), after.issueTypes().stream().map(JiraIssueType::name)
                .toList());
        assertEquals(new JiraIssueTypeScheme(scrum.id(), scrum.name(), scrum.description(), scrum.defaultIssueTypeId(),
                after.issueTypes()), after, "name, description and default stay");
        assertEquals("SCRUM-1", client.createIssue(Map.of("project", Map.of("key", "SCRUM"), "issuetype",
                Map.of("name", "Digitalprojekt"), "summary", "E-Akte")).key());
        assertThrows(JiraPermissionException.class, () -> fixture.client(JiraFixture.READER_TOKEN).issueTypeSchemes(),
                "schemes are for Jira administrators");
    }

    @Test
    void theCreateMetadataIsReadPageByPage() {
        fixture.jira.createProject("DIGI", "Digitalstrategie");
        for (int i = 0; i < 60; i++) {
            fixture.jira.createIssueType("Typ " + i);
        }
        List<JiraIssueType> types = client.creatableIssueTypes("DIGI");
        assertEquals(65, types.size());
        assertEquals(2, fixture.jira.count("GET /rest/api/2/issue/createmeta/{key}/issuetypes"), "50 to a page");
        assertThrows(JiraNotFoundException.class, () -> client.creatableIssueTypes("NOPE"));
    }

    @Test
    void aProjectIsReadByKeyAndAnUnknownOneIsNotFound() {
        String id = fixture.jira.createProject("DIGI", "Digitalstrategie");
        assertEquals(new JiraProject(id, "DIGI", "Digitalstrategie"), client.project("DIGI"));
        JiraNotFoundException e = assertThrows(JiraNotFoundException.class, () -> client.project("NOPE"));
        assertEquals(List.of("No project could be found with key 'NOPE'."), e.errorMessages());
        assertEquals("GET /rest/api/2/project/NOPE", e.request());
    }

    @Test
    void onlyAnAdministratorMayCreateMetadataButAnyoneMayReadIt() {
        JiraClient reader = fixture.client(JiraFixture.READER_TOKEN);
        assertFalse(reader.issueTypes().isEmpty());
        List<Runnable> writes = List.of(
                () -> reader.createIssueType("Digitalprojekt", ""),
                () -> reader.createCustomField("Budget", "", "com.atlassian.jira.plugin.system.customfieldtypes:float",
                        "com.atlassian.jira.plugin.system.customfieldtypes:exactnumber"),
                () -> reader.createLinkType("Beschluss", "ist beschlossen durch", "beschließt"));
        for (Runnable write : writes) {
            JiraPermissionException e = assertThrows(JiraPermissionException.class, write::run);
            assertEquals(403, e.status());
            assertTrue(e.firstMessage().contains("Administrator privileges are required"), e.firstMessage());
            assertEquals("cockpit.jira.error.forbidden", e.userMessage().key());
        }
        assertTrue(fixture.pause.pauses().isEmpty(), "a 403 is never retried");
    }

    @Test
    void everyRequestSaysWhatItAcceptsAndWritesPassJirasXsrfCheck() {
        client.issueTypes();
        client.createIssueType("Digitalprojekt", "");
        LoggedRequest read = fixture.jira.requests("GET /rest/api/2/issuetype").get(0);
        assertEquals("application/json", read.headers().get("accept"));
        assertFalse(read.headers().containsKey("x-atlassian-token"));
        LoggedRequest write = fixture.jira.requests("POST /rest/api/2/issuetype").get(0);
        assertEquals("application/json", write.headers().get("accept"));
        assertEquals("application/json", write.headers().get("content-type"));
        assertEquals("no-check", write.headers().get("x-atlassian-token"));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlDoesNoHarm() {
        JiraClient slashed = fixture.client(URI.create(fixture.jira.baseUrl() + "/"), JiraFixture.TOKEN);
        assertEquals("cockpit", slashed.myself().name());
        assertEquals("/rest/api/2/myself", fixture.jira.requests().get(0).path());
    }
}
