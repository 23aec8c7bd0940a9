package de.digitalstrategie.cockpit.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escaping for element content and attribute values, the one place every printed value passes. */
class HtmlTest {

    @Test
    void everyCharacterThatCouldEndAnElementOrAnAttributeIsEscaped() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.text("<script>alert(1)</script>"));
        assertEquals("&quot; onmouseover=&quot;x", Html.text("\" onmouseover=\"x"), "double-quoted attributes");
        assertEquals("&#39; onfocus=&#39;x", Html.text("' onfocus='x"), "single-quoted attributes");
        assertEquals("&#96;x&#96;", Html.text("`x`"), "backticks, which old browsers took for quotes");
        assertEquals("R&amp;D &amp;amp; &amp;lt;", Html.text("R&D &amp; &lt;"), "entities are not left as entities");
    }

    @Test
    void nothingIsLostOfOrdinaryText() {
        assertEquals("", Html.text(null));
        assertEquals("", Html.text(""));
        String plain = "Bürgerbüro „Digitales Rathaus“ – 50 % 🏛";
        assertSame(plain, Html.text(plain), "text that needs nothing escaped is handed back as it is");
        assertEquals("Zeile 1\n\tZeile 2\r\n", Html.text("Zeile 1\n\tZeile 2\r\n"), "tabs and line breaks stay");
        assertEquals("a &lt; b 🏛", Html.text("a < b 🏛"), "a character beyond the BMP stays whole");
    }

    @Test
    void controlCharactersAreDropped() {
        assertEquals("ab", Html.text("a\u0000b"));
        assertEquals("a&lt;b", Html.text("a\u0001<\u001fb\u0008"));
        assertEquals("", Html.text("\u0000\u0007"));
    }

    @Test
    void onlyWebAndSiteRelativeAddressesBecomeLinks() {
        for (String safe : List.of("https://jira.stadt.example/browse/DIGI-1", "HTTP://x.example/", "/rest/cockpit/1.0/x",
                "?m1.page=2&m1.sort=title")) {
            assertTrue(!Html.url(safe).equals("#"), safe);
        }
        assertEquals("?a=1&amp;b=&quot;x&quot;", Html.url("?a=1&b=\"x\""), "and are escaped for the attribute");
        assertEquals("https://x.example/", Html.url("  https://x.example/ "));
        for (String unsafe : List.of("javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox",
                "//evil.example/", "evil.example", "", "  ")) {
            assertEquals("#", Html.url(unsafe), unsafe);
        }
        assertEquals("#", Html.url(null));
    }

    @Test
    void markupWithoutTextIsBlank() {
        assertTrue(Html.isBlankMarkup(null));
        assertTrue(Html.isBlankMarkup("<p> </p><p>&nbsp;&#160;\u00a0</p><br/>"));
        assertFalse(Html.isBlankMarkup("<p>x</p>"));
        assertFalse(Html.isBlankMarkup("<img src=\"plan.png\"/>0"));
    }
}
