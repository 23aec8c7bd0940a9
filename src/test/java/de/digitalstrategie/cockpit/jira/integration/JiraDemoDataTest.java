package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.minutes.DemoRecords;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;
import de.digitalstrategie.cockpit.testing.jira.StoredIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox with its demo, connected to a Jira: the demo's decisions and input stay in the
 * sandbox, a record from real minutes goes, and the admin page says which is which.
 */
class JiraDemoDataTest {
    private final SandboxFixture fixture = new SandboxFixture();
    private final Sandbox sandbox = fixture.sandbox;
    private final JiraFixture jira = new JiraFixture();
    private final SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0);

    @AfterEach
    void close() {
        server.close();
        fixture.close();
        jira.close();
    }

    private String adminPage() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/plugins/servlet/cockpit/admin?lang=de&as=admin")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int deliver() {
        return sandbox.delivery.deliverDue(sandbox.jira.client().orElseThrow(), sandbox.jira.settings(), 1000);
    }

    @Test
    void demoRecordsNeverLeaveTheSandboxAndRealOnesDo() throws Exception {
        server.start();
        int demoDecisions = sandbox.decisions.count();
        int demoInputs = sandbox.advisory.count();
        assertTrue(demoDecisions >= 30 && demoInputs >= 15, demoDecisions + " / " + demoInputs);
        assertTrue(sandbox.decisions.all().stream().allMatch(d -> DemoRecords.isDemo(d.macroId(), d.number())),
                "the demo marks each of its records as demo data");
        String before = adminPage();
        assertTrue(before.contains("Demo-Daten bleiben im Cockpit: " + demoDecisions + " Beschlüsse und " + demoInputs
                + " Empfehlungen"), before);
        assertTrue(before.contains("Alle Beschlüsse und Empfehlungen sind in Jira."), "no demo record is listed as waiting");

        // Connected to a Jira, set up, with one digital project in it.
        jira.jira.createProject("DIGI", "Digitalisierung");
        sandbox.jiraSettings.save(jira.jira.baseUrl().toString(), JiraFixture.TOKEN, JiraSettings.DEFAULT_JQL, "DIGI");
        new Provisioning(jira.client, sandbox.jiraSettings).run();
        String project = jira.jira.createIssue("DIGI", Provisioning.PROJECT_TYPE, Map.of("summary", "E-Akte"));
        jira.jira.resetCounts();

        assertEquals(0, deliver());
        assertEquals(List.of(project), jira.jira.issues().stream().map(StoredIssue::key).toList(),
                "not one issue from the demo");
        assertEquals(List.of(), jira.jira.requests(), "Jira was not even asked about them");
        OutboxDelivery.Backlog backlog = sandbox.delivery.backlog();
        assertEquals(List.of(), backlog.waiting());
        assertEquals(demoDecisions, backlog.demoDecisions());
        assertEquals(demoInputs, backlog.demoInputs());
        assertEquals(0, deliver(), "kept back for good, not retried");
        assertEquals(List.of(), jira.jira.requests());

        // Minutes a secretary writes: their decision goes to Jira.
        sandbox.pages.create(sandbox.pages.reserveId(), WormsDemo.STEERING_SPACE, 0, "Protokoll Sondersitzung",
                SandboxFixture.macro("committee-decision", Map.of("number", "LK-2026-90", "title", "Echter Beschluss",
                        "status", "proposed", "projects", project), "<p>Der Lenkungskreis beschließt.</p>"), Set.of(),
                "minutes", WormsDemo.SECRETARY);
        sandbox.settle(); // the page event is recorded by the scheduler's job, as in Confluence
        Decision real = sandbox.decisions.all().stream().filter(d -> d.number().equals("LK-2026-90")).findFirst()
                .orElseThrow();
        assertFalse(DemoRecords.isDemo(real.macroId(), real.number()));
        // Links back to the minutes carry the base URL Confluence is configured with (SAL's
        // ApplicationProperties, outside a request), as the plugin's PageLinks asks for it.
        sandbox.baseUrl("https://wiki.stadt.example/");
        assertEquals(1, deliver());
        List<StoredIssue> issues = jira.jira.issues();
        assertEquals(2, issues.size());
        assertTrue(issues.stream().anyMatch(i -> i.text("summary").equals("LK-2026-90: Echter Beschluss")
                && i.labels().contains("cockpit-decision-" + real.id())
                && i.text("description").contains("https://wiki.stadt.example/pages/viewpage.action?pageId="
                        + real.page().pageId())), issues.toString());
        assertTrue(adminPage().contains("Demo-Daten bleiben im Cockpit: " + demoDecisions + " Beschlüsse"));
    }
}
