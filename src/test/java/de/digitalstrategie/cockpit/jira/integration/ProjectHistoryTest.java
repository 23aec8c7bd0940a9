package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ChangeSource;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project's history, written by the store itself in the transaction of each write: what the
 * Jira sync brings, what an edit in the cockpit changes, a publication, and nothing for a write
 * that changes nothing or rolls back. On every database.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ProjectHistoryTest {
    private final StoreFixture store;
    private final JiraSetup jira = new JiraSetup().provisioned();
    private final ProjectHistory history;
    private final ProjectStore projects;
    private final ProjectSync sync;

    ProjectHistoryTest(DatabaseTarget target) {
        // The plugin's clock is the double's, which the test moves on: each sync's changes carry their own time.
        this.store = StoreFixture.on(target, jira.fixture.jira.clock());
        for (int i = 1; i <= 6; i++) {
            store.organisation.save(new FieldOfAction("3." + i, "Feld " + i, "Field " + i, i, ""));
        }
        this.history = store.history;
        this.projects = store.projects;
        this.sync = store.bean(ProjectSync.class);
    }

    @AfterEach
    void close() {
        jira.close();
        store.close();
    }

    private static Map<ChangeField, String> after(List<ProjectChange> changes) {
        return changes.stream().collect(Collectors.toMap(ProjectChange::field, c -> String.valueOf(c.after())));
    }

    @Test
    void theSyncRecordsANewProjectAndThenOnlyWhatJiraChanged() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 3, jira::profile);
        jira.fixture.jira.advance(Duration.ofMinutes(5));
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        Instant first = jira.fixture.jira.now();

        List<ProjectChange> created = history.of("DIGI-2", 100);
        assertEquals(7, created.size(), "a new project: each of its fields, from nothing: " + created);
        assertTrue(created.stream().allMatch(c -> c.source() == ChangeSource.JIRA_SYNC && c.before() == null
                && c.actor() == null && c.at().equals(first) && c.issueKey().equals("DIGI-2")), created.toString());
        assertEquals(Map.of(ChangeField.STATUS, "PLANNED", ChangeField.PHASE, "PLANNING", ChangeField.HEALTH, "GREEN",
                ChangeField.BUDGET, "100150", ChangeField.FUNDING, "25000", ChangeField.START, "2025-01-01",
                ChangeField.END, "2027-12-31"), after(created));

        // In Jira: the phase, the health and the end change; the description too, which the history does not keep.
        jira.fixture.jira.advance(Duration.ofMinutes(30));
        Map<ProfileField, String> ids = jira.settings().fieldIds();
        jira.fixture.client.updateIssue("DIGI-2", Map.of(ids.get(ProfileField.PHASE), "Umsetzung",
                ids.get(ProfileField.HEALTH), "rot", ids.get(ProfileField.END), "2028-06-30",
                "description", "Neu beschrieben"));
        jira.fixture.jira.touch("DIGI-3");
        jira.fixture.jira.advance(Duration.ofMinutes(1));
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        Instant second = jira.fixture.jira.now();

        List<ProjectChange> latest = history.of("DIGI-2", 100);
        assertEquals(10, latest.size(), latest.toString());
        List<ProjectChange> changed = latest.subList(0, 3);
        assertTrue(changed.stream().allMatch(c -> c.at().equals(second) && c.source() == ChangeSource.JIRA_SYNC),
                changed.toString());
        assertEquals(Map.of(ChangeField.PHASE, "IMPLEMENTATION", ChangeField.HEALTH, "RED", ChangeField.END,
                "2028-06-30"), after(changed));
        assertEquals(Map.of(ChangeField.PHASE, "PLANNING", ChangeField.HEALTH, "GREEN", ChangeField.END,
                "2027-12-31"), changed.stream().collect(Collectors.toMap(ProjectChange::field, ProjectChange::before)));
        assertTrue(latest.get(0).id() > latest.get(9).id(), "newest first");
        assertEquals(7, history.of("DIGI-3", 100).size(), "mirrored again, unchanged: nothing to record");
        assertEquals(second, history.lastChange("DIGI-2").orElseThrow());
        assertEquals(first, history.lastChange("DIGI-3").orElseThrow());
        assertEquals(Map.of("DIGI-2", second, "DIGI-3", first),
                history.lastChanges(List.of("DIGI-2", "DIGI-3", "DIGI-999")),
                "the list's one query gives each project's last change, and none for a key without history");
    }

    @Test
    void aMovedProjectGoesOnFromItsStateAndStaysPublished() {
        jira.fixture.jira.createProject("ALT", "Altbestand");
        jira.settingsStore.save(jira.fixture.jira.baseUrl().toString(), JiraFixture.TOKEN,
                "project in (DIGI, ALT) AND issuetype = \"Digitalprojekt\"", "DIGI");
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 2, jira::profile);
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        assertTrue(projects.publish("DIGI-1", true, "cdo"));
        jira.fixture.jira.advance(Duration.ofMinutes(5));
        String moved = jira.fixture.jira.move("DIGI-1", "ALT");
        jira.fixture.jira.advance(Duration.ofMinutes(1));
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();

        assertFalse(projects.find("DIGI-1").isPresent());
        assertTrue(projects.isPublished(moved), "published under its new key");
        assertEquals(List.of(), history.of(moved, 100), "nothing changed but the key: " + history.of(moved, 100));
        assertEquals(8, history.of("DIGI-1", 100).size(), "the old key's history is kept");
    }

    @Test
    void anEditIsRecordedAsSuchAndAPublicationWithWhoMadeIt() {
        DigitalProject p = new DigitalProject("DIGI-7", "Portal", ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2026, 1, 1), null), 500_00, 0, ProjectStatus.PLANNED, Phase.IDEA,
                Health.GREEN, null, null, null);
        projects.save(p);
        assertEquals(6, history.of("DIGI-7", 100).size(), "an open end is no value: " + history.of("DIGI-7", 100));
        projects.save(p);
        assertEquals(6, history.of("DIGI-7", 100).size(), "saved unchanged: nothing recorded");
        projects.save(new DigitalProject("DIGI-7", "Portal (neu)", ProjectProfile.EMPTY, TimeFrame.OPEN, 500_00, 0,
                ProjectStatus.RUNNING, Phase.IDEA, Health.GREEN, null, null, null));
        List<ProjectChange> edit = history.of("DIGI-7", 2);
        assertEquals(Map.of(ChangeField.STATUS, "RUNNING", ChangeField.START, "null"), after(edit));
        assertTrue(edit.stream().allMatch(c -> c.source() == ChangeSource.EDIT), edit.toString());

        assertTrue(projects.publish("DIGI-7", true, "cdo"));
        assertFalse(projects.publish("DIGI-7", true, "cdo"), "already public: no change, nothing recorded");
        assertFalse(projects.publish("NOPE-1", true, "cdo"));
        ProjectChange published = history.of("DIGI-7", 1).get(0);
        assertEquals(ChangeField.PUBLIC, published.field());
        assertEquals("false", published.before());
        assertEquals("true", published.after());
        assertEquals("cdo", published.actor());
        assertEquals(ChangeSource.EDIT, published.source());
        assertEquals(9, history.of("DIGI-7", 100).size());
        assertEquals(List.of(), history.of("NOPE-1", 100));
    }

    @Test
    void aWriteThatRollsBackLeavesNoHistory() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 1, jira::profile);
        sync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
        DigitalProject before = projects.find("DIGI-1").orElseThrow();
        DigitalProject changed = new DigitalProject("DIGI-1", before.title(), before.profile(), before.timeFrame(),
                before.budgetCents() + 1, before.fundingCents(), ProjectStatus.STOPPED, before.phase(),
                before.health(), before.departmentKey(), before.fieldOfActionKey(), before.updated());
        // The batch's second issue cannot be written (its Jira id is longer than the column): the
        // whole batch rolls back, the first project's history with it.
        DigitalProject second = new DigitalProject("DIGI-2", "Zweites", null, null, 0, 0,
                ProjectStatus.PLANNED, Phase.IDEA, Health.GREEN, null, null, null);
        int rows = history.of("DIGI-1", 100).size();
        assertThrows(RuntimeException.class, () -> projects.mirror(List.of(new ProjectStore.Mirrored(changed, "10000"),
                new ProjectStore.Mirrored(second, "1".repeat(300)))));
        assertEquals(rows, history.of("DIGI-1", 100).size());
        assertEquals(List.of(), history.of("DIGI-2", 100));
        assertEquals(before, projects.find("DIGI-1").orElseThrow());
    }
}
