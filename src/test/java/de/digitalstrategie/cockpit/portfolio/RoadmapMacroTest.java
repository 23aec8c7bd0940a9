package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roadmap macro through the sandbox's renderer and the real Velocity template, on the Worms demo data. */
class RoadmapMacroTest {
    private static SandboxFixture fixture;

    @BeforeAll
    static void seed() {
        fixture = new SandboxFixture();
        // Known periods beside the demo's: one inside the window, one reaching past both ends, one open.
        fixture.sandbox.projects.save(project("ZZZ-1", "Fahrplan <Pilot>", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Phase.IMPLEMENTATION));
        fixture.sandbox.projects.save(project("ZZZ-2", "Langläufer", LocalDate.of(2019, 5, 1),
                LocalDate.of(2035, 6, 30), Phase.OPERATION));
        // ZZZ-3 waits for ZZZ-1 (ends in time), ZZZ-2 (ends long after ZZZ-3 starts) and an issue not mirrored,
        // as Jira's "is blocked by" links say and the sync mirrors them.
        fixture.sandbox.projects.mirror(java.util.List.of(new ProjectStore.Mirrored(project("ZZZ-3", "Offen",
                LocalDate.of(2027, 1, 1), null, Phase.PLANNING), "10003", java.util.List.of("ZZZ-1", "ZZZ-2", "NOPE-9"))));
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static DigitalProject project(String key, String title, LocalDate start, LocalDate end, Phase phase) {
        return new DigitalProject(key, title, ProjectProfile.EMPTY, new TimeFrame(start, end), 0, 0,
                ProjectStatus.RUNNING, phase, Health.AMBER, "it", "3.4", Instant.parse("2026-11-20T10:00:00Z"));
    }

    private static String render(Map<String, String> parameters, String user, Locale locale) {
        return fixture.render(macro("digital-roadmap", parameters, null), user, locale, Map.of(), "display", null);
    }

    /** The row of one project, from its key to the end of the row. */
    private static String row(String html, String key) {
        int at = html.indexOf(">" + key);
        assertTrue(at > 0, key + " not in the roadmap");
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static String attribute(String row, String element, String name) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*?\\s" + name + "=\"([^\"]*)\"").matcher(row);
        assertTrue(m.find(), "no " + element + " " + name + " in " + row);
        return m.group(1);
    }

    @Test
    void barsSitOnTheYearsOfTheirPeriod() {
        String html = render(Map.of("from", "2025", "to", "2028", "text", "ZZZ"), "cdo", Locale.GERMAN);
        // 2025-01-01 to 2029-01-01 is 1,461 days; 2026 starts on day 365 and lasts 365 days.
        String inside = row(html, "ZZZ-1");
        assertEquals("24.98%", attribute(inside, "rect", "x"));
        assertEquals("24.98%", attribute(inside, "rect", "width"));
        assertTrue(inside.contains("01.01.2026 bis 31.12.2026"), inside);
        assertTrue(html.contains("Fahrplan &lt;Pilot&gt;"), "titles are escaped");
        assertFalse(html.contains("Fahrplan <Pilot>"), "and never raw");

        String longer = row(html, "ZZZ-2");
        assertEquals("0.00%", attribute(longer, "rect", "x"), "clipped at the window's start");
        assertEquals("100.00%", attribute(longer, "rect", "width"), "and at its end");

        String open = row(html, "ZZZ-3");
        assertEquals("49.97%", attribute(open, "rect", "x"));
        assertEquals("50.03%", attribute(open, "rect", "width"), "open-ended: to the window's end");
        assertTrue(open.contains("ab 01.01.2027, ohne Ende"), open);

        // 27 November 2026 is day 695 of the window.
        assertEquals("47.57%", todayX(html));
        assertTrue(html.contains("3 Projekte, Zeitleiste 2025 bis 2028"), "years without thousands separator");
        assertTrue(html.contains("/rest/cockpit/1.0/projects/export?text=ZZZ&amp;format=xlsx"),
                "the same selection as a spreadsheet, with start and end");
        assertTrue(html.indexOf("ZZZ-2") < html.indexOf("ZZZ-1") && html.indexOf("ZZZ-1") < html.indexOf("ZZZ-3"),
                "earliest start first");
    }

    private static String todayX(String html) {
        Matcher m = Pattern.compile("<line x1=\"([^\"]*)\" x2=\"[^\"]*\" y1=\"0\" y2=\"20\" class=\"cockpit-roadmap-today\"")
                .matcher(html);
        assertTrue(m.find(), "no today marker");
        return m.group(1);
    }

    @Test
    void whatAProjectWaitsForIsShownWithWhatEndsTooLate() {
        String html = render(Map.of("from", "2025", "to", "2028", "text", "ZZZ"), "cdo", Locale.GERMAN);
        String waiting = row(html, "ZZZ-3");
        assertTrue(waiting.contains("wartet auf:"), waiting);
        assertTrue(waiting.contains("ZZZ-1"), waiting);
        assertTrue(waiting.contains("ZZZ-2 <span class=\"aui-lozenge aui-lozenge-error\">endet erst am 30.06.2035, "
                + "nach diesem Beginn</span>"), waiting);
        assertFalse(waiting.contains("NOPE-9"), "what is not in the mirror (or not the viewer's to see) is not named");
        assertFalse(waiting.contains("ZZZ-1 <span"), "ZZZ-1 ends before ZZZ-3 starts: no warning");
        assertFalse(row(html, "ZZZ-1").contains("wartet auf"));
    }

    @Test
    void theDemoPortfolioIsGroupedByFieldAndLimited() {
        String all = render(Map.of("from", "2020", "to", "2030"), "cdo", Locale.GERMAN);
        assertTrue(all.contains("Roadmap der Digitalprojekte"));
        assertTrue(all.contains("<caption>Mobilität</caption>"), "grouped by field of action");
        String few = render(Map.of("limit", "5"), "cdo", Locale.ENGLISH);
        assertTrue(few.contains("The first 5 of 45 projects"), few.substring(0, Math.min(2000, few.length())));
        assertEquals(5, few.split("<tr", -1).length - 1 - countTables(few), "five rows, one header row per group");
    }

    private static int countTables(String html) {
        return html.split("cockpit-roadmap-table", -1).length - 1;
    }

    @Test
    void theViewerNarrowsTheSelectionInThePage() {
        Map<String, String> author = Map.of("from", "2025", "to", "2028", "text", "ZZZ");
        // The macro instance's own request parameters, as its filter form sends them.
        String instance = "c" + Integer.toHexString(("RoadmapMacro" + new java.util.TreeMap<>(author)).hashCode());
        String html = fixture.render(macro("digital-roadmap", author, null), "cdo", Locale.GERMAN,
                Map.of(instance + ".phase", "planning"), "display", null);
        assertTrue(html.contains("<form class=\"aui cockpit-filter\""), "the filter form is offered");
        assertTrue(html.contains("1 Projekte, Zeitleiste 2025 bis 2028"), html.substring(0, Math.min(3000, html.length())));
        String rowHeader = "<th scope=\"row\" class=\"cockpit-roadmap-project\">";
        assertTrue(html.contains(rowHeader + "ZZZ-3") && !html.contains(rowHeader + "ZZZ-1"),
                "only the project in planning has a row");
        assertTrue(html.contains("<option value=\"planning\" selected>"), "the form shows the choice");
    }

    @Test
    void aViewerWhoMaySeeNoProjectGetsNone() {
        String anonymous = render(Map.of(), null, Locale.GERMAN);
        assertTrue(anonymous.contains("In dieser Auswahl ist kein Projekt."), anonymous);
        assertFalse(anonymous.contains("ZZZ-1"));
    }

    @Test
    void badYearsGiveALocalisedErrorBox() {
        String reversed = render(Map.of("from", "2030", "to", "2020"), "cdo", Locale.GERMAN);
        assertTrue(reversed.contains("„to“ darf nicht vor „from“ liegen"), reversed);
        String tooLong = render(Map.of("from", "2000", "to", "2030"), "cdo", Locale.ENGLISH);
        assertTrue(tooLong.contains("at most 15 years"), tooLong);
        String early = render(Map.of("from", "2005", "text", "ZZZ"), "cdo", Locale.GERMAN);
        assertTrue(early.contains("Zeitleiste 2005 bis 2019"), "without \"to\", an early start spans the most it may");
        String word = render(Map.of("from", "bald"), "cdo", Locale.GERMAN);
        assertTrue(word.contains("aui-message-error") && word.contains("from"), word);
    }
}
