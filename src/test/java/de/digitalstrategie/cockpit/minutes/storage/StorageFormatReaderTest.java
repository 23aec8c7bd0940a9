package de.digitalstrategie.cockpit.minutes.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the reader finds on well-formed pages. */
class StorageFormatReaderTest {
    private static final StorageFormatReader DECISIONS = new StorageFormatReader(Set.of("committee-decision"));

    /** A minutes page as Confluence's editor writes it: a layout, entities, a user, a nested status macro. */
    static final String MINUTES = """
            <p>Protokoll der 7.&nbsp;Sitzung des Lenkungskreises am 12.&nbsp;M&auml;rz&nbsp;2026</p>\
            <ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell>\
            <h2>TOP 3 &ndash; E-Akte</h2>
            <ac:structured-macro ac:name="committee-decision" ac:schema-version="1" ac:macro-id="0b5c3f7e-9a1d-4c55-8d0e-3f0a1b2c3d4e">
              <ac:parameter ac:name="number">LK-2026-07</ac:parameter>
              <ac:parameter ac:name="projects">DIGI-1, DIGI-2</ac:parameter>
              <ac:parameter ac:name="title"> Einf&uuml;hrung der E&ndash;Akte &amp; des DMS&nbsp;</ac:parameter>
              <ac:parameter ac:name="owner"><ri:user ri:userkey="8a7f808a8f1e2b3c018f1e2b3c4d0001" /></ac:parameter>
              <ac:rich-text-body><p>Der Lenkungskreis <strong>beschlie&szlig;t</strong> die Einf&uuml;hrung &hellip;</p>
            <p>Stand: <ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="s-1"><ac:parameter ac:name="title">BESCHLOSSEN</ac:parameter><ac:parameter ac:name="colour">Green</ac:parameter></ac:structured-macro></p></ac:rich-text-body>
            </ac:structured-macro>
            </ac:layout-cell><ac:layout-cell><p>Anwesend: <ac:link><ri:user ri:username="mmueller" /></ac:link></p></ac:layout-cell></ac:layout-section></ac:layout>
            """;

    @Test
    void readsParametersWithEntitiesAndUsers() {
        List<MacroInstance> found = DECISIONS.read(MINUTES);
        assertEquals(1, found.size());
        MacroInstance decision = found.get(0);
        assertEquals("committee-decision", decision.name());
        assertEquals("0b5c3f7e-9a1d-4c55-8d0e-3f0a1b2c3d4e", decision.macroId());
        assertEquals(0, decision.position());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("number", "LK-2026-07");
        expected.put("projects", "DIGI-1, DIGI-2");
        expected.put("title", "Einführung der E–Akte & des DMS");
        expected.put("owner", "8a7f808a8f1e2b3c018f1e2b3c4d0001");
        assertEquals(expected, decision.parameters());
        assertEquals(List.of("number", "projects", "title", "owner"), List.copyOf(decision.parameters().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> decision.parameters().put("x", "y"));
    }

    @Test
    void aParameterTakesItsTextOrElseWhatItsResourcesPointTo() {
        String page = macro("committee-decision", "m-1", """
                <ac:parameter ac:name="by-name"><ri:user ri:username="mmueller"/></ac:parameter>\
                <ac:parameter ac:name="page"><ri:page ri:space-key="LK" ri:content-title="Sitzung 7"/></ac:parameter>\
                <ac:parameter ac:name="several"><ri:user ri:userkey="k1"/> <ri:user ri:userkey="k2"/></ac:parameter>\
                <ac:parameter ac:name="mixed">Frau <ri:user ri:userkey="k3"/> M&uuml;ller</ac:parameter>\
                <ac:parameter ac:name="">Standardwert</ac:parameter>\
                <ac:parameter ac:name="empty"/>\
                <ac:parameter ac:name="number">erste</ac:parameter>\
                <ac:parameter ac:name="number">zweite</ac:parameter>""", "");
        Map<String, String> parameters = DECISIONS.read(page).get(0).parameters();
        assertEquals("mmueller", parameters.get("by-name"));
        assertEquals("Sitzung 7", parameters.get("page"));
        assertEquals("k1, k2", parameters.get("several"));
        assertEquals("Frau  Müller", parameters.get("mixed"));
        assertEquals("Standardwert", parameters.get(""));
        assertEquals("", parameters.get("empty"));
        assertEquals("erste", parameters.get("number"));
    }

    @Test
    void aRichTextBodyComesBackAsWrittenWithTheMacrosInside() {
        MacroInstance decision = DECISIONS.read(MINUTES).get(0);
        assertEquals("<p>Der Lenkungskreis <strong>beschließt</strong> die Einführung …</p>\n"
                + "<p>Stand: <ac:structured-macro ac:name=\"status\" ac:schema-version=\"1\" ac:macro-id=\"s-1\">"
                + "<ac:parameter ac:name=\"title\">BESCHLOSSEN</ac:parameter>"
                + "<ac:parameter ac:name=\"colour\">Green</ac:parameter></ac:structured-macro></p>", decision.body());
        assertEquals("Der Lenkungskreis beschließt die Einführung … Stand:", decision.bodyText());
    }

    @Test
    void escapesWhatMustBeEscapedAndKeepsEmptyElementsEmpty() {
        String body = "<h3 title=\"M&auml;rz&nbsp;2026\" data-x=\"1&#10;2\">Titel</h3><p class=\"a&amp;b &quot;c&quot;\">1 &lt; 2 &amp;&amp; 3 &gt; 2<br/>x&#160;y</p>"
                + "<table><tbody><tr><td><img src=\"i.png\"/></td></tr></tbody></table><!-- Notiz -->"
                + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[if (a < b && c) { }]]>"
                + "</ac:plain-text-body></ac:structured-macro><ac:image ac:width=\"300\"><ri:attachment ri:filename=\"plan.png\"/></ac:image>";
        String written = "<h3 title=\"März\u00a02026\" data-x=\"1&#10;2\">Titel</h3><p class=\"a&amp;b &quot;c&quot;\">1 &lt; 2 &amp;&amp; 3 &gt; 2<br/>x\u00a0y</p>"
                + "<table><tbody><tr><td><img src=\"i.png\"/></td></tr></tbody></table><!-- Notiz -->"
                + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[if (a < b && c) { }]]>"
                + "</ac:plain-text-body></ac:structured-macro><ac:image ac:width=\"300\"><ri:attachment ri:filename=\"plan.png\"/></ac:image>";
        MacroInstance decision = DECISIONS.read(macro("committee-decision", "m-1", "", body)).get(0);
        assertEquals(written, decision.body());
        assertEquals("Titel 1 < 2 && 3 > 2 x\u00a0y if (a < b && c) { }".replace('\u00a0', ' '), decision.bodyText());
        // What comes out reads back to itself.
        assertEquals(written, DECISIONS.read(macro("committee-decision", "m-1", "", written)).get(0).body());
    }

    @Test
    void aPlainTextBodyIsItsCdataText() {
        String page = "<ac:structured-macro ac:name=\"committee-decision\" ac:macro-id=\"m-1\">"
                + "<ac:parameter ac:name=\"number\">LK-1</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[Zeile 1 &nbsp; <b>\n   Zeile 2]]></ac:plain-text-body></ac:structured-macro>";
        MacroInstance decision = DECISIONS.read(page).get(0);
        assertEquals("Zeile 1 &nbsp; <b>\n   Zeile 2", decision.body());
        assertEquals("Zeile 1 &nbsp; <b> Zeile 2", decision.bodyText());
    }

    @Test
    void aMacroWithoutBodyOrIdHasEmptyOnes() {
        MacroInstance decision = DECISIONS.read("<p>vorher</p><ac:structured-macro ac:name=\"committee-decision\">"
                + "<ac:parameter ac:name=\"number\">LK-1</ac:parameter></ac:structured-macro>").get(0);
        assertEquals("", decision.macroId());
        assertEquals("", decision.body());
        assertEquals("", decision.bodyText());
        assertEquals(Map.of("number", "LK-1"), decision.parameters());
        assertEquals(List.of(), DECISIONS.read("<ac:structured-macro ac:name=\"committee-decision\"/>").get(0)
                .parameters().keySet().stream().toList());
    }

    @Test
    void findsMacrosInsideLayoutsAndOtherMacros() {
        String page = "<ac:layout><ac:layout-section ac:type=\"single\"><ac:layout-cell>"
                + "<ac:structured-macro ac:name=\"expand\" ac:macro-id=\"e-1\"><ac:parameter ac:name=\"title\">Beschlüsse</ac:parameter>"
                + "<ac:rich-text-body><ac:structured-macro ac:name=\"panel\"><ac:rich-text-body>"
                + macro("committee-decision", "d-1", "<ac:parameter ac:name=\"number\">LK-1</ac:parameter>", "<p>eins</p>")
                + "</ac:rich-text-body></ac:structured-macro>"
                + macro("committee-decision", "d-2", "<ac:parameter ac:name=\"number\">LK-2</ac:parameter>", "<p>zwei</p>")
                + "</ac:rich-text-body></ac:structured-macro></ac:layout-cell></ac:layout-section></ac:layout>"
                + macro("committee-decision", "d-3", "<ac:parameter ac:name=\"number\">LK-3</ac:parameter>", "");
        List<MacroInstance> decisions = DECISIONS.read(page);
        assertEquals(List.of("LK-1", "LK-2", "LK-3"), decisions.stream().map(d -> d.parameters().get("number")).toList());
        assertEquals(List.of(0, 1, 2), decisions.stream().map(MacroInstance::position).toList());
        assertEquals("<p>eins</p>", decisions.get(0).body());

        List<MacroInstance> withExpand = new StorageFormatReader(Set.of("expand", "committee-decision")).read(page);
        assertEquals(List.of("e-1", "d-1", "d-2", "d-3"), withExpand.stream().map(MacroInstance::macroId).toList());
        assertEquals(List.of(0, 1, 2, 3), withExpand.stream().map(MacroInstance::position).toList());
        MacroInstance expand = withExpand.get(0);
        assertEquals(Map.of("title", "Beschlüsse"), expand.parameters());
        assertTrue(expand.body().startsWith("<ac:structured-macro ac:name=\"panel\"><ac:rich-text-body>"
                + macro("committee-decision", "d-1", "<ac:parameter ac:name=\"number\">LK-1</ac:parameter>", "<p>eins</p>")),
                expand.body());
        // The settings of the macros inside are not text of the expand's body; their bodies are.
        assertEquals("eins zwei", expand.bodyText());
    }

    @Test
    void reportsOnlyTheRequestedMacros() {
        assertEquals(List.of(), new StorageFormatReader(Set.of("advisory-input")).read(MINUTES));
        assertEquals(List.of(), new StorageFormatReader(Set.of()).read(MINUTES));
        List<MacroInstance> statuses = new StorageFormatReader(Set.of("status")).read(MINUTES);
        assertEquals(1, statuses.size());
        assertEquals("s-1", statuses.get(0).macroId());
        assertEquals(0, statuses.get(0).position());
        List<MacroInstance> both = new StorageFormatReader(Set.of("status", "committee-decision")).read(MINUTES);
        assertEquals(List.of("committee-decision", "status"), both.stream().map(MacroInstance::name).toList());
        assertEquals(DECISIONS.read(MINUTES).get(0), both.get(0));
    }

    @Test
    void readsTextAndEmptyPages() {
        assertEquals(List.of(), DECISIONS.read(""));
        assertEquals(List.of(), DECISIONS.read("nur Text &ndash; ohne Markup"));
        assertEquals(List.of(), DECISIONS.read("<p>a</p><p>b</p>"));
    }

    @Test
    void readsFromAReaderAndLeavesItOpen() throws IOException {
        boolean[] closed = {false};
        Reader reader = new StringReader(MINUTES) {
            @Override
            public void close() {
                closed[0] = true;
                super.close();
            }
        };
        assertEquals(DECISIONS.read(MINUTES), DECISIONS.read(reader));
        assertFalse(closed[0], "the caller's reader was closed");
        reader.close();
    }

    @Test
    void readsMoreEntitiesThanTheJdkAllowsByDefault() {
        String many = "<p>" + "a&nbsp;&auml;".repeat(40_000) + "</p>";
        MacroInstance decision = DECISIONS.read(macro("committee-decision", "m", "", many)).get(0);
        assertEquals(3 + 40_000 * 3 + 4, decision.body().length());
    }

    static String macro(String name, String macroId, String parameters, String body) {
        return "<ac:structured-macro ac:name=\"" + name + "\" ac:schema-version=\"1\" ac:macro-id=\"" + macroId + "\">"
                + parameters + (body.isEmpty() ? "" : "<ac:rich-text-body>" + body + "</ac:rich-text-body>")
                + "</ac:structured-macro>";
    }
}
