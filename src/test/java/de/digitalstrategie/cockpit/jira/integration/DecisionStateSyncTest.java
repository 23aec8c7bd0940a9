package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.ImplementationChange;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.jira.outbox.DecisionStateSync;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.outbox.OutboxEntity;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.testing.jira.Fault;
import de.digitalstrategie.cockpit.testing.jira.LoggedRequest;
import de.digitalstrategie.cockpit.testing.jira.StoredIssue;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision's implementation follows the status category of its Jira issue, read back over real
 * HTTP from the Jira double across syncs: incremental by "updated", whatever the workflow calls its
 * statuses, and nothing lost while Jira is away.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class DecisionStateSyncTest {
    private final JiraSetup jira = new JiraSetup().provisioned();
    private final StoreFixture store;
    private final DecisionStateSync sync;
    private final OutboxDelivery delivery;

    DecisionStateSyncTest(DatabaseTarget target) {
        // The plugin on Jira's clock: "updated >= -Nm" is read against Jira's, as in production.
        this.store = StoreFixture.on(target, jira.fixture.jira.clock());
        this.sync = store.bean(DecisionStateSync.class);
        this.delivery = store.bean(OutboxDelivery.class);
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 2, jira::profile);
    }

    @AfterEach
    void close() {
        jira.close();
        store.close();
    }

    private Decision decided(int n) {
        return store.decisions.record(new Decision(0, "macro-" + n, "LK-2026-" + n, "Beschluss " + n, "Text " + n,
                DecisionStatus.DECIDED, new Vote(7, 1, 0), 0, 0, List.of("DIGI-1"), "Finanzen",
                LocalDate.of(2026, 6, 30), "", new PageRef(4000 + n, 1, "LK", "Protokoll"), false, true),
                "schriftfuehrung");
    }

    private String issueOf(Decision d) {
        return jira.fixture.jira.issues().stream().filter(i -> i.labels().contains("cockpit-decision-" + d.id()))
                .map(StoredIssue::key).findFirst().orElseThrow();
    }

    private DecisionStateSync.Outcome run(boolean full) {
        return sync.run(jira.fixture.client, jira.settings(), full).orElseThrow();
    }

    private Decision now(Decision d) {
        return store.decisions.find(d.id()).orElseThrow();
    }

    private void later(Duration d) {
        jira.fixture.jira.advance(d);
    }

    @Test
    void theStatusCategoryOfTheIssueReachesTheDecisionWithItsSource() {
        Decision d = decided(1);
        Decision other = decided(2);
        delivery.deliverDue(jira.fixture.client, jira.settings(), 10);
        String key = issueOf(d);
        assertEquals(key, now(d).jiraIssue(), "the delivery notes the issue");
        assertEquals("Open/new", jira.fixture.jira.status(key));
        assertThrows(IllegalTransitionException.class, () -> store.decisions.setImplementation(d.id(),
                ImplementationState.DONE, "cdo", ""), "no longer set by hand");
        assertEquals(2, run(true).read());
        assertEquals(ImplementationState.OPEN, now(d).implementation());
        int before = store.decisions.history(d.id()).size();

        later(Duration.ofMinutes(20));
        // Within the overlap before the last run, both issues are read again, and nothing changes.
        assertEquals(new DecisionStateSync.Outcome(2, 0, ""), run(false));
        assertEquals(before, store.decisions.history(d.id()).size());
        later(Duration.ofMinutes(20));
        jira.fixture.jira.transition(key, "In Progress");
        DecisionStateSync.Outcome incremental = run(false);
        assertEquals(1, incremental.read(), "only what changed since the last run");
        assertEquals(1, incremental.changed());
        assertEquals(ImplementationState.IN_PROGRESS, now(d).implementation());
        assertEquals(ImplementationState.OPEN, now(other).implementation());
        LoggedRequest last = jira.fixture.jira.requests("GET /rest/api/2/search").stream()
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(last.query().get("jql").contains("updated >= \"-"), last.query().get("jql"));

        AuditEntry entry = store.decisions.history(d.id()).get(store.decisions.history(d.id()).size() - 1);
        assertEquals("jira:" + key, entry.actor());
        assertEquals(new ImplementationChange(ImplementationState.OPEN, ImplementationState.IN_PROGRESS, ""),
                ImplementationChange.of(entry).orElseThrow());

        // A workflow of its own: "Resolved" and "Closed" are done as well, "Reopened" is open again.
        later(Duration.ofMinutes(20));
        jira.fixture.jira.transition(key, "Resolved");
        run(false);
        assertEquals(ImplementationState.DONE, now(d).implementation());
        assertFalse(now(d).overdue(LocalDate.of(2026, 11, 27)), "a done decision is never overdue");
        later(Duration.ofMinutes(20));
        jira.fixture.jira.transition(key, "Reopened");
        run(false);
        assertEquals(ImplementationState.OPEN, now(d).implementation());
        assertTrue(now(d).overdue(LocalDate.of(2026, 11, 27)));
    }

    @Test
    void aJiraOutageLosesNothing() {
        Decision d = decided(3);
        delivery.deliverDue(jira.fixture.client, jira.settings(), 10);
        String key = issueOf(d);
        run(true);

        later(Duration.ofMinutes(20));
        jira.fixture.jira.transition(key, "Done");
        jira.fixture.jira.stop();
        DecisionStateSync.Outcome down = run(false);
        assertFalse(down.error().isEmpty(), "the run says it failed");
        assertEquals(ImplementationState.OPEN, now(d).implementation());

        // Jira is back hours later and answers 500 once: the next runs still read from before the outage.
        later(Duration.ofHours(3));
        jira.fixture.jira.restart();
        jira.fixture.jira.failNext(1, Fault.status(500), "/rest/api/2/search");
        run(false);
        DecisionStateSync.Outcome back = run(false);
        assertEquals("", back.error());
        assertEquals(ImplementationState.DONE, now(d).implementation());
        assertEquals("jira:" + key, store.decisions.history(d.id()).get(store.decisions.history(d.id()).size() - 1)
                .actor());
    }

    /**
     * Anyone who may edit issues of the decision type can copy the outbox's label onto another
     * issue: that issue sets nothing, whatever its status, and the decision keeps following its
     * own issue, also once that issue has moved to another project.
     */
    @Test
    void aCopiedLabelSetsNothingAndTheDecisionsOwnIssueStillDoes() {
        Decision d = decided(4);
        delivery.deliverDue(jira.fixture.client, jira.settings(), 10);
        String key = issueOf(d);
        run(true);
        assertEquals(ImplementationState.OPEN, now(d).implementation());

        later(Duration.ofMinutes(20));
        String copy = jira.fixture.jira.createIssue("DIGI", Provisioning.DECISION_TYPE, java.util.Map.of(
                "summary", "Kopie", "labels", List.of("cockpit-decision-" + d.id(), "lenkungskreis")));
        jira.fixture.jira.transition(copy, "Done");
        DecisionStateSync.Outcome copied = run(false);
        assertEquals("", copied.error());
        assertEquals(0, copied.changed(), "the copy is read and sets nothing");
        assertEquals(ImplementationState.OPEN, now(d).implementation(), "the copy sets nothing");
        assertEquals(key, now(d).jiraIssue());
        run(true);
        assertEquals(ImplementationState.OPEN, now(d).implementation(), "not on a full run either");

        later(Duration.ofMinutes(20));
        jira.fixture.jira.transition(key, "In Progress");
        run(false);
        assertEquals(ImplementationState.IN_PROGRESS, now(d).implementation(), "the real issue still does");

        jira.fixture.jira.createProject("ORG", "Organisation");
        later(Duration.ofMinutes(20));
        String moved = jira.fixture.jira.move(key, "ORG");
        jira.fixture.jira.transition(moved, "Done");
        run(false);
        assertEquals(ImplementationState.DONE, now(d).implementation(), "a moved issue is followed");
        assertEquals(moved, now(d).jiraIssue());
        later(Duration.ofMinutes(20));
        jira.fixture.jira.transition(copy, "Reopened");
        run(true);
        assertEquals(ImplementationState.DONE, now(d).implementation());
    }

    /**
     * An entry delivered before the outbox kept the issue's id learns it once, from the key the
     * outbox stored, and from then on the issue is matched by id: a copied label still sets nothing.
     */
    @Test
    void anEntryDeliveredWithoutTheIssuesIdIsResolvedOnceByItsKey() {
        Decision d = decided(5);
        delivery.deliverDue(jira.fixture.client, jira.settings(), 10);
        String key = issueOf(d);
        for (OutboxEntity e : store.ao.find(OutboxEntity.class)) {
            e.setJiraId(null);
            e.save();
        }
        String copy = jira.fixture.jira.createIssue("DIGI", Provisioning.DECISION_TYPE, java.util.Map.of(
                "summary", "Kopie", "labels", List.of("cockpit-decision-" + d.id(), "lenkungskreis")));
        jira.fixture.jira.transition(copy, "Done");
        jira.fixture.jira.transition(key, "In Progress");
        jira.fixture.jira.resetCounts();
        run(true);
        assertEquals(ImplementationState.IN_PROGRESS, now(d).implementation());
        assertEquals(1, jira.fixture.jira.count("GET /rest/api/2/issue/{key}"), "resolved by its key");
        assertEquals(String.valueOf(jira.fixture.jira.issue(key).id()), store.ao.find(OutboxEntity.class)[0].getJiraId());
        jira.fixture.jira.resetCounts();
        run(true);
        assertEquals(0, jira.fixture.jira.count("GET /rest/api/2/issue/{key}"), "once");
        assertEquals(ImplementationState.IN_PROGRESS, now(d).implementation());
    }

    /**
     * A label put on an issue in another project before the decision reaches Jira is not taken
     * for the decision's issue: the outbox creates its own, and only that one sets the state.
     */
    @Test
    void aLabelPutOnAnIssueElsewhereBeforeDeliveryIsNotAdopted() {
        Decision d = decided(6);
        jira.fixture.jira.createProject("ORG", "Organisation");
        String planted = jira.fixture.jira.createIssue("ORG", Provisioning.DECISION_TYPE, java.util.Map.of(
                "summary", "Vorab", "labels", List.of("cockpit-decision-" + d.id(), "lenkungskreis")));
        jira.fixture.jira.transition(planted, "Done");
        delivery.deliverDue(jira.fixture.client, jira.settings(), 10);
        String key = now(d).jiraIssue();
        assertTrue(key.startsWith("DIGI-"), key);
        run(true);
        assertEquals(ImplementationState.OPEN, now(d).implementation());
        assertEquals(key, now(d).jiraIssue());
    }
}
