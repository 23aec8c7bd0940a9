package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.ConnectionCheck;
import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Item;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Outcome;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.testing.jira.JiraDouble;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JiraProvisioningTest {
    private final JiraSetup setup = new JiraSetup();

    @AfterEach
    void close() {
        setup.close();
    }

    @Test
    void createsWhatIsMissingAndTwiceChangesNothing() {
        ProvisioningReport first = new Provisioning(setup.fixture.client, setup.settingsStore).run();
        assertTrue(first.complete(), first.toString());
        assertEquals(3 + ProfileField.values().length + 2, first.count(Outcome.CREATED));
        assertEquals(ProfileField.values().length, setup.settings().fieldIds().size(), "field ids remembered");

        setup.fixture.jira.resetCounts();
        ProvisioningReport second = new Provisioning(setup.fixture.client, setup.settingsStore).run();
        assertEquals(0, second.count(Outcome.CREATED));
        assertEquals(first.items().size(), second.count(Outcome.FOUND));
        assertTrue(setup.fixture.jira.requests().stream().noneMatch(r -> r.method().equals("POST")),
                "nothing is created the second time");
    }

    @Test
    void aTargetProjectOnASchemeOfItsOwnGetsTheTypesAddedToItsScheme() {
        JiraDouble jira = setup.fixture.jira;
        String schemeId = jira.createIssueTypeScheme("DIGI: Kanban", List.of("Task", "Bug"), "DIGI");
        ProvisioningReport report = new Provisioning(setup.fixture.client, setup.settingsStore).run();
        assertTrue(report.complete(), report.toString());
        assertEquals(List.of("Task", "Bug", Provisioning.PROJECT_TYPE, Provisioning.DECISION_TYPE,
                Provisioning.INPUT_TYPE), jira.projectIssueTypes("DIGI"), "the scheme keeps its own types, in order");
        assertEquals(List.of(Message.of("cockpit.admin.provision.type-added", "DIGI", Provisioning.PROJECT_TYPE,
                        "DIGI: Kanban"), Message.of("cockpit.admin.provision.type-added", "DIGI",
                        Provisioning.DECISION_TYPE, "DIGI: Kanban"), Message.of("cockpit.admin.provision.type-added",
                        "DIGI", Provisioning.INPUT_TYPE, "DIGI: Kanban")),
                report.items().stream().filter(i -> i.kind().equals("project-issuetype")).map(Item::line).toList());
        assertEquals(1, jira.count("PUT /rest/api/2/issuetypescheme/{key}"));
        assertEquals("/rest/api/2/issuetypescheme/" + schemeId, jira.requests("PUT /rest/api/2/issuetypescheme/{key}")
                .get(0).path());
        // The outbox's issues are taken there now.
        assertEquals("DIGI-1", setup.fixture.client.createIssue(Map.of("project", Map.of("key", "DIGI"), "issuetype",
                Map.of("name", Provisioning.DECISION_TYPE), "summary", "LK-2026-1: Beschluss")).key());

        jira.resetCounts();
        ProvisioningReport again = new Provisioning(setup.fixture.client, setup.settingsStore).run();
        assertEquals(0, again.count(Outcome.CREATED));
        assertEquals(0, jira.count("PUT /rest/api/2/issuetypescheme/{key}"), "twice changes nothing");
    }

    @Test
    void whatSetupCannotAddIsNamedProjectByProjectBeforeAnyDeliveryFails() {
        JiraDouble jira = setup.fixture.jira;
        new Provisioning(setup.fixture.client, setup.settingsStore).run();
        jira.createProject("ORG", "Organisation");
        jira.createIssueTypeScheme("ORG: Service", List.of("Task"), "ORG");
        setup.settingsStore.save(jira.baseUrl().toString(), "", "project in (DIGI, ORG) AND issuetype = Digitalprojekt",
                "ORG");

        // The connection test names each type the projects lack, though Jira has them all.
        JiraConnector connector = new JiraConnector(setup.settingsStore, connection -> setup.fixture.client);
        ConnectionCheck check = connector.test();
        assertFalse(check.ok());
        assertEquals(List.of(
                Message.of("cockpit.jira.check.type-not-in-project", "ORG", Provisioning.PROJECT_TYPE),
                Message.of("cockpit.jira.check.type-not-in-project", "ORG", Provisioning.DECISION_TYPE),
                Message.of("cockpit.jira.check.type-not-in-project", "ORG", Provisioning.INPUT_TYPE)),
                check.findings().stream().filter(m -> m.key().equals("cockpit.jira.check.type-not-in-project")).toList());

        // Set up with a token whose user may not change issue type schemes: named, project by project.
        ProvisioningReport report = new Provisioning(setup.fixture.client(JiraFixture.READER_TOKEN),
                setup.settingsStore).run();
        List<Item> inProjects = report.items().stream().filter(i -> i.kind().equals("project-issuetype")).toList();
        assertEquals(List.of(
                Message.of("cockpit.jira.check.type-not-in-project", "ORG", Provisioning.PROJECT_TYPE),
                Message.of("cockpit.jira.check.type-not-in-project", "ORG", Provisioning.DECISION_TYPE),
                Message.of("cockpit.jira.check.type-not-in-project", "ORG", Provisioning.INPUT_TYPE),
                Message.of("cockpit.admin.provision.type-in-project", "DIGI", Provisioning.PROJECT_TYPE)),
                inProjects.stream().map(Item::line).toList());
        assertTrue(inProjects.subList(0, 3).stream().allMatch(i -> i.outcome() == Outcome.FAILED
                && i.problem().key().equals("cockpit.jira.error.forbidden")), inProjects.toString());
        assertEquals(List.of("Task"), jira.projectIssueTypes("ORG"), "nothing changed");

        // An administrator's setup fixes it; then the connection test is content.
        assertTrue(new Provisioning(setup.fixture.client, setup.settingsStore).run().complete());
        assertTrue(connector.test().ok(), connector.test().toString());
    }

    @Test
    void missingAdminRightsAreReportedItemByItem() {
        ProvisioningReport report = new Provisioning(setup.fixture.client(JiraFixture.READER_TOKEN),
                setup.settingsStore).run();
        assertFalse(report.complete());
        assertEquals(report.items().size(), report.count(Outcome.FAILED));
        assertEquals("cockpit.jira.error.forbidden", report.items().get(0).problem().key());
    }
}
