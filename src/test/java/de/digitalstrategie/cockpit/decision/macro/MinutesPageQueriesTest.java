package de.digitalstrategie.cockpit.decision.macro;

import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A minutes page with many decision macros costs the statements of a page with one: what every
 * macro on the page asks (whether the page is in the committee's places, the page's records, where
 * the successors they name are, which minutes pages the viewer may see) is read once per
 * rendering, never once per macro, and never kept for the next rendering.
 */
class MinutesPageQueriesTest {
    private static final int MACROS = 30;
    private static SandboxFixture fixture;
    private static SandboxPage one;
    private static SandboxPage thirty;

    @BeforeAll
    static void seed() {
        fixture = new SandboxFixture();
        one = page("Protokoll Sondersitzung 1", 1, 0);
        thirty = page("Protokoll Sondersitzung 2", MACROS, 100);
        fixture.sandbox.settle();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void thirtyDecisionsCostTheStatementsOfOne() {
        int single = statements(one, 1);
        int many = statements(thirty, MACROS);
        assertTrue(single > 0, "the counter sees the statements");
        // The page of thirty names successors, the page of one none: their pages are read once.
        assertTrue(many <= single + 2, "30 macros: " + many + " statements, 1 macro: " + single);
    }

    /**
     * The viewer's texts are shared by the macros of one rendering: a label ("Abstimmung",
     * "Verantwortlich") is looked up once per page, not once per macro. What each macro still asks
     * for is the text its own values go into (the vote's counts).
     */
    @Test
    void thirtyDecisionsLookUpEachLabelOnce() {
        long single = lookups(one);
        long many = lookups(thirty);
        assertTrue(single > 5, "the counter sees the lookups: " + single);
        assertTrue(many - single <= 2L * (MACROS - 1), "30 macros: " + many + " lookups, 1 macro: " + single);
    }

    @Test
    void aRestrictionTakesEffectOnTheNextRendering() {
        assertEquals(MACROS / 3, successorsNamed(render(thirty, "mitarbeiterin")),
                "a successor on a page the viewer may see is named");
        Sandbox s = fixture.sandbox;
        s.pages.restrict(thirty.getId(), Set.of(WormsDemo.SECRETARY));
        try {
            // The successors lie on the page itself: a viewer who may no longer see it (had it
            // shown to him anyway) finds none named, as the register names none.
            SandboxPage restricted = s.pages.find(thirty.getId()).orElseThrow();
            assertEquals(0, successorsNamed(render(restricted, "mitarbeiterin")), "no answer is kept across renderings");
            assertEquals(MACROS / 3, successorsNamed(render(restricted, WormsDemo.SECRETARY)), "nor across viewers");
        } finally {
            s.pages.restrict(thirty.getId(), Set.of());
        }
    }

    private static int statements(SandboxPage page, int macros) {
        try (SqlCounter sql = new SqlCounter()) {
            String html = render(page, "mitarbeiterin");
            assertEquals(macros, html.split("cockpit-decision\"", -1).length - 1, html);
            assertFalse(html.contains("aui-message-error") || html.contains("cockpit-not-recorded"), html);
            return sql.statements();
        }
    }

    private static long lookups(SandboxPage page) {
        long before = fixture.sandbox.i18n.lookups();
        render(page, "mitarbeiterin");
        return fixture.sandbox.i18n.lookups() - before;
    }

    private static int successorsNamed(String html) {
        return html.split("<dt>Nachfolgender Beschluss</dt>", -1).length - 1;
    }

    private static String render(SandboxPage page, String viewer) {
        return fixture.render(page.getBodyAsString(), viewer, Locale.GERMAN, Map.of(), "display", page);
    }

    /** Decided, with a vote, projects, owner and due date; every third names the decision before it as successor. */
    private static SandboxPage page(String title, int macros, int first) {
        StringBuilder body = new StringBuilder("<h1>Tagesordnung</h1>");
        for (int i = 0; i < macros; i++) {
            int n = first + i + 1;
            body.append("<p>Zu TOP ").append(i + 1).append(" berichtet die Stabsstelle.</p>");
            body.append(macro("committee-decision", Map.of("number", "LK-2026-" + (500 + n),
                    "title", "Beschluss " + n, "status", "decided", "vote", "7/1/1", "projects", "DIGI-1, DIGI-2",
                    "owner", "Stabsstelle Digitalisierung", "due", "2027-06-30",
                    "successor", i % 3 == 2 ? "LK-2026-" + (500 + n - 1) : ""), "<p>Der Lenkungskreis beschließt "
                    + "Maßnahme " + n + ".</p>"));
        }
        Sandbox s = fixture.sandbox;
        return s.pages.create(s.pages.reserveId(), WormsDemo.STEERING_SPACE, 0, title, body.toString(), Set.of(),
                "minutes", WormsDemo.SECRETARY);
    }
}
