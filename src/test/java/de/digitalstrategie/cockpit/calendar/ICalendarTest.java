package de.digitalstrategie.cockpit.calendar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5545's content lines as {@link ICalendar} writes them: escaping (§3.3.11), folding (§3.1), parameters (§3.2). */
class ICalendarTest {
    @Test
    void textIsEscapedAndControlsAreDropped() {
        assertEquals("SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\tg h<i>\"j\"\r\n",
                new ICalendar().text("SUMMARY", "a\\b;c,d\r\ne\nf\tg\u0007 h<i>\"j\"").toString());
        assertEquals("X:ab\r\n", new ICalendar().raw("X", "a\u0000\r\nb").toString());
    }

    @Test
    void longLinesAreFoldedAt75OctetsBetweenWholeCharacters() {
        for (String unit : new String[]{"a", "ä", "€", "😀"}) {
            for (int n = 60; n < 100; n++) {
                String value = unit.repeat(n);
                String written = new ICalendar().text("SUMMARY", value).toString();
                assertTrue(written.endsWith("\r\n"));
                String[] lines = written.substring(0, written.length() - 2).split("\r\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    byte[] octets = lines[i].getBytes(StandardCharsets.UTF_8);
                    assertTrue(octets.length <= 75, unit + " x " + n + ": line " + i + " has " + octets.length);
                    assertTrue(i == 0 || lines[i].startsWith(" "), "a continuation starts with one space");
                    assertTrue(new String(octets, StandardCharsets.UTF_8).equals(lines[i]), "whole characters");
                }
                assertEquals("SUMMARY:" + value, written.substring(0, written.length() - 2).replace("\r\n ", ""));
                assertTrue(lines.length == 1 || lines[0].getBytes(StandardCharsets.UTF_8).length > 75 - 4,
                        "a line is filled before it is folded");
            }
        }
    }

    @Test
    void parameterValuesAreQuotedWhereTheGrammarWantsIt() {
        assertEquals("Lenkungskreis", ICalendar.parameter("Lenkungskreis"));
        assertEquals("\"Rat, Ausschuss\"", ICalendar.parameter("Rat, Ausschuss"));
        assertEquals("\"a:b;c\"", ICalendar.parameter("a:b;c"));
        assertEquals("Der ^'Rat^' ^^ 1^n2", ICalendar.parameter("Der \"Rat\" ^ 1\n2"));
    }
}
