package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.evidence.Rule;
import de.digitalstrategie.cockpit.evidence.store.Acknowledgements;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Completed while its Jira issue is still open", against the Jira double through the real sync:
 * the mirror keeps the issue's status category as the project's status (done: finished, in
 * progress: running, to do: planned), the phase as the profile's field reports it; the flag
 * follows the issue across syncs, and a new status is a new occurrence. On every database.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class EvidenceJiraTest {
    private final StoreFixture store;
    private final JiraSetup jira = new JiraSetup().provisioned();
    private final ProjectSync sync;
    private final EvidenceFlags flags;

    EvidenceJiraTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target, jira.fixture.jira.clock());
        for (int i = 1; i <= 6; i++) {
            store.organisation.save(new FieldOfAction("3." + i, "Feld " + i, "Feld " + i, i, ""));
        }
        this.sync = store.bean(ProjectSync.class);
        this.flags = store.bean(EvidenceFlags.class);
    }

    @AfterEach
    void close() {
        jira.close();
        store.close();
    }

    private void syncLater() {
        jira.fixture.jira.advance(Duration.ofMinutes(15));
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
    }

    private List<EvidenceFlags.Shown> completedOpen() {
        return flags.open(Set.of("DIGI")).stream().filter(s -> s.flag().rule() == Rule.COMPLETED_OPEN).toList();
    }

    @Test
    void theFlagFollowsTheIssuesStatusCategory() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 2, jira::profile);
        syncLater();
        assertEquals(List.of(), completedOpen());

        // The owner reports the project completed in the profile's field; the issue is still "Open".
        String phase = jira.settings().fieldIds().get(ProfileField.PHASE);
        jira.fixture.client.updateIssue("DIGI-1", Map.of(phase, "Abgeschlossen"));
        syncLater();
        List<EvidenceFlags.Shown> open = completedOpen();
        assertEquals(1, open.size());
        assertEquals(Message.of("cockpit.evidence.reason.completed", Phase.COMPLETED.label(), "DIGI-1",
                ProjectStatus.PLANNED.label()), open.get(0).flag().reason());
        store.bean(Acknowledgements.class).acknowledge(Rule.COMPLETED_OPEN, "DIGI-1", open.get(0).flag().occurrence(),
                "Abnahme steht aus", "cdo");
        assertTrue(completedOpen().get(0).acknowledged());

        // In progress in Jira: still not done, and a new occurrence, which the acknowledgement does not cover.
        jira.fixture.jira.transition("DIGI-1", "In Progress");
        syncLater();
        open = completedOpen();
        assertEquals(1, open.size());
        assertEquals(Message.of("cockpit.evidence.reason.completed", Phase.COMPLETED.label(), "DIGI-1",
                ProjectStatus.RUNNING.label()), open.get(0).flag().reason());
        assertFalse(open.get(0).acknowledged());

        // Done in Jira: the reported status matches the issue, the flag ends.
        jira.fixture.jira.transition("DIGI-1", "Done");
        syncLater();
        assertEquals(List.of(), completedOpen());
        assertEquals(ProjectStatus.FINISHED, store.projects.find("DIGI-1").orElseThrow().status());
    }
}
