package de.digitalstrategie.cockpit.strategy.achievement;

import de.digitalstrategie.cockpit.minutes.DemoRecords;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's goals as the sandbox seeds them (recorded from its strategy pages by the page sync,
 * values written after), seen over real HTTP: every field of action has goals, the indicators
 * stand in every assessment and one is overdue, everything is marked as demo values, and the
 * export holds what the page shows, for signed-in viewers only.
 */
class AchievementDemoTest {
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long page(String title) {
        return fixture.sandbox.pages.all().stream().filter(p -> p.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no page " + title)).getId();
    }

    @Test
    void everyFieldOfActionHasGoalsRecordedFromItsPageAsDemoValues() {
        List<Goal> goals = fixture.sandbox.plugin.bean(GoalStore.class).all();
        Set<String> fields = fixture.sandbox.organisation.fieldsOfAction().stream().map(FieldOfAction::key)
                .filter(k -> k.chars().filter(c -> c == '.').count() == 1).collect(Collectors.toSet());
        assertEquals(7, fields.size(), "the strategy's seven fields of action");
        assertEquals(fields, goals.stream().map(Goal::fieldOfAction).collect(Collectors.toSet()));
        assertTrue(goals.stream().allMatch(g -> DemoRecords.isDemo(g.macroId(), g.number())), "all marked as demo");
        assertTrue(goals.stream().allMatch(g -> g.page().exists() && g.meetingId() == 0), "recorded from pages");
        assertEquals(Set.of(GoalStatus.ADOPTED, GoalStatus.DRAFT, GoalStatus.ACHIEVED),
                goals.stream().map(Goal::status).collect(Collectors.toSet()), "the achieved one through its workflow");
        List<Indicator> cards = fixture.sandbox.plugin.bean(Indicators.class).ofGoals(
                goals.stream().map(Goal::number).toList(), goals.stream().map(g -> g.page().pageId()).toList())
                .values().stream().flatMap(List::stream).toList();
        assertEquals(10, cards.size());
        assertTrue(cards.stream().allMatch(i -> i.source().equals("Demowert")));
        List<Measurement> values = fixture.sandbox.plugin.bean(Measurements.class).of(cards).values().stream()
                .flatMap(List::stream).toList();
        assertTrue(values.size() > 60, "values over several years: " + values.size());
        assertTrue(values.stream().allMatch(m -> m.source().equals("Demowert")));
    }

    @Test
    void theOverviewShowsEveryAssessmentAndOneOverdueCollection() throws Exception {
        String html = new String(get("/pages/viewpage.action?as=cdo&pageId="
                + page("Zielerreichung der Digitalstrategie")).body(), StandardCharsets.UTF_8);
        for (String assessment : List.of(">Im Plan<", ">Gefährdet<", ">Nicht im Plan<", ">Keine Daten<")) {
            assertTrue(html.contains(assessment), assessment);
        }
        assertEquals(1, html.split("class=\"cockpit-overdue\"", -1).length - 1, "one collection overdue");
        assertTrue(html.contains("Demowerte:"), "the page says its values are demo values");
        assertFalse(html.contains("cockpit-error"), "no macro failed");
        String field = new String(get("/pages/viewpage.action?as=cdo&pageId="
                + page("Ziele im Handlungsfeld Mobilität")).body(), StandardCharsets.UTF_8);
        assertTrue(field.contains("ZIEL-MOB-1") && !field.contains("ZIEL-VERW-1"), "a field's page shows its field");
    }

    @Test
    void theExportHoldsOneRowPerIndicatorForSignedInViewersOnly() throws Exception {
        HttpResponse<byte[]> csv = get("/rest/cockpit/1.0/strategy/achievement/export?format=csv&as=cdo");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertTrue(lines.get(0).startsWith("Handlungsfeld;Ziel;Titel des Ziels;"), lines.get(0));
        assertEquals(1 + 10, lines.size(), "a header and every indicator");
        List<String> offTrack = List.of(new String(get("/rest/cockpit/1.0/strategy/achievement/export?format=csv"
                + "&assessment=off-track&as=cdo").body(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertTrue(offTrack.size() > 1 && offTrack.size() < lines.size());
        assertTrue(offTrack.stream().skip(1).allMatch(l -> l.contains(";Nicht im Plan;")
                || l.contains(";ZIEL-VERW-1;")), "goals with an indicator off track, each with all its indicators");
        HttpResponse<byte[]> xlsx = get("/rest/cockpit/1.0/strategy/achievement/export?format=xlsx&as=mitarbeiterin");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(11, book.getSheetAt(0).getPhysicalNumberOfRows());
        }
        assertEquals(401, get("/rest/cockpit/1.0/strategy/achievement/export?format=csv").statusCode());
        assertEquals(400, get("/rest/cockpit/1.0/strategy/achievement/export?format=csv&bogus=1&as=cdo")
                .statusCode());
    }
}
