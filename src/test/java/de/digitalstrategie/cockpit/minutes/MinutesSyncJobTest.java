package de.digitalstrategie.cockpit.minutes;

import com.atlassian.confluence.event.events.content.page.PageCreateEvent;
import com.atlassian.confluence.event.events.content.page.PageTrashedEvent;
import com.atlassian.confluence.event.events.content.page.PageUpdateEvent;
import com.atlassian.scheduler.status.RunOutcome;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSyncJob;
import de.digitalstrategie.cockpit.minutes.sync.PendingPageEntity;
import de.digitalstrategie.cockpit.minutes.sync.PendingPages;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxEvents;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.DemoPeople;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A saved minutes page reaches the registers through the scheduler, never through the page save:
 * the listener only notes the page and returns, whatever happens; the job records it right after,
 * version by version in the order saved; what cannot be recorded now (the page locked by another
 * node, the database failing) stays pending and is recorded later.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class MinutesSyncJobTest {
    private static final long PAGE = 4712;
    private static final DemoUserManager.DemoUser SECRETARY = new DemoUserManager(DemoPeople.users())
            .user("schriftfuehrung").orElseThrow();
    private final MovableClock clock = new MovableClock();
    private final StoreFixture store;
    private final SandboxScheduler scheduler;
    private final SandboxEvents events;
    private final PendingPages pending;

    /** The plugin enabled on a node: its listener hears the host's page events, its job runs on the host's scheduler. */
    MinutesSyncJobTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target, clock);
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        store.committee.save(new Member("lenkungskreis", SECRETARY.key(), SECRETARY.fullName(), MemberRole.SECRETARY,
                null, "", true));
        store.minutesPlaces.save("lenkungskreis", new Places(Set.of("DIGI"), Set.of()));
        this.scheduler = store.scheduler;
        this.events = store.host.events;
        this.pending = store.bean(PendingPages.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String decision(String status, String vote) {
        return "<h1>Protokoll</h1>" + MinutesSyncTest.decision("job-1", "LK-2026-70", status, vote == null ? ""
                : "<ac:parameter ac:name=\"vote\">" + vote + "</ac:parameter>");
    }

    /** A version of the page as the secretary saves it. */
    private static SandboxPage page(int version, String body) {
        return new SandboxPage(PAGE, version, "DIGI", null, "Protokoll LK 2026/7", body, Set.of(), false, "minutes",
                SECRETARY);
    }

    private List<Decision> recorded() {
        return store.decisions.ofPage(PAGE);
    }

    @Test
    void theListenerOnlyNotesThePageAndTheSchedulerRecordsIt() {
        Thread publisher = Thread.currentThread();
        events.publish(new PageCreateEvent(this, page(1, decision("ready-for-vote", null))));
        assertEquals(List.of(), recorded(), "nothing recorded in the publishing thread");
        assertEquals(1, pending.count(), "the page is noted as pending");
        assertTrue(scheduler.isScheduled(MinutesSyncJob.NOW_JOB), "a run is asked for at once");

        assertTrue(scheduler.runPending() >= 1);
        assertEquals(1, recorded().size(), "recorded by the job");
        assertEquals(DecisionStatus.READY_FOR_VOTE, recorded().get(0).status());
        assertEquals(0, pending.count());
        assertTrue(scheduler.runs().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCESS), scheduler.runs().toString());
        assertTrue(publisher.isAlive());
    }

    @Test
    void versionsSavedBeforeTheJobRunsGoThroughTheWorkflowInTheOrderSaved() {
        // Proposed, then ready for the vote, then decided: straight from proposed to decided would be refused.
        events.publish(new PageCreateEvent(this, page(1, decision("proposed", null))));
        events.publish(new PageUpdateEvent(this, page(2, decision("ready-for-vote", null))));
        events.publish(new PageUpdateEvent(this, page(3, decision("decided", "7/1/1"))));
        assertEquals(3, pending.count());
        scheduler.runPending();
        Decision d = recorded().get(0);
        assertEquals(DecisionStatus.DECIDED, d.status());
        assertTrue(store.decisions.conflict(d.id()).isEmpty(), "no version was skipped");
        assertEquals(3, d.page().version());
        assertEquals(0, pending.count());
    }

    @Test
    void aSaveWhosePageIsLockedByAnotherNodeSucceedsAndIsRecordedLater() {
        try (StoreFixture otherNode = store.node(clock)) {
            // Another node is recording this page right now (and takes longer than the job waits).
            otherNode.locks.tryRun(MinutesSync.pageLock(PAGE), () -> {
                events.publish(new PageCreateEvent(this, page(1, decision("ready-for-vote", null))));
                scheduler.runPending();
                assertEquals(List.of(), recorded(), "not while the other node holds the page");
                assertEquals(1, pending.count(), "still pending");
                return null;
            });
        }
        // A few seconds later the job looks again, on this node.
        clock.advance(MinutesSyncJob.RECHECK);
        scheduler.runPending();
        assertEquals(1, recorded().size(), "recorded once the page was free");
        assertEquals(0, pending.count());
    }

    @Test
    void aSaveWhoseRecordingFailsInTheDatabaseIsRetriedUntilRecorded() throws Exception {
        String decisions = tableOf(store.ao.tableOf(DecisionEntity.class));
        rename(decisions, decisions + "_away");
        try {
            events.publish(new PageCreateEvent(this, page(1, decision("ready-for-vote", null))));
            scheduler.runPending();
            assertEquals(1, pending.count(), "kept for a retry");
            assertTrue(scheduler.runs().stream().anyMatch(r -> r.outcome() == RunOutcome.FAILED),
                    "the run reports the failure to the scheduler");
        } finally {
            rename(decisions + "_away", decisions);
        }
        assertEquals(List.of(), recorded());
        clock.advance(Duration.ofSeconds(5));
        scheduler.runPending();
        assertEquals(1, recorded().size(), "recorded on the retry");
        assertEquals(0, pending.count());
    }

    @Test
    void aSaveGoesThroughEvenWhenThePageCannotBeNotedAndIsRecordedOnceTheDatabaseAnswers() throws Exception {
        String table = tableOf(store.ao.tableOf(PendingPageEntity.class));
        rename(table, table + "_away");
        try {
            // No exception reaches the publisher: in Confluence it would fail the user's save.
            events.publish(new PageCreateEvent(this, page(1, decision("ready-for-vote", null))));
            scheduler.runPending();
            assertEquals(List.of(), recorded(), "nothing while the table is away");
        } finally {
            rename(table + "_away", table);
        }
        // No further save of the page: the node remembered the version and notes it now.
        clock.advance(MinutesSyncJob.RECHECK);
        scheduler.runPending();
        clock.advance(MinutesSyncJob.RECHECK);
        scheduler.runPending();
        assertEquals(1, recorded().size(), "the version saved while the table was away reaches the register");
        assertEquals(0, pending.count());
    }

    @Test
    void aTrashedPageIsWithdrawnThroughTheJob() {
        events.publish(new PageCreateEvent(this, page(1, decision("ready-for-vote", null))));
        scheduler.runPending();
        events.publish(new PageTrashedEvent(this, page(1, decision("ready-for-vote", null)).withTrashed(true)));
        assertFalse(recorded().get(0).withdrawn(), "not in the publishing thread");
        scheduler.runPending();
        assertTrue(recorded().get(0).withdrawn());
        assertEquals(0, pending.count());
    }

    /** The table as the database names it (case differs between databases and AO layouts). */
    private String tableOf(String name) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String found = rs.getString("TABLE_NAME");
                String schema = rs.getString("TABLE_SCHEM");
                if (found.equalsIgnoreCase(name) && (schema == null
                        || schema.equalsIgnoreCase(store.database.schema()))) {
                    return found;
                }
            }
        }
        throw new AssertionError("no table " + name);
    }

    /** The database loses a table for a while: every statement on it fails, as in an outage. */
    private void rename(String from, String to) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE \"" + from + "\" RENAME TO \"" + to + "\"");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(store.database.url(), store.database.user(), store.database.password());
    }
}
