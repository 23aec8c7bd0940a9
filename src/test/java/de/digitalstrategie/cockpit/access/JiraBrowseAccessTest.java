package de.digitalstrategie.cockpit.access;

import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraConnection;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import com.atlassian.scheduler.SchedulerServiceException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portfolio shows a viewer the Jira projects Jira lets him browse, asked of the Jira double
 * over HTTP with the plugin's real client, and keeps doing the safe thing when Jira does not answer.
 * The background job runs on the sandbox's scheduler (the host's, as Confluence runs it), which
 * the tests drive with {@link SandboxScheduler#runPending()}.
 */
class JiraBrowseAccessTest {
    private static final String SEARCH = "GET /rest/api/2/user/permission/search";
    private final MovableClock clock = new MovableClock();
    private final DemoUser anna = new DemoUser("anna", "Anna Amt", Set.of());
    private final DemoUser ann = new DemoUser("ann", "Ann Prefix", Set.of());
    private final DemoUser cdo = new DemoUser("cdo", "Chief Digital Officer", Set.of());
    private final DemoUserManager users = new DemoUserManager(List.of(anna, ann, cdo));
    private final List<String> log = new ArrayList<>();
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getMessage() + " " + List.of(record.getParameters() == null ? new Object[0]
                    : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<JiraConnection> connections = new ArrayList<>();
    private JiraFixture jira;
    private StoreFixture store;
    private JiraSettingsStore settings;
    private JiraBrowseAccess access;
    private ProjectSync sync;
    private SandboxScheduler scheduler;
    private BrowseAccessJob job;
    private Path dir;

    @BeforeEach
    void setUp(@TempDir Path dir) throws SchedulerServiceException {
        this.dir = dir;
        jira = new JiraFixture();
        jira.jira.createProject("DIGI", "Digitalprojekte");
        jira.jira.createProject("ORG", "Organisation");
        jira.jira.grantBrowse("DIGI", "anna", "CDO");
        jira.jira.grantBrowse("ORG", "cdo");
        store = StoreFixture.on(Database.h2Memory("access" + System.nanoTime()), clock);
        store.projects.save(project("DIGI-1"));
        store.projects.save(project("ORG-7"));
        settings = new JiraSettingsStore(new StorePluginSettings(dir.resolve("settings.properties")));
        sync = store.bean(ProjectSync.class);
        // The class under test on a scheduler of its own, with users whose names are prefixes of each
        // other and a client factory that keeps each connection asked for; the rest is the plugin's.
        scheduler = new SandboxScheduler(store.database, clock);
        access = new JiraBrowseAccess(users, store.projects, new JiraConnector(settings, connection -> {
            connections.add(connection);
            // The connection as the plugin asks for it; only the pauses between retries are recorded, not slept.
            return new JiraClient(connection, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    jira.pause);
        }), sync, scheduler, clock);
        job = new BrowseAccessJob(scheduler, access, clock);
        job.register();
        Logger.getLogger(JiraBrowseAccess.class.getName()).addHandler(logHandler);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(JiraBrowseAccess.class.getName()).removeHandler(logHandler);
        users.actAs(null);
        job.unregister();
        scheduler.close();
        store.close();
        jira.close();
    }

    private static DigitalProject project(String key) {
        return new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)), 100, 0, ProjectStatus.RUNNING,
                Phase.IMPLEMENTATION, Health.GREEN, "it", "3.1", Instant.parse("2026-11-20T10:00:00Z"));
    }

    private void connect(String token) {
        settings.save(jira.jira.baseUrl().toString(), token, JiraSettings.DEFAULT_JQL, "DIGI");
    }

    private Set<String> seenBy(DemoUser user) {
        return viewBy(user).projects();
    }

    private Visibility viewBy(DemoUser user) {
        users.actAs(user);
        return access.visibility();
    }

    /** Whether a view has asked for a run of the job on this node that has not been made yet. */
    private boolean runAskedFor() {
        return scheduler.isScheduled(BrowseAccessJob.NOW_JOB);
    }

    /** A view, then the background job, then another view: what a viewer sees once Jira has answered it all. */
    private Set<String> settledFor(DemoUser user) {
        seenBy(user);
        access.refreshStale();
        return seenBy(user);
    }

    @Test
    void eachViewerSeesWhatJiraLetsHimBrowse() {
        connect(JiraFixture.TOKEN);
        assertEquals(Set.of("DIGI"), settledFor(anna));
        assertEquals(Set.of("DIGI", "ORG"), settledFor(cdo), "Jira's user names are case-insensitive");
        assertEquals(Set.of(), settledFor(ann), "the user search matches by prefix: 'ann' is not 'anna'");
        assertEquals(Set.of(), seenBy(null), "anonymous visitors see no project");
        assertTrue(connections.stream().anyMatch(c -> c.maxRetries() == 0), "the page asked for itself");
    }

    @Test
    void aPageViewAsksJiraAtMostOnceAndTheBackgroundJobAsksTheRest() {
        for (int i = 1; i <= 8; i++) {
            String key = "P" + i;
            jira.jira.createProject(key, "Projekt " + i);
            jira.jira.grantBrowse(key, "cdo");
            store.projects.save(project(key + "-1"));
        }
        connect(JiraFixture.TOKEN);
        assertEquals(new Visibility(Set.of("DIGI"), 9), viewBy(cdo),
                "the first view asks about one project, not ten, and says that nine are not known yet");
        assertEquals(1, jira.jira.count(SEARCH));
        assertTrue(runAskedFor(), "and asks the scheduler for a run at once");
        assertEquals(new Visibility(Set.of("DIGI"), 9), viewBy(cdo), "a page of several macros asks once");
        assertEquals(1, jira.jira.count(SEARCH));
        assertTrue(connections.stream().allMatch(c -> c.maxRetries() == 0
                && c.readTimeout().compareTo(Duration.ofSeconds(5)) <= 0), "a page view never waits through retries");

        assertEquals(1, scheduler.runPending(), "the run asked for is due now; the minute's is not");
        SandboxScheduler.Run run = scheduler.runs().get(0);
        assertEquals(BrowseAccessJob.NOW_JOB, run.jobId());
        assertEquals("9 answer(s) renewed", run.message(), "the rest is asked off the page");
        assertTrue(connections.get(connections.size() - 1).maxRetries() > 0, "by the client for background work");
        assertEquals(new Visibility(Set.of("DIGI", "ORG", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"), 0),
                viewBy(cdo), "the next view, within the seconds the view before asked to wait, is complete");
        assertFalse(runAskedFor(), "a complete view asks for no run");
        assertEquals(10, jira.jira.count(SEARCH), "no view asked again");
        clock.advance(JiraBrowseAccess.ASK_SPACING.plusSeconds(1));
        assertEquals(10, seenBy(cdo).size());
        assertEquals(10, jira.jira.count(SEARCH), "fresh answers need no question");

        // Every minute the job renews what is about to go stale; views keep asking nothing.
        jira.jira.revokeBrowse("P3", "cdo");
        for (int minute = 1; minute <= 12; minute++) {
            clock.advance(Duration.ofMinutes(1));
            access.refreshStale();
            seenBy(cdo);
        }
        assertEquals(Set.of("DIGI", "ORG", "P1", "P2", "P4", "P5", "P6", "P7", "P8"), seenBy(cdo),
                "a revoked right shows within minutes");
        assertEquals(1, connections.stream().filter(c -> c.maxRetries() == 0).count(),
                "of " + jira.jira.count(SEARCH) + " questions, only the very first view's was asked on a page");
    }

    @Test
    void aViewAsksForOneRunAtATimeAndNoneRightAfterJiraFailedOne() {
        for (String key : List.of("P1", "P2")) {
            jira.jira.createProject(key, "Projekt " + key);
            jira.jira.grantBrowse(key, "cdo");
            store.projects.save(project(key + "-1"));
        }
        connect(JiraFixture.TOKEN);
        assertEquals(3, viewBy(cdo).unchecked());
        assertTrue(runAskedFor());
        scheduler.unscheduleJob(BrowseAccessJob.NOW_JOB);
        assertEquals(3, viewBy(anna).unchecked());
        assertFalse(runAskedFor(), "one run asked for is outstanding: no second request");
        clock.advance(JiraBrowseAccess.RUN_REQUEST_TIMEOUT);
        assertEquals(2, viewBy(anna).unchecked());
        assertTrue(runAskedFor(), "a request the scheduler never ran is taken as lost after a minute");

        jira.jira.stop();
        scheduler.runPending();
        assertTrue(log.stream().anyMatch(l -> l.contains("Jira did not say")), log.toString());
        clock.advance(JiraBrowseAccess.ASK_SPACING);
        assertEquals(3, viewBy(cdo).unchecked());
        assertFalse(runAskedFor(), "after a run that found Jira not answering, views leave it alone for a while");
        clock.advance(JiraBrowseAccess.PAUSE_AFTER_FAILURE);
        viewBy(cdo);
        assertTrue(runAskedFor());

        jira.jira.restart();
        scheduler.runPending();
        assertEquals(new Visibility(Set.of("DIGI", "ORG", "P1", "P2"), 0), viewBy(cdo));
        assertEquals(new Visibility(Set.of("DIGI"), 0), viewBy(anna));
    }

    @Test
    void withoutAnAnswerForAnHourAProjectCountsAsUncheckedAgain() {
        connect(JiraFixture.TOKEN);
        viewBy(cdo);
        scheduler.runPending();
        assertEquals(new Visibility(Set.of("DIGI", "ORG"), 0), viewBy(cdo));
        jira.jira.stop();
        clock.advance(JiraBrowseAccess.STALE_LIMIT.plusMinutes(1));
        assertEquals(new Visibility(Set.of(), 2), viewBy(cdo),
                "hidden, and said to be: the page does not pass off what is left as all there is");
    }

    @Test
    void aProjectJiraDoesNotKnowIsHiddenAndTheOthersAreStillAsked() {
        store.projects.save(project("GONE-3"));
        connect(JiraFixture.TOKEN);
        assertEquals(Set.of("DIGI", "ORG"), settledFor(cdo), "GONE is not a Jira project (404): only it is hidden");
        assertEquals(3, jira.jira.count(SEARCH), "each project asked once, none left out after the 404");
        assertEquals(Set.of("DIGI", "ORG"), seenBy(cdo));
        access.refreshStale();
        assertEquals(3, jira.jira.count(SEARCH), "the 404 is an answer too, kept like the others");
    }

    @Test
    void withoutTheJobAViewRenewsItsOldestAnswerItself() {
        connect(JiraFixture.TOKEN);
        assertEquals(Set.of("DIGI"), settledFor(anna));
        assertEquals(2, jira.jira.count(SEARCH), "one question per mirrored Jira project");
        assertEquals(Set.of("DIGI"), seenBy(anna));
        assertEquals(2, jira.jira.count(SEARCH), "a second view asks Jira nothing");

        jira.jira.revokeBrowse("DIGI", "anna");
        clock.advance(JiraBrowseAccess.FRESH.minusSeconds(1));
        assertEquals(Set.of("DIGI"), seenBy(anna), "within the kept time the earlier answer stands");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Set.of(), seenBy(anna), "after it, the view asks again about its oldest answer");
        assertEquals(3, jira.jira.count(SEARCH));
    }

    @Test
    void whenJiraFailsRecentAnswersStandAndOldOnesHide() {
        connect(JiraFixture.TOKEN);
        assertEquals(Set.of("DIGI", "ORG"), settledFor(cdo));
        clock.advance(Duration.ofMinutes(10));
        jira.jira.stop();
        assertEquals(Set.of("DIGI", "ORG"), seenBy(cdo), "answers younger than an hour stand while Jira is down");
        assertEquals(Set.of(), seenBy(anna), "nothing known about anna: nothing shown");
        assertTrue(log.stream().anyMatch(l -> l.contains("Jira did not say")), log.toString());
        assertEquals(0, access.refreshStale(), "the job stops at the first failure");

        // After a failure on a page, Jira is left alone there for a while: views do not wait for its timeouts.
        jira.jira.restart();
        int before = jira.jira.requests().size();
        clock.advance(JiraBrowseAccess.ASK_SPACING);
        assertEquals(Set.of(), seenBy(anna));
        assertEquals(before, jira.jira.requests().size(), "no request during the pause after a failure");
        clock.advance(JiraBrowseAccess.PAUSE_AFTER_FAILURE.plusSeconds(1));
        assertEquals(Set.of("DIGI"), seenBy(anna), "asked again after the pause");

        jira.jira.stop();
        clock.advance(JiraBrowseAccess.STALE_LIMIT.plusMinutes(1));
        assertEquals(Set.of(), seenBy(cdo), "answers older than an hour do not stand: hidden, not shown");
    }

    @Test
    void viewersNotSeenForAnHourAreForgottenByTheJob() {
        connect(JiraFixture.TOKEN);
        settledFor(cdo);
        clock.advance(JiraBrowseAccess.VIEWER_TTL.plusMinutes(1));
        jira.jira.resetCounts();
        assertEquals(0, access.refreshStale(), "nobody to ask for");
        assertEquals(0, jira.jira.count(SEARCH));
    }

    @Test
    void aTokenThatMayNotSearchPermissionsHidesEverythingAndStaysOutOfTheLog() {
        connect(JiraFixture.READER_TOKEN);
        assertEquals(Set.of(), seenBy(cdo));
        assertFalse(log.isEmpty(), "the refusal is logged for the administrator");
        assertTrue(log.stream().noneMatch(l -> l.contains(JiraFixture.READER_TOKEN)), log.toString());
    }

    @Test
    void withoutAJiraConnectionSignedInUsersSeeTheMirror() {
        assertEquals(new Visibility(Set.of("DIGI", "ORG"), 0), viewBy(ann));
        assertEquals(Visibility.NONE, viewBy(null));
        assertEquals(0, jira.jira.count(SEARCH));
        assertFalse(runAskedFor(), "nobody to ask");
    }

    @Test
    void aMirrorThatCameFromJiraStaysHiddenOnceTheConnectionIsGone() {
        connect(JiraFixture.TOKEN);
        // A sync has run (this one fails on Jira's answer, after it started: the mirror is Jira's now).
        sync.run(jira.client, settings.load(), true);
        assertTrue(sync.status().startedAt() != null);
        JiraBrowseAccess unconnected = new JiraBrowseAccess(users, store.projects, new JiraConnector(
                new JiraSettingsStore(new StorePluginSettings(dir.resolve("none.properties"))),
                connection -> jira.client), sync, scheduler, clock);
        users.actAs(cdo);
        assertEquals(Visibility.NONE, unconnected.visibility(),
                "nobody to ask: hidden, not shown to all, and nothing a reload would change");
    }
}
