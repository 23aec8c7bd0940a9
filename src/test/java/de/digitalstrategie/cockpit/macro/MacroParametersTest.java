package de.digitalstrategie.cockpit.macro;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.portfolio.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A macro's string parameters, read once into typed values: what a page author may write, and
 * that everything else is refused with a message naming the parameter and quoting the value.
 */
class MacroParametersTest {

    private static MacroParameters of(String... nameValue) {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            raw.put(nameValue[i], nameValue[i + 1]);
        }
        return new MacroParameters(raw);
    }

    private static Message refused(Executable reading) {
        return assertThrows(ValidationException.class, reading).userMessage();
    }

    @Test
    void absentBlankAndPaddedTexts() {
        MacroParameters none = new MacroParameters(null);
        assertEquals(Optional.empty(), none.text("title"), "the host may hand over no map at all");
        assertEquals(Optional.empty(), of("title", "").text("title"));
        assertEquals(Optional.empty(), of("title", " \t\n").text("title"), "blank is absent");
        assertEquals(Optional.of("Haushalt 2027"), of("title", "  Haushalt 2027 \n").text("title"));
        assertEquals("fallback", of("title", "   ").text("title", "fallback"));
        assertEquals(Message.of("cockpit.macro.error.missing", "number"),
                refused(() -> of("number", " ").required("number")));
    }

    @Test
    void aChoiceIsItsNameInAnyCaseWithHyphensOrSpaces() {
        assertEquals(Optional.of(Phase.IMPLEMENTATION), of("phase", "implementation").choice("phase", Phase.class));
        assertEquals(Optional.of(Phase.IMPLEMENTATION), of("phase", " IMPLEMENTATION ").choice("phase", Phase.class));
        assertEquals(Optional.empty(), of().choice("phase", Phase.class));
        Message m = refused(() -> of("phase", "Umsetzung'; DROP TABLE x; --").choice("phase", Phase.class));
        assertEquals("cockpit.macro.error.choice", m.key());
        assertEquals(List.of("phase", "Umsetzung'; DROP TABLE x; --",
                "idea, planning, implementation, operation, completed"), m.args(), "names what is allowed");
    }

    @Test
    void severalChoicesKeepTheirOrderAndOneUnknownRefusesThemAll() {
        assertEquals(List.of(Phase.PLANNING, Phase.COMPLETED),
                of("phase", "planning, completed;planning").choices("phase", Phase.class));
        assertEquals(List.of(), of("phase", " , ;").choices("phase", Phase.class));
        assertEquals("cockpit.macro.error.choice",
                refused(() -> of("phase", "planning,nonsense").choices("phase", Phase.class)).key());
    }

    @Test
    void datesAreIsoOrGermanWithinTheRangeAndNeverRolledOver() {
        assertEquals(Optional.of(LocalDate.of(2026, 3, 31)), of("due", "2026-03-31").date("due"));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 31)), of("due", "31.3.2026").date("due"));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), of("due", "01.03.2026").date("due"));
        assertEquals(Optional.empty(), of("due", " ").date("due"));
        assertEquals("cockpit.macro.error.date", refused(() -> of("due", "31.2.2026").date("due")).key(),
                "the 31st of February is refused, not read as the 3rd of March");
        assertEquals("cockpit.macro.error.date", refused(() -> of("due", "2026-02-30").date("due")).key());
        assertEquals("cockpit.macro.error.date", refused(() -> of("due", "3/31/2026").date("due")).key());
        assertEquals("cockpit.macro.error.date", refused(() -> of("due", "morgen").date("due")).key());
        Message early = refused(() -> of("due", "1989-12-31").date("due"));
        assertEquals(List.of("due", "1989-12-31", "1990-01-01", "2100-12-31"), early.args());
        assertEquals("cockpit.macro.error.date-range", refused(() -> of("due", "1.1.2101").date("due")).key());
        assertEquals(Optional.of(LocalDate.of(2100, 12, 31)), of("due", "2100-12-31").date("due"), "the last day is in");
    }

    @Test
    void flagsInGermanAndEnglish() {
        for (String yes : List.of("true", "JA", "yes", "1")) {
            assertTrue(of("charts", yes).flag("charts", false), yes);
        }
        for (String no : List.of("false", "Nein", "no", "0")) {
            assertFalse(of("charts", no).flag("charts", true), no);
        }
        assertTrue(of().flag("charts", true));
        assertEquals(List.of("charts", "vielleicht"), refused(() -> of("charts", "vielleicht").flag("charts", true))
                .args());
    }

    @Test
    void numbersOnlyWithinTheirBounds() {
        assertEquals(25, of().number("page-size", 25, 1, 100));
        assertEquals(1, of("page-size", "1").number("page-size", 25, 1, 100), "the lower bound is in");
        assertEquals(100, of("page-size", " 100 ").number("page-size", 25, 1, 100), "the upper bound is in");
        for (String bad : List.of("0", "101", "-1", "2.5", "1e3", "99999999999", "zehn", "0x10")) {
            Message m = refused(() -> of("page-size", bad).number("page-size", 25, 1, 100));
            assertEquals(List.of("page-size", bad, 1, 100), m.args(), bad);
        }
    }

    @Test
    void yearsWithinTheDatesThePluginAcceptsAndNamedAsYears() {
        assertEquals(2026, of().year("year", 2026));
        assertEquals(1990, of("year", "1990").year("year", 0));
        assertEquals(2100, of("year", "2100").year("year", 0));
        for (String bad : List.of("1989", "2101", "26", "zwanzig")) {
            Message m = refused(() -> of("year", bad).year("year", 0));
            assertEquals("cockpit.macro.error.year", m.key(), bad);
            // Text, not numbers: a number argument would read "1.990" in German.
            assertEquals(List.of("year", bad, "1990", "2100"), m.args(), bad);
        }
    }

    @Test
    void listsSplitOnCommasSemicolonsAndSpacesWithoutDuplicates() {
        assertEquals(List.of("3.1", "3.4", "3.2"), of("field", "3.1, 3.4;3.2  3.1\n3.4").list("field"));
        assertEquals(List.of(), of("field", ",,; ").list("field"));
        assertEquals(List.of(), of().list("field"));
    }

    @Test
    void issueKeysAreCheckedAndUpperCased() {
        assertEquals(List.of("DIGI-1", "ORG-42"), of("projects", "digi-1, ORG-42 digi-1").issueKeys("projects"));
        assertEquals(List.of("DIGI-1"), of("projects", "DIGI-1, digi-1").issueKeys("projects"),
                "one key in two spellings is one project, not two links to it");
        for (String bad : List.of("DIGI-0", "DIGI", "-1", "1DIGI-1", "DIGI-1' OR '1'='1", "DIGI-1<script>",
                "DIGI-12345678901")) {
            Message m = refused(() -> of("projects", "DIGI-2 " + bad).issueKeys("projects"));
            assertEquals("cockpit.macro.error.issue-key", m.key(), bad);
            assertEquals("projects", m.args().get(0));
        }
    }
}
