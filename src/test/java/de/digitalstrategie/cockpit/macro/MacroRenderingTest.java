package de.digitalstrategie.cockpit.macro;

import de.digitalstrategie.cockpit.sandbox.ConfluenceHost;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the golden files ({@link MacroGoldenTest}) cannot show, on the seeded demo: that no value
 * from a user reaches the page unescaped, even without the host's help, and that a register's
 * statements do not grow with its rows.
 */
class MacroRenderingTest {
    private static SandboxFixture fixture;

    @BeforeAll
    static void seed() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void close() {
        fixture.close();
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
        int large = statements(macro("digital-portfolio", Map.of("page-size", "40"), null));
        assertEquals(large, statements(macro("digital-portfolio", Map.of("page-size", "80"), null)),
                "nor the portfolio's");
        // A page showing a flagged project reads the staff unit's acknowledgements: once, not per row.
        assertTrue(large == small || large == small + 1, small + " / " + large);
        assertTrue(small > 0, "the counter sees the statements");
    }

    private static int statements(String storage) {
        try (SqlCounter sql = new SqlCounter()) {
            fixture.render(storage, "cdo");
            return sql.statements();
        }
    }
}
