package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.testing.jira.WikiRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Text sent to Jira's wiki renderer shows as typed: every piece of markup a secretary might type, and plain prose. */
class JiraWikiTextTest {
    /** Each line is markup to Jira's renderer as it stands. */
    private static final List<String> MARKUP = List.of(
            "*fett*", "_kursiv_", "-durchgestrichen-", "+eingefügt+", "^hoch^", "~tief~", "??Zitat??",
            "{{Code}}", "{code}int x;{code}", "{noformat}roh{noformat}", "{quote}Zitat{quote}", "{color:red}rot{color}",
            "{panel}Kasten{panel}", "[Anlage|http://x.example]", "[~schriftfuehrung]", "!plan.png!", "!plan.png|thumbnail!",
            "h1. Titel", "  h3. Titel", "bq. Zitat", "- Punkt", "* Punkt", "# Punkt", "## Unterpunkt", "| a | b |",
            "|| Kopf ||", "----", "Strich -- hier", "Umbruch \\\\ hier", "(y)", "(i)", "(/)", "(flag)", ":)", ":D", ";)",
            ":P", "(*r)");

    private static void assertShownAsTyped(String typed) {
        WikiRenderer.Rendered shown = WikiRenderer.render(WikiText.literal(typed));
        assertEquals(List.of(), shown.markup(), typed + " -> " + WikiText.literal(typed));
        assertEquals(typed, shown.text(), WikiText.literal(typed));
    }

    @Test
    void markupATypistEntersShowsLiterally() {
        for (String typed : MARKUP) {
            assertFalse(WikiRenderer.render(typed).markup().isEmpty(), "Jira formats " + typed);
            assertShownAsTyped(typed);
            assertShownAsTyped("Vorweg " + typed + " danach");
        }
        assertShownAsTyped(String.join("\n", MARKUP));
    }

    @Test
    void backslashesAmpersandsAndReferencesStayWhatTheyAre() {
        for (String typed : List.of("C:\\Daten\\neu", "\\*kein fett\\*", "ende\\", "\\\\", "R&D; &amp; &#42; &nbsp;",
                "Müller & Söhne", "50 % Förderung", "@team", "Frage? Antwort!", "a|b", "Termin: Dienstag")) {
            assertShownAsTyped(typed);
        }
    }

    @Test
    void plainProseStaysReadableInJirasEditor() {
        for (String prose : List.of("Der Lenkungskreis beschließt die E-Akte für 2026-11-20.",
                "Ja/Nein/Enthaltung: 7/0/1", "Projekt-Nr. 12; Fördermittel: 250.000 EUR", "snake_case und 3*4")) {
            assertEquals(prose, WikiText.literal(prose));
            assertShownAsTyped(prose);
        }
        assertEquals("eins\nzwei\ndrei", WikiText.literal("eins\r\nzwei\rdrei"));
        assertEquals("", WikiText.literal(null));
    }
}
