package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.outbox.Outbox;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.outbox.OutboxEntry;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.testing.jira.Fault;
import de.digitalstrategie.cockpit.testing.jira.StoredIssue;
import de.digitalstrategie.cockpit.testing.jira.StoredLink;
import de.digitalstrategie.cockpit.testing.jira.WikiRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions and advisory input reach Jira exactly once, linked to their projects, whatever Jira does. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class OutboxDeliveryTest {
    private StoreFixture store;
    private final JiraSetup jira = new JiraSetup().provisioned();
    private final MovableClock clock = new MovableClock();
    private Services services;

    /** The plugin's services on this node; a restart makes new ones, keeping the data. */
    private final class Services {
        final Outbox outbox = store.outbox;
        final DecisionStore decisions = store.decisions;
        final AdvisoryStore advisory = store.advisory;
        final OutboxDelivery delivery = store.bean(OutboxDelivery.class);

        int deliver() {
            return delivery.deliverDue(jira.fixture.client, jira.settings(), 500);
        }
    }

    OutboxDeliveryTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target, clock);
        this.services = new Services();
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 5, jira::profile);
    }

    @AfterEach
    void close() {
        jira.close();
        store.close();
    }

    private Decision decision(int n, List<String> projects) {
        return services.decisions.record(new Decision(0, "macro-" + n, "LK-2026-" + n, "Beschluss " + n,
                "Der Lenkungskreis beschließt " + n + ".", DecisionStatus.READY_FOR_VOTE, null, 0, 0, projects,
                "Stabsabteilung", LocalDate.of(2027, 3, 31), "", new PageRef(4000 + n, 1, "DIGI", "Protokoll"), false,
                true), "schriftfuehrung");
    }

    private AdvisoryInput input(int n, List<String> projects) {
        return services.advisory.record(new AdvisoryInput(0, "input-" + n, "BR-2026-" + n, "Empfehlung " + n,
                "Der Beirat empfiehlt " + n + ".", "Open Data", Set.of(Sector.WISSENSCHAFT), 0, projects,
                LocalDate.of(2026, 6, 1), null, new PageRef(5000 + n, 1, "DIGI", "Protokoll"), false, true), "cdo");
    }

    private List<StoredIssue> withLabel(String label) {
        return jira.fixture.jira.issues().stream().filter(i -> i.labels().contains(label)).toList();
    }

    private long links(String from, String to) {
        return jira.fixture.jira.links().stream()
                .filter(l -> l.inwardKey().equals(to) && l.outwardKey().equals(from)).count();
    }

    @Test
    void whatTheMinutesSayAppearsInJiraAsTyped() {
        String typed = String.join("\n", "h1. Haushalt 2027", "*Vorbehalt* der _Kämmerei_, siehe [Anlage|http://x.example]",
                "- erstens", "# zweitens", "| Posten | Betrag |", "!plan.png! und {{Code}} und {code}x{code}",
                "Pfad C:\\Daten\\neu, Umbruch \\\\ hier", "bq. kein Zitat", "----", "Frage?? Antwort?? (y) :D (i)",
                "+neu+ ^hoch^ ~tief~ -alt- -- R&D; &amp; 50 % @team {color:red}rot{color}");
        Decision d = services.decisions.record(new Decision(0, "macro-typed", "LK-2026-9", "*Haushalt* [2027]", typed,
                DecisionStatus.READY_FOR_VOTE, null, 0, 0, List.of("DIGI-1"), "Amt für _Finanzen_", null, "",
                new PageRef(4009, 1, "DIGI", "Protokoll"), false, true), "schriftfuehrung");
        services.deliver();

        StoredIssue issue = withLabel("cockpit-decision-" + d.id()).get(0);
        WikiRenderer.Rendered shown = jira.fixture.jira.rendered(issue.key(), "description");
        assertEquals(List.of(), shown.markup(), "Jira formats nothing of it");
        assertTrue(shown.text().startsWith(typed + "\n\nStatus: READY_FOR_VOTE\nVerantwortlich: Amt für _Finanzen_\n"),
                shown.text());
        assertEquals("LK-2026-9: *Haushalt* [2027]", issue.text("summary"), "the summary is plain text in Jira");
    }

    @Test
    void recordsBecomeLinkedIssuesAndChangesUpdateThem() {
        Decision d = decision(1, List.of("DIGI-1", "DIGI-2"));
        AdvisoryInput i = input(2, List.of("DIGI-3"));
        assertEquals(2, services.outbox.countPending());
        assertEquals(2, services.deliver(), services.outbox.pending().toString());
        assertEquals(0, services.outbox.countPending());

        StoredIssue issue = withLabel("cockpit-decision-" + d.id()).get(0);
        assertEquals(Provisioning.DECISION_TYPE, issue.issueType());
        assertEquals("LK-2026-1: Beschluss 1", issue.fields().get("summary").asText());
        assertTrue(issue.fields().get("description").asText().contains("pageId=4001"), "links back to the minutes");
        assertEquals(1, links(issue.key(), "DIGI-1"));
        assertEquals(1, links(issue.key(), "DIGI-2"));
        StoredIssue inputIssue = withLabel("cockpit-advisory-input-" + i.id()).get(0);
        assertEquals(Provisioning.INPUT_TYPE, inputIssue.issueType());
        assertEquals(1, links(inputIssue.key(), "DIGI-3"));

        services.decisions.changeStatus(d.id(), DecisionStatus.DEFERRED, "cdo", null, null, "vertagt");
        assertEquals(1, services.outbox.countPending(), "a change goes out again");
        services.deliver();
        List<StoredIssue> after = withLabel("cockpit-decision-" + d.id());
        assertEquals(1, after.size(), "updated, not duplicated");
        assertTrue(after.get(0).labels().contains("status-deferred"));
        assertEquals(1, links(issue.key(), "DIGI-1"), "links are not added twice");
    }

    @Test
    void anIssueCreatedBeforeACrashIsFoundAgainNotDuplicated() {
        Decision d = decision(7, List.of("DIGI-4"));
        // Jira creates the issue, but its answer never arrives: the outbox cannot note it.
        jira.fixture.jira.failNext(1, Fault.late(), "/rest/api/2/issue");
        assertEquals(0, services.deliver());
        assertEquals(1, withLabel("cockpit-decision-" + d.id()).size(), "created in Jira");
        assertEquals(1, services.outbox.countPending());
        clock.advance(Duration.ofHours(2));
        assertEquals(1, services.deliver());
        assertEquals(1, withLabel("cockpit-decision-" + d.id()).size(), "found again, not duplicated");
        assertEquals(1, links(withLabel("cockpit-decision-" + d.id()).get(0).key(), "DIGI-4"));
    }

    /**
     * Someone who may create issues in the target project puts the record's label on an issue of
     * their own before the record's first delivery: the outbox creates the record's own issue and
     * leaves theirs alone, and the decision follows its own issue.
     */
    @Test
    void anIssuePlantedWithTheRecordsLabelBeforeDeliveryIsNotAdopted() {
        Decision d = decision(8, List.of("DIGI-5"));
        String planted = jira.fixture.jira.createIssue("DIGI", Provisioning.DECISION_TYPE, Map.of(
                "summary", "Untergeschoben", "labels", List.of("cockpit-decision-" + d.id(), "lenkungskreis")));
        assertEquals(1, services.deliver());

        List<StoredIssue> labelled = withLabel("cockpit-decision-" + d.id());
        assertEquals(2, labelled.size(), "its own issue beside the planted one");
        StoredIssue own = labelled.stream().filter(i -> !i.key().equals(planted)).findFirst().orElseThrow();
        assertEquals("LK-2026-8: Beschluss 8", own.text("summary"));
        assertEquals(own.key(), services.decisions.find(d.id()).orElseThrow().jiraIssue());
        assertEquals(1, links(own.key(), "DIGI-5"));
        StoredIssue theirs = jira.fixture.jira.issue(planted);
        assertEquals("Untergeschoben", theirs.text("summary"), "the planted issue is not updated");
        assertEquals(0, links(planted, "DIGI-5"), "nor linked");

        services.decisions.changeStatus(d.id(), DecisionStatus.DEFERRED, "cdo", null, null, "vertagt");
        services.deliver();
        assertEquals(2, withLabel("cockpit-decision-" + d.id()).size(), "a change updates its own issue");
        assertTrue(jira.fixture.jira.issue(own.key()).labels().contains("status-deferred"));
        assertEquals("Untergeschoben", jira.fixture.jira.issue(planted).text("summary"));
    }

    /**
     * A decision on minutes only some may read would be read by everyone in the Jira project: it
     * is held back, shown as held, and sent once the page is open to its space again; a change of
     * a decision whose page was restricted after its delivery does not reach its issue either.
     */
    @Test
    void decisionsOnRestrictedMinutesAreHeldBackUntilThePageIsOpen() {
        SandboxPage confidential = store.host.pages.create("DIGI", "Protokoll (vertraulich)", "<p>vertraulich</p>",
                Set.of("cdo", "schriftfuehrung"), "minutes");
        Decision d = services.decisions.record(new Decision(0, "macro-secret", "LK-2026-11", "Vertraulich",
                "Der Lenkungskreis beschließt Vertrauliches.", DecisionStatus.READY_FOR_VOTE, null, 0, 0,
                List.of("DIGI-1"), "Stabsabteilung", null, "", new PageRef(confidential.getId(), 1, "DIGI",
                "Protokoll (vertraulich)"), false, true), "schriftfuehrung");
        Decision open = decision(12, List.of("DIGI-2"));
        jira.fixture.jira.resetCounts();

        assertEquals(1, services.deliver(), "only the decision on open minutes");
        assertEquals(List.of(), withLabel("cockpit-decision-" + d.id()), "nothing of it in Jira");
        assertEquals(1, withLabel("cockpit-decision-" + open.id()).size());
        assertTrue(jira.fixture.jira.issues().stream().noneMatch(i -> i.text("description").contains("Vertrauliches")));
        assertEquals(1, services.outbox.countHeld());
        assertEquals(0, services.outbox.countPending());
        OutboxEntry held = services.outbox.pending().stream().filter(e -> e.recordId() == d.id()).findFirst()
                .orElseThrow();
        assertTrue(held.held() && !held.delivered(), held.toString());
        assertEquals("", services.decisions.find(d.id()).orElseThrow().jiraIssue());

        clock.advance(Duration.ofHours(1));
        assertEquals(0, services.deliver(), "still restricted: still held");
        assertEquals(List.of(), withLabel("cockpit-decision-" + d.id()));

        store.host.pages.restrict(confidential.getId(), Set.of());
        clock.advance(Duration.ofMinutes(11));
        assertEquals(1, services.deliver(), "sent once the page is open");
        assertEquals(1, withLabel("cockpit-decision-" + d.id()).size());
        assertEquals(0, services.outbox.countHeld());

        store.host.pages.restrict(confidential.getId(), Set.of("cdo"));
        services.decisions.changeStatus(d.id(), DecisionStatus.DEFERRED, "cdo", null, null, "vertagt");
        assertEquals(0, services.deliver());
        assertTrue(withLabel("cockpit-decision-" + d.id()).get(0).labels().contains("status-ready-for-vote"),
                "the change made while the page is restricted does not reach the issue");
        assertEquals(1, services.outbox.countHeld());
    }

    @Test
    void everyRecordArrivesExactlyOnceThroughOutagesRateLimitsErrorsAndARestart() {
        List<String> labels = new ArrayList<>();
        Map<String, List<String>> projects = new java.util.HashMap<>();
        for (int n = 1; n <= 30; n++) {
            List<String> concerned = List.of("DIGI-" + (1 + n % 5), "DIGI-" + (1 + (n + 2) % 5));
            String label = n % 3 == 0 ? "cockpit-advisory-input-" + input(n, concerned).id()
                    : "cockpit-decision-" + decision(n, concerned).id();
            labels.add(label);
            projects.put(label, concerned);
        }
        // Jira is down: nothing arrives, nothing is lost, every failure is noted.
        jira.fixture.jira.stop();
        assertEquals(0, services.deliver());
        assertEquals(30, services.outbox.countPending());
        assertTrue(services.outbox.pending().stream().allMatch(e -> !e.lastError().isEmpty() && e.attempts() == 1));
        jira.fixture.jira.restart();

        // Jira is back but unwell, and the plugin restarts halfway.
        jira.fixture.jira.failNext(3, Fault.status(500));
        jira.fixture.jira.failNext(2, Fault.rateLimit(1));
        jira.fixture.jira.failNext(2, Fault.timeout());
        int rounds = 0;
        while (services.outbox.countPending() > 0 && rounds++ < 20) {
            clock.advance(Duration.ofHours(2));
            services.deliver();
            if (rounds == 1) {
                store = store.restart();
                services = new Services();
                jira.fixture.jira.failNext(6, Fault.status(503));
            }
        }
        assertEquals(0, services.outbox.countPending(), "everything arrived within " + rounds + " rounds");
        for (String label : labels) {
            List<StoredIssue> issues = withLabel(label);
            assertEquals(1, issues.size(), "exactly one issue for " + label);
            for (String project : projects.get(label)) {
                assertEquals(1, links(issues.get(0).key(), project), label + " linked to " + project + " once");
            }
        }
        List<StoredLink> all = jira.fixture.jira.links();
        assertEquals(all.size(), Set.copyOf(all).size(), "no duplicate links");
    }
}
