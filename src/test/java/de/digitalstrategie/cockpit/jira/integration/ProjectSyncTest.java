package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.jira.sync.SyncStatus;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.testing.jira.StoredIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portfolio mirror against a Jira of 10,000 project issues, on every database. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ProjectSyncTest {
    private static final int ISSUES = 10_000;
    private final StoreFixture store;
    private final JiraSetup jira = new JiraSetup().provisioned();
    private final ProjectSync sync;

    ProjectSyncTest(DatabaseTarget target) {
        // The plugin's clock is the double's: "changed since" is then exact for the test.
        this.store = StoreFixture.on(target, jira.fixture.jira.clock());
        for (int i = 1; i <= 6; i++) {
            store.organisation.save(new FieldOfAction("3." + i, "Feld " + i, "Field " + i, i, ""));
        }
        this.sync = store.bean(ProjectSync.class);
    }

    @AfterEach
    void close() {
        jira.close();
        store.close();
    }

    private Set<String> jiraKeys() {
        return jira.fixture.jira.issues().stream().filter(i -> i.issueType().equals(Provisioning.PROJECT_TYPE)
                        && i.key().startsWith("DIGI-"))
                .map(StoredIssue::key).collect(Collectors.toSet());
    }

    private void assertMirrorEqualsJira() {
        Set<String> jira = jiraKeys();
        Set<String> mirror = store.projects.keys();
        Set<String> missing = new java.util.TreeSet<>(jira);
        missing.removeAll(mirror);
        Set<String> extra = new java.util.TreeSet<>(mirror);
        extra.removeAll(jira);
        assertEquals(Set.of(), missing, "in Jira, not mirrored");
        assertEquals(Set.of(), extra, "mirrored, not in Jira");
    }

    @Test
    void fullThenIncrementalSyncMirrorExactlyWhatJiraHolds() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, ISSUES, jira::profile);
        jira.fixture.jira.createIssues("DIGI", "Task", 50, i -> java.util.Map.of("summary", "kein Projekt"));
        jira.fixture.jira.advance(Duration.ofMinutes(10));

        SyncStatus full = sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        assertTrue(full.full());
        assertEquals("", full.lastError());
        assertEquals(ISSUES, full.read());
        assertEquals(ISSUES, full.total());
        assertMirrorEqualsJira();
        DigitalProject one = store.projects.find("DIGI-8").orElseThrow();
        assertEquals("Projekt 7", one.title());
        assertEquals(100_750, one.budgetCents(), "1007.50 EUR, exactly");
        assertEquals(Phase.PLANNING, one.phase());
        assertEquals(Health.RED, one.health());
        assertEquals("3.2", one.fieldOfActionKey());

        // Ten edits, two deletions, one move to another project, three new issues.
        jira.fixture.jira.advance(Duration.ofMinutes(30));
        for (int i = 1; i <= 10; i++) {
            jira.fixture.jira.touch("DIGI-" + (i * 97));
        }
        jira.fixture.jira.delete("DIGI-5");
        jira.fixture.jira.delete("DIGI-6");
        jira.fixture.jira.createProject("ALT", "Altbestand");
        jira.fixture.jira.move("DIGI-7", "ALT");
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 3, jira::profile);
        jira.fixture.jira.resetCounts();

        SyncStatus incremental = sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        assertEquals(false, incremental.full());
        assertEquals("", incremental.lastError());
        assertMirrorEqualsJira();
        assertEquals(3, incremental.removed());
        assertTrue(incremental.read() < 100, "only what changed is read: " + incremental.read());
    }

    @Test
    void jirasIsBlockedByLinksBecomeWhatAProjectWaitsFor() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 4, jira::profile);
        // Jira names the issue that blocks as the link's inward side: DIGI-3 and DIGI-2 block DIGI-1.
        jira.fixture.jira.link(JiraIssue.BLOCKS, "DIGI-3", "DIGI-1");
        jira.fixture.jira.link(JiraIssue.BLOCKS, "DIGI-2", "DIGI-1");
        jira.fixture.jira.link(JiraIssue.BLOCKS, "DIGI-4", "DIGI-3");
        jira.fixture.jira.advance(Duration.ofMinutes(10));
        assertEquals("", sync.run(jira.fixture.client, jira.settings(), true).orElseThrow().lastError());
        List<String> all = List.of("DIGI-1", "DIGI-2", "DIGI-3", "DIGI-4");
        assertEquals(Map.of("DIGI-1", List.of("DIGI-2", "DIGI-3"), "DIGI-3", List.of("DIGI-4")),
                store.projects.blockedBy(all));

        // Synced again, nothing doubles; a project that leaves the portfolio takes its links along.
        jira.fixture.jira.touch("DIGI-1");
        jira.fixture.jira.advance(Duration.ofMinutes(10));
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        assertEquals(List.of("DIGI-2", "DIGI-3"), store.projects.blockedBy(all).get("DIGI-1"));
        store.projects.remove("DIGI-1");
        assertEquals(Map.of("DIGI-3", List.of("DIGI-4")), store.projects.blockedBy(all));
    }

    @Test
    void anIncrementalSyncOfAFewChangesCostsTwoRequests() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 2_000, jira::profile);
        jira.fixture.jira.advance(Duration.ofMinutes(10));
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        jira.fixture.jira.advance(Duration.ofMinutes(20));
        List.of("DIGI-10", "DIGI-20", "DIGI-30").forEach(jira.fixture.jira::touch);
        jira.fixture.jira.resetCounts();
        SyncStatus status = sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        assertEquals(3, status.read());
        assertEquals(2, jira.fixture.jira.requests().size(), jira.fixture.jira.requests().toString());
    }

    @Test
    void onlyOneSyncRunsAtATime() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 5, jira::profile);
        try (StoreFixture otherNode = store.node(jira.fixture.jira.clock())) {
            // While another node is syncing, this one does not start.
            assertTrue(otherNode.locks.tryRun(ProjectSync.LOCK, () -> {
                assertTrue(sync.run(jira.fixture.client, jira.settings(), true).isEmpty());
                return true;
            }).orElse(false), "another node is syncing");
        }
        assertEquals(0, store.projects.count());
        assertEquals(5, sync.run(jira.fixture.client, jira.settings(), true).orElseThrow().read());
    }

    @Test
    void aJiraOutageIsReportedAndTheMirrorKept() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 5, jira::profile);
        sync.run(jira.fixture.client, jira.settings(), true).orElseThrow();
        jira.fixture.jira.stop();
        SyncStatus failed = sync.run(jira.fixture.client, jira.settings(), true).orElseThrow();
        assertTrue(failed.lastError().length() > 0);
        assertEquals(5, store.projects.count(), "nothing is removed when Jira cannot be read");
        jira.fixture.jira.restart();
    }
}
