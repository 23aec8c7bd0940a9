package de.digitalstrategie.cockpit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.admin.JiraAdminServlet;
import de.digitalstrategie.cockpit.minutes.admin.MinutesPlacesServlet;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.host.PluginDescriptor;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox as a new user starts it: seeded Worms demo, start page and health over real HTTP. */
class SandboxTest {
    private static final Path SEED = Path.of("src/sandbox/seed/worms");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(SandboxServer server, String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsSeededAnswersHealthAndKeepsItsDataOverARestart(@TempDir Path data) throws Exception {
        Database db = Database.h2File(data.resolve("cockpit"));
        JsonNode first;
        try (Sandbox sandbox = new Sandbox(db, data, CLOCK)) {
            assertTrue(sandbox.seedDemo(SEED));
            try (SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0)) {
                server.start();
                HttpResponse<String> health = get(server, "/health", "de");
                assertEquals(200, health.statusCode());
                assertTrue(health.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
                first = new ObjectMapper().readTree(health.body());
            }
            // Every decision got to its status through the workflow, so each has an audit trail.
            for (Decision d : sandbox.decisions.all()) {
                assertFalse(sandbox.decisions.history(d.id()).isEmpty(), d.number());
            }
        }
        JsonNode counts = first.get("counts");
        assertEquals("UP", first.get("status").asText());
        assertEquals("H2", first.at("/database/kind").asText());
        assertTrue(counts.get("projects").asInt() >= 40);
        assertTrue(counts.get("departments").asInt() >= 10);
        assertTrue(counts.get("steeringCommitteeMeetings").asInt() >= 6);
        assertTrue(counts.get("advisoryBoardMeetings").asInt() >= 3);
        assertTrue(counts.get("decisions").asInt() >= 30);
        assertTrue(counts.get("advisoryInputs").asInt() >= 15);
        for (DecisionStatus s : DecisionStatus.values()) {
            assertTrue(counts.at("/decisionsByStatus/" + s.name()).asInt() > 0, "no decision " + s);
        }
        for (AnswerStatus s : AnswerStatus.values()) {
            assertTrue(counts.at("/advisoryInputsByAnswer/" + s.name()).asInt() > 0, "no input " + s);
        }
        for (Sector s : Sector.values()) {
            assertTrue(counts.at("/advisoryInputsBySector/" + s.name()).asInt() > 0, "no input from " + s);
        }

        try (Sandbox again = new Sandbox(db, data, CLOCK)) {
            assertFalse(again.seedDemo(SEED), "a seeded database is not seeded twice");
            try (SandboxServer server = new SandboxServer(again, "127.0.0.1", 0)) {
                server.start();
                JsonNode after = new ObjectMapper().readTree(get(server, "/health", "de").body());
                assertEquals(counts, after.get("counts"), "nothing lost, nothing added on restart");
            }
        }
    }

    @Test
    void projectsSpreadOverTheSixFieldsOfAction(@TempDir Path data) throws Exception {
        try (Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, CLOCK)) {
            sandbox.seedDemo(SEED);
            for (String field : new String[]{"3.1", "3.2", "3.3", "3.4", "3.5", "3.6"}) {
                assertTrue(sandbox.projects.all().stream().anyMatch(p -> p.fieldOfActionKey().equals(field)), field);
            }
            assertTrue(sandbox.projects.all().stream().allMatch(p -> p.profile().description().contains("Demo-Werte")),
                    "demo values are marked as such");
        }
    }

    @Test
    void startPageIsGermanFirstAndEscapesWhatUsersEntered(@TempDir Path data) throws Exception {
        try (Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, CLOCK)) {
            sandbox.seedDemo(SEED);
            sandbox.committee.save(new Meeting(0, WormsDemo.STEERING, "LK X", "<script>window.pwned=1</script>",
                    LocalDate.of(2026, 12, 1), "", 0, false));
            try (SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0)) {
                server.start();
                HttpResponse<String> de = get(server, "/", "de-DE,de;q=0.9");
                assertEquals(200, de.statusCode());
                assertTrue(de.body().contains("<html lang=\"de\">"));
                assertTrue(de.body().contains("Beschlüsse des Lenkungskreises nach Status"));
                assertTrue(de.body().contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"));
                assertFalse(de.body().contains("<script>window.pwned"));
                HttpResponse<String> en = get(server, "/", "en-GB");
                assertTrue(en.body().contains("<html lang=\"en\">"));
                assertTrue(en.body().contains("Steering-committee decisions by status"));
                assertEquals(404, get(server, "/nothing-here", "de").statusCode());
                // The portfolio is internal: anonymous visitors are not told how many projects there are.
                assertTrue(de.body().contains("Digitalprojekte</th><td class=\"num\">0<"), "anonymous: none");
                assertTrue(get(server, "/?as=cdo", "de").body().contains("Digitalprojekte</th><td class=\"num\">42<"),
                        "signed in: all of them");
            }
        }
    }

    /**
     * The plugin's styles come where its markup shows and only there: a page with a macro links
     * them because the macro required them, a page without one does not, and the admin page gets
     * them through the admin decorator, not through an address written into its template.
     */
    @Test
    void stylesAreLinkedWhereThePluginsMarkupAsksForThem(@TempDir Path data) throws Exception {
        String link = "<link rel=\"stylesheet\" href=\"/download/resources/de.digitalstrategie.cockpit:cockpit-resources/cockpit.css\">";
        try (Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, CLOCK)) {
            sandbox.seedDemo(SEED);
            long withMacro = sandbox.pages.create("DIGI", "Portfolio", "<ac:structured-macro ac:name=\"digital-portfolio\""
                    + " ac:schema-version=\"1\"/>", java.util.Set.of(), "page").getId();
            long plain = sandbox.pages.create("DIGI", "Notiz", "<p>Nur Text</p>", java.util.Set.of(), "page").getId();
            try (SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0)) {
                server.start();
                String page = get(server, "/pages/viewpage.action?as=cdo&pageId=" + withMacro, "de").body();
                assertEquals(1, page.split(java.util.regex.Pattern.quote(link), -1).length - 1, page);
                assertFalse(get(server, "/pages/viewpage.action?as=cdo&pageId=" + plain, "de").body().contains("cockpit.css"));
                assertFalse(get(server, "/?as=cdo", "de").body().contains("cockpit.css"));
                HttpResponse<String> admin = get(server, "/plugins/servlet/cockpit/admin?as=admin", "de");
                assertEquals(200, admin.statusCode());
                assertTrue(admin.body().contains(link), admin.body());
                assertEquals(admin.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                        Integer.parseInt(admin.headers().firstValue("Content-Length").orElseThrow()));
                String minutes = get(server, "/plugins/servlet/cockpit/admin/minutes?as=admin", "de").body();
                assertEquals(1, minutes.split(java.util.regex.Pattern.quote(link), -1).length - 1, minutes);
            }
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> sandbox.host.webResources.assembler().resources().requireWebResource("de.digitalstrategie.cockpit:nothing"));
        }
    }

    /**
     * The sandbox holds the plugin's modules exactly as the descriptor declares them, each made by
     * the plugin's Spring context, and its objects are that context's beans: nothing wired by hand.
     */
    @Test
    void thePluginIsComposedFromItsSpringContextAndItsDescriptor(@TempDir Path data) {
        try (Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, CLOCK)) {
            PluginDescriptor descriptor = PluginDescriptor.load();
            Map<String, Class<?>> declared = new TreeMap<>();
            descriptor.macros().forEach(m -> declared.put(m.name(), m.type()));
            Map<String, Class<?>> held = new TreeMap<>();
            sandbox.macros.forEach((name, macro) -> held.put(name, macro.getClass()));
            assertEquals(declared, held);
            assertEquals(Map.ofEntries(
                            Map.entry("/plugins/servlet/cockpit/admin",
                                    JiraAdminServlet.class),
                            Map.entry("/plugins/servlet/cockpit/admin/minutes",
                                    MinutesPlacesServlet.class),
                            Map.entry("/plugins/servlet/cockpit/project-publication",
                                    de.digitalstrategie.cockpit.publication.web.PublicationServlet.class),
                            Map.entry("/plugins/servlet/cockpit/reminders",
                                    de.digitalstrategie.cockpit.reminder.web.ReminderPreferencesServlet.class),
                            Map.entry("/plugins/servlet/cockpit/admin/reminders",
                                    de.digitalstrategie.cockpit.reminder.web.ReminderAdminServlet.class),
                            Map.entry("/plugins/servlet/cockpit/calendar",
                                    de.digitalstrategie.cockpit.calendar.web.CalendarServlet.class),
                            Map.entry("/plugins/servlet/cockpit/decision-implementation",
                                    de.digitalstrategie.cockpit.decision.web.ImplementationServlet.class),
                            Map.entry("/plugins/servlet/cockpit/evidence-flags",
                                    de.digitalstrategie.cockpit.evidence.web.EvidenceServlet.class),
                            Map.entry("/plugins/servlet/cockpit/admin/evidence",
                                    de.digitalstrategie.cockpit.evidence.web.EvidenceAdminServlet.class),
                            Map.entry("/plugins/servlet/cockpit/indicator-values",
                                    de.digitalstrategie.cockpit.strategy.web.ValuesServlet.class),
                            Map.entry("/plugins/servlet/cockpit/report",
                                    de.digitalstrategie.cockpit.report.web.QuarterlyReportServlet.class)),
                    sandbox.servlets().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().getClass())));
            assertEquals(descriptor.restClasses(), sandbox.restResources().stream().map(Object::getClass).toList());
            assertSame(sandbox.plugin.bean("decisionStore", DecisionStore.class), sandbox.decisions);
            assertSame(sandbox.plugin.bean("outboxDelivery", OutboxDelivery.class), sandbox.delivery);
            // The plugin's clock bean is the sandbox's, so what the plugin dates follows the tests' clock.
            assertSame(CLOCK, sandbox.plugin.bean("clock", Clock.class));
        }
    }
}
