package de.digitalstrategie.cockpit.macro;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.sandbox.ConfluenceHost;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's macros rendered through the real Velocity templates, on the seeded demo, as
 * different viewers see them.
 */
class MacroRenderingTest {
    private static SandboxFixture fixture;
    private static SandboxPage restricted;

    @BeforeAll
    static void seed() {
        fixture = new SandboxFixture();
        restricted = fixture.sandbox.pages.all().stream().filter(p -> !p.restrictedTo().isEmpty()).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static int captionCount(String html, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + " \\((\\d+)\\)").matcher(html);
        assertTrue(m.find(), "no caption " + prefix + " in " + html.substring(0, Math.min(600, html.length())));
        return Integer.parseInt(m.group(1));
    }

    private static int rows(String html, String tableClass) {
        int start = html.indexOf("class=\"aui " + tableClass + "\"");
        assertTrue(start >= 0, "no table " + tableClass);
        String table = html.substring(start, html.indexOf("</table>", start));
        return table.split("<tr", -1).length - 2; // minus the header row
    }

    private static String instanceKey(String html) {
        Matcher m = Pattern.compile("id=\"(c[0-9a-f]+)\"").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void portfolioGroupsSumsChartsAndPagesVisibly() {
        String html = fixture.render(macro("digital-portfolio", Map.of("group", "field"), null), "cdo");
        assertTrue(html.contains("Portfolio der Digitalprojekte"));
        assertTrue(html.contains("<th scope=\"row\">Verwaltung</th>"), "a group per field of action");
        assertTrue(html.contains("<th scope=\"row\">Gesamt</th><td class=\"num\">42</td>"), "total over all projects");
        assertEquals(3, html.split("role=\"img\"", -1).length - 1, "three charts");
        assertTrue(html.contains("<title id="), "each chart has a title");
        assertTrue(html.contains("Werte als Tabelle"), "and a table as text alternative");
        assertTrue(html.contains("1–25 von 42"), "the visible n of N");
        assertTrue(html.contains("aria-sort=\"ascending\""));
        String second = fixture.render(macro("digital-portfolio", Map.of("group", "field"), null), "cdo",
                Locale.GERMAN, Map.of(instanceKey(html) + ".page", "2"), "display", null);
        assertTrue(second.contains("26–42 von 42"), "the second page holds the rest");
        String filtered = fixture.render(macro("digital-portfolio", Map.of("phase", "operation", "group", "none"),
                null), "cdo");
        int selected = captionCount(filtered, "Projekte der Auswahl");
        assertTrue(selected > 0 && selected < 42);
        assertEquals(selected, rows(filtered, "cockpit-projects"), "every selected project is a row");
        assertFalse(filtered.contains("<td>Planung</td>"), "only the chosen phase");
    }

    @Test
    void registersShowAndCountOnlyWhatTheViewerMaySee() {
        List<Decision> hidden = fixture.sandbox.decisions.ofPage(restricted.getId());
        assertFalse(hidden.isEmpty());
        String register = macro("decision-register", Map.of("page-size", "100"), null);
        String member = fixture.render(register, "leitung-finanzen");
        String staff = fixture.render(register, "mitarbeiterin");
        int all = captionCount(member, "Beschlüsse");
        assertEquals(fixture.sandbox.decisions.count(), all);
        assertEquals(all - hidden.size(), captionCount(staff, "Beschlüsse"), "restricted decisions are not counted");
        assertEquals(all - hidden.size(), rows(staff, "cockpit-decisions"));
        for (Decision d : hidden) {
            assertTrue(member.contains(">" + d.number() + "<"), d.number());
            assertFalse(staff.contains(d.number()), "restricted decision " + d.number() + " leaks");
        }
        String searched = fixture.render(macro("decision-register", Map.of("text", hidden.get(0).number()), null),
                "mitarbeiterin");
        assertTrue(searched.contains("Keine Beschlüsse"), "a search cannot bring them back");
        String anonymousPortfolio = fixture.render(macro("digital-portfolio", Map.of(), null), null);
        assertTrue(anonymousPortfolio.contains("Keine Projekte entsprechen der Auswahl"));
        assertFalse(anonymousPortfolio.contains("DIGI-"));
    }

    @Test
    void registerShowsSupersessionAndLinksBackToTheMinutes() {
        Decision superseded = fixture.sandbox.decisions.all().stream()
                .filter(d -> d.status().name().equals("SUPERSEDED")).findFirst().orElseThrow();
        String html = fixture.render(macro("decision-register", Map.of("status", "superseded"), null), "cdo");
        assertTrue(html.contains("ersetzt/aufgehoben durch " + superseded.successor()));
        assertTrue(html.contains("/pages/viewpage.action?pageId=" + superseded.page().pageId() + "#decision-"
                + superseded.number()));
        String successor = fixture.render(macro("decision-register", Map.of("text", superseded.successor()), null),
                "cdo");
        assertTrue(successor.contains("ersetzt " + superseded.number()), "the newer one says what it replaces");
    }

    @Test
    void advisoryRegisterShowsWhatIsOpenAndForHowLong() {
        String open = fixture.render(macro("advisory-register", Map.of("unanswered", "true"), null), "cdo");
        assertTrue(captionCount(open, "Empfehlungen") > 0);
        assertTrue(open.contains(" Tagen</td>"), "days waiting are shown");
        String table = open.substring(open.indexOf("cockpit-inputs"));
        assertFalse(table.contains(">Übernommen<"), "answered input is not listed");
        String unreported = fixture.render(macro("advisory-register", Map.of("awaiting-report", "true"), null), "cdo");
        assertTrue(unreported.contains("noch nicht berichtet"));
    }

    @Test
    void profileShowsTheSteckbriefAndWhatConcernsTheProject() {
        Decision any = fixture.sandbox.decisions.all().stream().filter(d -> !d.projectKeys().isEmpty()
                && d.page().pageId() != restricted.getId()).findFirst().orElseThrow();
        String key = any.projectKeys().get(0);
        String html = fixture.render(macro("project-profile", Map.of("key", key), null), "cdo");
        assertTrue(html.contains("Projektbeschreibung"));
        assertTrue(html.contains("Zeitlicher Rahmen"));
        assertTrue(html.contains(">" + any.number() + "<"), "the decisions concerning it");
        String anonymous = fixture.render(macro("project-profile", Map.of("key", key), null), null);
        assertTrue(anonymous.contains("Kein Projekt mit dem Schlüssel [" + key + "]"), "hidden like a missing one");
    }

    @Test
    void badParametersRenderALocalisedErrorBoxNotAFailure() {
        Map<String, String> cases = Map.of(
                macro("digital-portfolio", Map.of("phase", "someday"), null), "unbekannten Wert [someday]",
                macro("project-profile", Map.of("key", "NOPE-999"), null), "Kein Projekt mit dem Schlüssel [NOPE-999]",
                macro("project-profile", Map.of("key", "no key"), null), "keinen gültigen Jira-Vorgangsschlüssel",
                macro("committee-decision", Map.of("number", "LK-1", "title", "T", "due", "31.02.2026"), "<p>x</p>"),
                "kein gültiges Datum [31.02.2026]",
                macro("committee-decision", Map.of("number", "LK-1", "title", "T", "status", "fertig"), "<p>x</p>"),
                "unbekannten Wert [fertig]",
                macro("committee-decision", Map.of("number", "LK-1", "title", "T"), "<p> </p>"),
                "hat keinen Beschlusstext",
                macro("advisory-input", Map.of("number", "BR-1", "title", "T"), "<p>x</p>"),
                "Der Parameter „sectors“ fehlt",
                macro("decision-register", Map.of("page-size", "100000"), null), "muss eine Zahl von 1 bis 500 sein");
        cases.forEach((storage, expected) -> {
            String html = fixture.render(storage, "cdo");
            assertTrue(html.contains("aui-message-error"), html);
            assertTrue(html.contains(expected), expected + " not in " + html);
        });
        String english = fixture.render(macro("digital-portfolio", Map.of("phase", "someday"), null), "cdo",
                Locale.ENGLISH, Map.of(), "display", null);
        assertTrue(english.contains("has an unknown value [someday]"), english);
    }

    @Test
    void exportsAreStaticMarkup() {
        for (String storage : List.of(macro("digital-portfolio", Map.of(), null),
                macro("decision-register", Map.of(), null), macro("advisory-register", Map.of(), null))) {
            String pdf = fixture.render(storage, "cdo", Locale.GERMAN, Map.of(), "pdf", null);
            assertFalse(pdf.contains("<form"), "no forms in an export");
            assertFalse(pdf.contains("href=\"?"), "no links that only work on the page");
            assertFalse(pdf.contains("<script"));
            assertTrue(pdf.contains(" von "), "but the n of N stays");
        }
    }

    @Test
    void everyValueFromAUserIsEscaped() {
        String payload = "\"><script>window.__xss=1</script><img src=x onerror=alert(1)>";
        String decision = fixture.render(macro("committee-decision", Map.of("number", "LK-X", "title", payload,
                "owner", payload, "successor", payload), "<p>Text</p>"), "cdo");
        assertFalse(decision.contains("<script>window"), decision);
        assertFalse(decision.contains("<img src=x"), decision);
        assertTrue(decision.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
        String portfolio = fixture.render(macro("digital-portfolio", Map.of("text", payload), null), "cdo",
                Locale.GERMAN, Map.of("x" + payload, payload), "display", null);
        assertFalse(portfolio.contains("<script>window"));
        assertFalse(portfolio.contains("<img src=x"));
    }

    @Test
    void templatesEscapeOnTheirOwnWithoutTheHostsHelp() {
        // The same pages with and without the host's automatic escaping: identical output proves
        // that every value the templates print was already escaped by the plugin.
        String portfolio = macro("digital-portfolio", Map.of("text", "Verwaltung & <b>"), null);
        String register = macro("decision-register", Map.of("text", "LK & <i>"), null);
        String with = fixture.render(portfolio + register, "cdo");
        String without = renderWithoutAutoEscape(portfolio + register);
        assertEquals(with, without);
    }

    /** The same pages on another node of the same cluster, whose host does not escape what templates print. */
    private static String renderWithoutAutoEscape(String storage) {
        Sandbox s = fixture.sandbox;
        try (Sandbox plain = new Sandbox(new ConfluenceHost(s.database, s.settings, SandboxFixture.CLOCK,
                new VelocityTemplateRenderer(false)))) {
            plain.users.actAs(plain.users.user("cdo").orElseThrow());
            plain.request.enter(Locale.GERMAN, Map.of());
            try {
                return plain.renderer.render(storage, new SandboxConversionContext(null, "display"));
            } finally {
                plain.request.leave();
                plain.users.actAs(null);
            }
        }
    }

    @Test
    void rowsCostNoQueriesOfTheirOwn() {
        assertEquals(statements(macro("decision-register", Map.of("page-size", "5"), null)),
                statements(macro("decision-register", Map.of("page-size", "30"), null)),
                "the register's statement count must not grow with its rows");
        assertEquals(statements(macro("advisory-register", Map.of("page-size", "3"), null)),
                statements(macro("advisory-register", Map.of("page-size", "18"), null)),
                "nor the advisory register's");
        int small = statements(macro("digital-portfolio", Map.of("page-size", "5"), null));
        assertEquals(small, statements(macro("digital-portfolio", Map.of("page-size", "40"), null)),
                "nor the portfolio's");
        assertTrue(small > 0, "the counter sees the statements");
    }

    private static int statements(String storage) {
        try (SqlCounter sql = new SqlCounter()) {
            fixture.render(storage, "cdo");
            return sql.statements();
        }
    }
}
