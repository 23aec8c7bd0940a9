package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project's history as a viewer reads it, over real HTTP in the sandbox, with the issues changed
 * in the Jira double across several syncs on several days: the profile's timeline lists every
 * change, and the portfolio and the roadmap as of each day between the syncs show the state of
 * that day, only to who may see the projects now. On every database.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ProjectTimelineTest {
    private static final Pattern ROW = Pattern.compile("<tr[^>]*>\\s*<td>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL);
    private final MovableClock clock = new MovableClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Sandbox sandbox;
    private final SandboxServer server;
    private final JiraSetup jira;

    ProjectTimelineTest(DatabaseTarget target, @TempDir Path data) {
        sandbox = new Sandbox(target.fresh(), data, clock);
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
        for (int i = 1; i <= 6; i++) {
            sandbox.organisation.save(new FieldOfAction("3." + i, "Feld " + i, "Field " + i, i, ""));
        }
        jira = new JiraSetup(sandbox.jiraSettings).provisioned();
        jira.fixture.jira.createProject("ALT", "Altbestand");
        jira.settingsStore.save(jira.fixture.jira.baseUrl().toString(), de.digitalstrategie.cockpit.testing.jira
                .JiraFixture.TOKEN, "project in (DIGI, ALT) AND issuetype = \"Digitalprojekt\"", "DIGI");
        jira.fixture.jira.grantBrowse("DIGI", "cdo", "mitarbeiterin");
        jira.fixture.jira.grantBrowse("ALT", "cdo");
    }

    @AfterEach
    void close() {
        server.close();
        sandbox.close();
        jira.close();
    }

    /** One sync of the portfolio after {@code days} days have passed for the cockpit and for Jira alike. */
    private void syncAfter(int days) {
        clock.advance(Duration.ofDays(days));
        jira.fixture.jira.advance(Duration.ofDays(days));
        sandbox.projectSync.run(jira.fixture.client, jira.settings(), false).orElseThrow();
    }

    private void change(String key, ProfileField field, Object value) {
        jira.fixture.client.updateIssue(key, Map.of(jira.settings().fieldIds().get(field), value));
    }

    @Test
    void everyChangeIsInTheTimelineAndEachDayBetweenTheSyncsInTheAsOfViews() throws Exception {
        // Day 1 (27.11.2026): three planned projects with 250 € funding; DIGI-1 in implementation, red, 1.001 €.
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 3, jira::profile);
        syncAfter(0);
        // Day 3: DIGI-1 runs, goes into operation and recovers to amber with twice the budget, DIGI-2 turns amber.
        jira.fixture.jira.transition("DIGI-1", "In Progress");
        change("DIGI-1", ProfileField.HEALTH, "gelb");
        change("DIGI-1", ProfileField.BUDGET, 2000);
        change("DIGI-1", ProfileField.PHASE, "Betrieb");
        change("DIGI-2", ProfileField.HEALTH, "gelb");
        syncAfter(2);
        // Day 6: DIGI-1 gets funding and a later end, a fourth project appears, DIGI-2 moves to ALT and recovers.
        change("DIGI-1", ProfileField.FUNDING, 500);
        change("DIGI-1", ProfileField.END, "2028-06-30");
        change("DIGI-1", ProfileField.START, "2025-03-01");
        jira.fixture.jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, 1, n -> jira.profile(4));
        String moved = jira.fixture.jira.move("DIGI-2", "ALT");
        change(moved, ProfileField.HEALTH, "green");
        syncAfter(3);
        assertTrue(sandbox.projects.publish("DIGI-1", true, "cdo"));
        clock.advance(Duration.ofDays(1));

        long profile = sandbox.pages.create("DIGI", "Steckbrief", macro("project-profile", Map.of("key", "DIGI-1"),
                null), Set.of(), "profile").getId();
        String timeline = section(page(profile, "cdo", Map.of()), "cockpit-timeline");
        assertEquals(List.of(
                List.of("02.12.2026, 09:00 Uhr", "Veröffentlicht", "nein → ja", "im Cockpit geändert von Chief Digital Officer (Demo)"),
                List.of("02.12.2026, 09:00 Uhr", "Fördermittel", "250 € → 500 €", "aus Jira"),
                List.of("02.12.2026, 09:00 Uhr", "Projektbeginn", "01.01.2025 → 01.03.2025", "aus Jira"),
                List.of("02.12.2026, 09:00 Uhr", "Projektende", "31.12.2027 → 30.06.2028", "aus Jira"),
                List.of("29.11.2026, 09:00 Uhr", "Status", "Geplant → Laufend", "aus Jira"),
                List.of("29.11.2026, 09:00 Uhr", "Phase", "Umsetzung → Betrieb", "aus Jira"),
                List.of("29.11.2026, 09:00 Uhr", "Ampel", "Kritisch → Gefährdet", "aus Jira"),
                List.of("29.11.2026, 09:00 Uhr", "Budget", "1.001 € → 2.000 €", "aus Jira")),
                sorted(rows(timeline)).subList(0, 8), "every change after the first mirroring, newest first");
        assertEquals(15, rows(timeline).size(), "and the first mirroring's seven values: " + rows(timeline));
        assertTrue(rows(timeline).get(14).get(0).startsWith("27.11.2026"), rows(timeline).toString());

        // Six edits in the cockpit more: the timeline shows the newest 20 and links to the older ones.
        for (int i = 1; i <= 6; i++) {
            clock.advance(Duration.ofMinutes(1));
            de.digitalstrategie.cockpit.portfolio.DigitalProject p = sandbox.projects.find("DIGI-1").orElseThrow();
            sandbox.projects.save(new de.digitalstrategie.cockpit.portfolio.DigitalProject(p.issueKey(), p.title(),
                    p.profile(), p.timeFrame(), p.budgetCents() + 100_00, p.fundingCents(), p.status(), p.phase(),
                    p.health(), p.departmentKey(), p.fieldOfActionKey(), p.updated()));
        }
        String first = section(page(profile, "cdo", Map.of()), "cockpit-timeline");
        assertEquals(20, rows(first).size());
        assertEquals(List.of("03.12.2026, 09:06 Uhr", "Budget", "2.500 € → 2.600 €", "im Cockpit geändert"),
                rows(first).get(0));
        Matcher more = Pattern.compile("<a href=\"\\?([^\"]+)\">Ältere Änderungen zeigen</a>").matcher(first);
        assertTrue(more.find(), first);
        Map<String, String> older = new LinkedHashMap<>();
        for (String pair : more.group(1).replace("&amp;", "&").split("&")) {
            String[] kv = pair.split("=", 2);
            older.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        older.keySet().removeAll(Set.of("pageId", "as", "lang"));
        String all = section(page(profile, "cdo", older), "cockpit-timeline");
        assertEquals(21, rows(all).size(), "all of it, the first mirroring last");
        assertFalse(all.contains("Ältere Änderungen zeigen"));

        long overview = sandbox.pages.create("DIGI", "Übersicht", macro("digital-portfolio",
                Map.of("group", "none", "charts", "false"), null) + macro("digital-roadmap", Map.of("group", "none"),
                null), Set.of(), "portfolio").getId();
        String today = page(overview, "cdo", Map.of());
        Map<String, List<String>> now = projects(today);
        assertEquals(Set.of("DIGI-1", moved, "DIGI-3", "DIGI-4"), now.keySet());
        assertEquals(List.of("Betrieb", "Laufend", "Gefährdet", "2.600 €", "500 €", "30.06.2028"), now.get("DIGI-1"));
        assertFalse(today.contains("cockpit-as-of"), "today's portfolio says no day");

        // The end of day 2: before the second sync.
        String day2 = page(overview, "cdo", asOf(today, "2026-11-28"));
        Map<String, List<String>> then = projects(day2);
        assertEquals(Set.of("DIGI-1", moved, "DIGI-3"), then.keySet(), "DIGI-4 did not exist yet");
        assertEquals(List.of("Umsetzung", "Geplant", "Kritisch", "1.001 €", "250 €", "31.12.2027"), then.get("DIGI-1"));
        assertEquals("Im Plan", then.get(moved).get(2), "the moved project's first mirroring, under its old key");
        assertTrue(day2.contains("Stand: 28.11.2026."), "the page says which day it shows");
        assertTrue(day2.contains("Gesamt") && total(day2).equals(List.of("3", "3.005 €", "750 €", "1", "0")),
                "the totals follow the day: " + total(day2));
        assertFalse(day2.contains("/projects/export"), "no download of today's values beside a past state");

        // The end of day 3, between the second and third sync; the same in the author's parameter.
        Map<String, List<String>> day3 = projects(page(overview, "cdo", asOf(today, "29.11.2026")));
        assertEquals(List.of("Betrieb", "Laufend", "Gefährdet", "2.000 €", "250 €", "31.12.2027"), day3.get("DIGI-1"));
        assertEquals("Gefährdet", day3.get(moved).get(2), "amber then, under its old key before the move");
        long authored = sandbox.pages.create("DIGI", "Stand", macro("digital-portfolio", Map.of("group", "none",
                "charts", "false", "as-of", "2026-11-29"), null), Set.of(), "asof").getId();
        assertEquals(day3, projects(page(authored, "cdo", Map.of())));
        // Only what the viewer may see now, filtered on the day's values.
        Map<String, List<String>> staff = projects(page(overview, "mitarbeiterin", asOf(today, "2026-11-29")));
        assertEquals(Set.of("DIGI-1", "DIGI-3"), staff.keySet());
        String amber = page(authored, "cdo", Map.of(instance(page(authored, "cdo", Map.of())) + ".health", "amber"));
        assertEquals(Set.of("DIGI-1", moved), projects(amber).keySet(), "amber on the day, green today");

        // Health over time per field of action: the month's end before the third sync, and today.
        long trendPage = sandbox.pages.create("DIGI", "Verlauf", macro("digital-portfolio", Map.of("group", "none",
                "charts", "false", "health-trend", "2"), null), Set.of(), "trend").getId();
        String trend = page(trendPage, "cdo", Map.of());
        assertEquals(List.of(List.of("30.11.2026", "0 (0 %)", "1 (100 %)", "0 (0 %)"),
                List.of("03.12.2026", "1 (100 %)", "0 (0 %)", "0 (0 %)")), trendRows(trend, "Feld 2"),
                "the moved project: amber at the end of November, green since");
        assertEquals(List.of(List.of("30.11.2026", "0 (0 %)", "1 (100 %)", "0 (0 %)"),
                List.of("03.12.2026", "0 (0 %)", "1 (100 %)", "0 (0 %)")), trendRows(trend, "Feld 1"));
        assertEquals(List.of(List.of("30.11.2026", "0 (0 %)", "0 (0 %)", "0 (0 %)"),
                List.of("03.12.2026", "1 (100 %)", "0 (0 %)", "0 (0 %)")), trendRows(trend, "Feld 5"),
                "DIGI-4 did not exist at the end of November");
        assertTrue(trend.contains("<svg") && trend.contains("Ampel im Zeitverlauf: Feld 2"), trend);
        assertFalse(page(trendPage, "mitarbeiterin", Map.of()).contains("Ampel im Zeitverlauf: Feld 2"),
                "a field whose projects the viewer may not see has no chart");

        // A day to come and a bad day: the error box, in the viewer's language.
        assertTrue(page(overview, "cdo", asOf(today, "2026-12-31")).contains("noch nicht vorbei"));
        assertTrue(page(overview, "cdo", asOf(today, "gestern")).contains("kein gültiges Datum"));
    }

    /** The data table of one field's health over time: day, green, amber, red. */
    private static List<List<String>> trendRows(String page, String field) {
        String caption = "<caption>Ampel im Zeitverlauf: " + field + "</caption>";
        int start = page.indexOf(caption);
        assertTrue(start >= 0, "no chart of " + field);
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><th scope=\"row\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page.substring(start, page.indexOf("</table>", start)));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            for (Matcher c = CELL.matcher("<th>" + row.group(1)); c.find(); ) {
                cells.add(c.group(1).strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Map<String, String> asOf(String page, String day) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Matcher m = Pattern.compile("name=\"(c[0-9a-f]+)\\.as-of\"").matcher(page); m.find(); ) {
            query.put(m.group(1) + ".as-of", day);
        }
        assertEquals(2, query.size(), "the portfolio's and the roadmap's forms each offer the day");
        return query;
    }

    private static String instance(String page) {
        Matcher m = Pattern.compile("name=\"(c[0-9a-f]+)\\.as-of\"").matcher(page);
        assertTrue(m.find());
        return m.group(1);
    }

    private String page(long id, String as, Map<String, String> query) throws Exception {
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + server.port() + "/pages/viewpage.action?pageId="
                + id + "&as=" + as + "&lang=de");
        query.forEach((k, v) -> url.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        // The first view asks Jira what the viewer may browse; the job it asks for answers the next.
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            if (!r.body().contains("noch mit Jira abgeglichen") || attempt == 3) {
                return r.body().replace('\u00a0', ' ').replace('\u202f', ' ');
            }
            sandbox.settle();
        }
    }

    private static String section(String html, String cssClass) {
        int start = html.indexOf("class=\"" + cssClass + "\"");
        assertTrue(start >= 0, html);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static List<List<String>> rows(String html) {
        List<List<String>> rows = new ArrayList<>();
        int body = html.indexOf("<tbody>");
        for (Matcher m = ROW.matcher(html.substring(body)); m.find(); ) {
            List<String> cells = new ArrayList<>();
            for (Matcher c = CELL.matcher("<td>" + m.group(1)); c.find(); ) {
                cells.add(c.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Rows of one write in the fields' order, so the test does not depend on the order within a write. */
    private static List<List<String>> sorted(List<List<String>> rows) {
        List<String> order = List.of("Veröffentlicht", "Status", "Phase", "Ampel", "Budget", "Fördermittel",
                "Projektbeginn", "Projektende");
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(java.util.Comparator.<List<String>, String>comparing(r -> r.get(0).substring(6, 10)
                + r.get(0).substring(3, 5) + r.get(0).substring(0, 2)).reversed()
                .thenComparing(r -> r.get(1).equals("Veröffentlicht") ? -1 : order.indexOf(r.get(1))));
        return copy;
    }

    /** Each project row of the portfolio table: phase, status, health, budget, funding, end. */
    private static Map<String, List<String>> projects(String page) {
        String table = page.substring(page.indexOf("cockpit-projects"));
        table = table.substring(0, table.indexOf("</table>"));
        Map<String, List<String>> projects = new LinkedHashMap<>();
        for (List<String> row : rows(table)) {
            projects.put(row.get(0), List.of(row.get(3), row.get(4), row.get(5), row.get(6), row.get(7), row.get(8)
                    .replace(" überfällig", "")));
        }
        return projects;
    }

    private static List<String> total(String page) {
        Matcher m = Pattern.compile("<tr class=\"cockpit-total\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find());
        List<String> cells = new ArrayList<>();
        for (Matcher c = CELL.matcher(m.group(1)); c.find(); ) {
            cells.add(c.group(1).strip());
        }
        return cells.subList(1, cells.size());
    }
}
