package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.ProfileField;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Outcome;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
    void missingAdminRightsAreReportedItemByItem() {
        ProvisioningReport report = new Provisioning(setup.fixture.client(JiraFixture.READER_TOKEN),
                setup.settingsStore).run();
        assertFalse(report.complete());
        assertEquals(report.items().size(), report.count(Outcome.FAILED));
        assertEquals("cockpit.jira.error.forbidden", report.items().get(0).problem().key());
    }
}
