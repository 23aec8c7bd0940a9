package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.outbox.Outbox;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.testing.jira.Fault;
import de.digitalstrategie.cockpit.testing.jira.StoredIssue;
import de.digitalstrategie.cockpit.testing.jira.StoredLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thousand decisions and advisory inputs recorded while Jira is down, slow, rate-limiting and
 * failing, with a restart of the plugin halfway: once Jira recovers, each is in Jira exactly once,
 * linked to every project it concerns.
 */
class JiraFaultsTest {
    private static final int RECORDS = 1000;
    private static final int PROJECTS = 20;
    private static final String ISSUE = "/rest/api/2/issue";
    private static final String LINK = "/rest/api/2/issueLink";

    private final MovableClock clock = new MovableClock();
    private StoreFixture store = StoreFixture.on(new DatabaseTarget("H2", de.digitalstrategie.cockpit.sandbox.ao.Database.Kind.H2), clock);
    private final JiraSetup jira = new JiraSetup().provisioned();
    private Services services = new Services();
    /** Label in Jira → the projects the record concerns. */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();
    /** Label in Jira → the status label the record's current state must show. */
    private final Map<String, String> expectedStatus = new HashMap<>();
    private int crashed;

    /** The plugin's services on this node; a restart makes new ones over the same data. */
    private final class Services {
        final Outbox outbox = store.outbox;
        final DecisionStore decisions = store.decisions;
        final AdvisoryStore advisory = store.advisory;
        final OutboxDelivery delivery = store.bean(OutboxDelivery.class);

        int deliver() {
            try {
                return delivery.deliverDue(jira.fixture.client, jira.settings(), 500);
            } catch (RuntimeException e) {
                // Delivery must absorb every Jira failure into the outbox; anything escaping is a crash.
                crashed++;
                e.printStackTrace();
                return 0;
            }
        }
    }

    /** Thousands of retries each log a line; the counts below say what happened. */
    private final java.util.logging.Logger cockpitLog = java.util.logging.Logger.getLogger("de.digitalstrategie.cockpit");
    private final java.util.logging.Level logLevel = cockpitLog.getLevel();

    {
        cockpitLog.setLevel(java.util.logging.Level.SEVERE);
    }

    @AfterEach
    void close() {
        cockpitLog.setLevel(logLevel);
        jira.close();
        store.close();
    }

    private void record(int n) {
        List<String> concerned = new ArrayList<>();
        for (int k = 0; k <= n % 3; k++) {
            concerned.add("DIGI-" + (1 + (n * 7 + k * 5) % PROJECTS));
        }
        String label;
        String status;
        if (n % 3 == 0) {
            AdvisoryInput i = services.advisory.record(new AdvisoryInput(0, "input-" + n, "BR-2026-" + n,
                    "Empfehlung " + n, "Der Beirat empfiehlt " + n + ".", "Open Data", Set.of(Sector.WISSENSCHAFT), 0,
                    concerned, LocalDate.of(2026, 6, 1), null, new PageRef(5000 + n / 10, 1, "DIGI", "Protokoll"),
                    false, true), "cdo");
            label = "cockpit-advisory-input-" + i.id();
            status = "antwort-" + i.answer().status().name().toLowerCase().replace('_', '-');
        } else {
            Decision d = services.decisions.record(new Decision(0, "macro-" + n, "LK-2026-" + n, "Beschluss " + n,
                    "Der Lenkungskreis beschließt " + n + ".", DecisionStatus.READY_FOR_VOTE, null, 0, 0, concerned,
                    "Stabsabteilung", LocalDate.of(2027, 3, 31), "", new PageRef(4000 + n / 10, 1, "DIGI", "Protokoll"),
                    false, true), "schriftfuehrung");
            label = "cockpit-decision-" + d.id();
            status = "status-ready-for-vote";
            if (n % 10 == 1) {
                // Changed after recording, while its first delivery may still be pending or under way.
                services.decisions.changeStatus(d.id(), DecisionStatus.DEFERRED, "cdo", null, null, "vertagt");
                status = "status-deferred";
            }
        }
        expected.put(label, List.copyOf(concerned));
        expectedStatus.put(label, status);
    }

    /** Records the next quarter of the records in batches, delivering after each batch under {@code fault}. */
    private void quarter(int quarter, IntConsumer fault) {
        for (int n = quarter * RECORDS / 4 + 1; n <= (quarter + 1) * RECORDS / 4; n++) {
            record(n);
            if (n % 125 == 0) {
                fault.accept(n);
                clock.advance(Duration.ofMinutes(1));
                services.deliver();
            }
        }
    }

    @Test
    void aThousandRecordsReachJiraExactlyOnceThroughOutagesSlownessRateLimitsErrorsAndARestart() {
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, PROJECTS, jira::profile);
        jira.fixture.pause.clear();

        // Down: nothing arrives, every attempt is noted on its entry.
        jira.fixture.jira.stop();
        quarter(0, n -> { });
        assertTrue(jira.fixture.jira.issues().stream().noneMatch(i -> i.labels().stream()
                .anyMatch(l -> l.startsWith("cockpit-"))), "nothing reaches a stopped Jira");
        assertEquals(RECORDS / 4, services.outbox.countPending());
        jira.fixture.jira.restart();

        // Slow: answers lost after Jira did the work, and requests that time out.
        quarter(1, n -> {
            jira.fixture.jira.failNext(5, Fault.late(), ISSUE);
            jira.fixture.jira.failNext(3, Fault.late(), LINK);
            jira.fixture.jira.failNext(2, Fault.timeout());
        });

        // The node restarts: the plugin started again, same database.
        store = store.restart();
        services = new Services();

        // Rate-limited: 429 with Retry-After, which the client waits out (recorded, not slept).
        quarter(2, n -> jira.fixture.jira.failNext(100, Fault.rateLimit(1)));
        assertTrue(jira.fixture.pause.pauses().contains(Duration.ofSeconds(1)), "Retry-After is honoured");

        // Failing: 500s everywhere, and links refused after their issue was created.
        quarter(3, n -> {
            jira.fixture.jira.failNext(60, Fault.status(500));
            jira.fixture.jira.failNext(30, Fault.status(500), LINK);
        });

        // Jira recovers; delivery runs until the outbox is empty.
        jira.fixture.jira.clearFaults();
        int rounds = 0;
        while (services.outbox.countPending() > 0 && rounds++ < 20) {
            clock.advance(Duration.ofHours(2));
            services.deliver();
        }

        Map<String, List<StoredIssue>> byLabel = jira.fixture.jira.issues().stream()
                .flatMap(i -> i.labels().stream().filter(l -> l.startsWith("cockpit-")).map(l -> Map.entry(l, i)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<StoredLink> links = jira.fixture.jira.links();
        Map<StoredLink, Long> linkCounts = links.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        int lost = 0;
        int duplicated = 0;
        int unlinked = 0;
        int stale = 0;
        for (Map.Entry<String, List<String>> record : expected.entrySet()) {
            List<StoredIssue> issues = byLabel.getOrDefault(record.getKey(), List.of());
            if (issues.isEmpty()) {
                lost++;
                continue;
            }
            duplicated += issues.size() - 1;
            StoredIssue issue = issues.get(0);
            if (!issue.labels().contains(expectedStatus.get(record.getKey()))) {
                stale++;
            }
            for (String project : record.getValue()) {
                if (links.stream().noneMatch(l -> l.outwardKey().equals(issue.key()) && l.inwardKey().equals(project))) {
                    unlinked++;
                }
            }
        }
        long duplicateLinks = linkCounts.values().stream().mapToLong(c -> c - 1).sum();
        int pendingLeft = services.outbox.countPending();
        System.out.printf("hardening jira-faults: tried %d, lost %d, duplicated %d, unlinked %d, duplicate links %d, "
                        + "stale %d, leaked %d, crashed %d (%d recovery rounds, %d requests, %d recorded pauses)%n",
                expected.size(), lost, duplicated, unlinked, duplicateLinks, stale, pendingLeft, crashed, rounds,
                jira.fixture.jira.requests().size(), jira.fixture.pause.pauses().size());
        assertEquals(RECORDS, expected.size(), "every record was recorded");
        assertEquals(0, pendingLeft, "the outbox is empty");
        assertEquals(0, lost, "no record lost");
        assertEquals(0, duplicated, "no record twice in Jira");
        assertEquals(0, unlinked, "every record linked to every project it concerns");
        assertEquals(0, duplicateLinks, "no link twice");
        assertEquals(0, stale, "Jira shows each record's current state");
        assertEquals(0, crashed, "delivery never let a failure escape");
    }
}
