package de.digitalstrategie.cockpit.minutes.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static de.digitalstrategie.cockpit.minutes.storage.StorageFormatReaderTest.MINUTES;
import static de.digitalstrategie.cockpit.minutes.storage.StorageFormatReaderTest.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Broken, huge and hostile pages: each is read or refused as malformed, and nothing else happens. */
class StorageFormatHostileInputTest {
    private static final Set<String> NAMES = Set.of("committee-decision", "status");
    private static final StorageFormatReader READER = new StorageFormatReader(NAMES);

    private static MalformedStorageFormatException refused(String page) {
        MalformedStorageFormatException e = assertThrows(MalformedStorageFormatException.class, () -> READER.read(page));
        assertWithinPage(page, e);
        return e;
    }

    /** The position names a place in the page itself: at most just after its last character. */
    private static void assertWithinPage(String page, MalformedStorageFormatException e) {
        String[] lines = page.split("\r\n|\r|\n", -1);
        assertTrue(e.line() >= 1 && e.line() <= lines.length, "line " + e.line() + " of " + lines.length);
        int lineLength = lines[e.line() - 1].length();
        assertTrue(e.column() >= 1 && e.column() <= lineLength + 1,
                "column " + e.column() + " on a line of " + lineLength + " (line " + e.line() + ")");
        assertEquals("cockpit.storage.error.malformed", e.userMessage().key());
        assertEquals(List.of(e.line(), e.column()), e.userMessage().args());
    }

    @Test
    void anUndefinedEntityIsRefusedWhereItStands() {
        String third = "<ac:parameter ac:name=\"number\">LK&foo;</ac:parameter>";
        MalformedStorageFormatException e = refused("<p>Hallo</p>\n<ac:structured-macro ac:name=\"committee-decision\">\n"
                + third + "</ac:structured-macro>");
        assertEquals(3, e.line());
        assertEquals(third.indexOf("&foo;") + "&foo;".length() + 1, e.column());
    }

    @Test
    void countsColumnsOnTheFirstLineFromThePagesStart() {
        MalformedStorageFormatException e = refused("ab&foo;");
        assertEquals(1, e.line());
        assertEquals(8, e.column());
    }

    @Test
    void anUnclosedElementIsRefusedAtThePagesEnd() {
        MalformedStorageFormatException e = refused("<p>Text");
        assertEquals(1, e.line());
        assertEquals(8, e.column());
        e = refused("<p>Eins</p>\n<p>Zwei\n<p>Drei</p>");
        assertEquals(3, e.line());
        assertEquals(12, e.column());
    }

    @Test
    void aPageCutOffInsideAMacroIsRefused() {
        for (int cut : new int[] {MINUTES.indexOf("ac:name=\"projects\"") + 4, MINUTES.indexOf("beschlie&szlig;t") + 10,
                MINUTES.indexOf("</ac:rich-text-body>") + 5, MINUTES.indexOf("</ac:structured-macro>\n")}) {
            MalformedStorageFormatException e = refused(MINUTES.substring(0, cut));
            assertTrue(e.line() > 0 && e.column() > 0);
        }
    }

    @Test
    void aStrayLessThanOrAmpersandIsRefused() {
        MalformedStorageFormatException e = refused("<p>a < b</p>");
        assertEquals(1, e.line());
        refused("<p>a & b</p>");
        refused("<p>a</p>\n<");
        refused("<p title=\"a<b\">x</p>");
        refused("<p>a</b>");
        refused("<unknown:element/>");
        refused("<p>]]></p>");
        refused("<p>&#0;</p>");
    }

    @Test
    void aPageCannotDeclareEntitiesOrReachOutside() {
        refused("""
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <p>&lol3;</p>""");
        refused("<p>&lol9;</p>");
        refused("<!DOCTYPE p SYSTEM \"file:///etc/passwd\"><p>&xxe;</p>");
        refused("<!DOCTYPE p [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><p>&xxe;</p>");
        refused("</cockpit-root><!DOCTYPE p [<!ENTITY a \"b\">]><cockpit-root>&a;");
        refused("<?xml version=\"1.0\"?><p/>");
    }

    @Test
    void aHundredThousandNestedElementsAreRead() {
        int deep = 100_000;
        String nested = "<div>".repeat(deep) + "tief" + "</div>".repeat(deep);
        assertEquals(List.of(), READER.read(nested));
        MacroInstance inside = READER.read(macro("committee-decision", "m", "", nested)).get(0);
        assertEquals(nested, inside.body());
        assertEquals("tief", inside.bodyText());

        String expands = "<ac:structured-macro ac:name=\"expand\"><ac:rich-text-body>".repeat(deep)
                + macro("status", "s", "", "") + "</ac:rich-text-body></ac:structured-macro>".repeat(deep);
        assertEquals(1, READER.read(expands).size());
    }

    @Test
    void reportedMacrosNestedBeyondTheLimitAreRefused() {
        int deep = 100_000;
        String nested = "<ac:structured-macro ac:name=\"status\"><ac:rich-text-body>".repeat(deep)
                + "</ac:rich-text-body></ac:structured-macro>".repeat(deep);
        refused(nested);
        int allowed = MacroScan.MAX_REPORTED_NESTING;
        String deepest = "<ac:structured-macro ac:name=\"status\"><ac:rich-text-body>".repeat(allowed)
                + "</ac:rich-text-body></ac:structured-macro>".repeat(allowed);
        assertEquals(allowed, READER.read(deepest).size());
    }

    @Test
    void readsAFiveMegabytePageWithAThousandMacros() {
        StringBuilder page = new StringBuilder("<h1>Sitzungen 2026</h1>\n");
        String paragraph = "<p>Der Lenkungskreis ber&auml;t &uuml;ber die Ma&szlig;nahme &ndash; "
                + "<strong>Haushalt</strong>, <em>Personal</em> und Zeitplan&nbsp;2026.</p>\n";
        int i = 0;
        while (i < 1000) {
            String number = String.format("LK-2026-%04d", i);
            page.append("<h2>TOP ").append(i).append("</h2>\n");
            page.append(macro("committee-decision", "id-" + i,
                    "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                            + "<ac:parameter ac:name=\"owner\"><ri:user ri:userkey=\"user-" + i % 7 + "\"/></ac:parameter>",
                    paragraph.repeat(40))).append('\n');
            i++;
        }
        assertTrue(page.length() > 5_000_000, "page of " + page.length() + " characters");
        long start = System.nanoTime();
        List<MacroInstance> found = READER.read(page.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("5 MB page: " + page.length() + " characters, " + found.size() + " macros in " + millis + " ms");
        assertEquals(1000, found.size());
        for (int k : new int[] {0, 1, 499, 998, 999}) {
            MacroInstance decision = found.get(k);
            assertEquals(k, decision.position());
            assertEquals("id-" + k, decision.macroId());
            assertEquals(String.format("LK-2026-%04d", k), decision.parameters().get("number"));
            assertEquals("user-" + k % 7, decision.parameters().get("owner"));
            assertTrue(decision.body().startsWith("<p>Der Lenkungskreis berät über die Maßnahme – <strong>"));
            assertEquals(40, decision.body().split("<p>", -1).length - 1);
            assertTrue(decision.bodyText().endsWith("Zeitplan 2026."), decision.bodyText());
        }
    }

    /**
     * Mutates valid pages at random (with a fixed seed, so a failure can be replayed): every result
     * must be a list of macros or a refusal with a position on the page, never another exception.
     */
    @Test
    void fuzzedPagesAreReadOrRefusedAndNothingElse() {
        List<String> seeds = List.of(MINUTES,
                macro("committee-decision", "m-1", "<ac:parameter ac:name=\"number\">LK-1</ac:parameter>",
                        "<p>a &amp; b<br/></p><ac:structured-macro ac:name=\"code\"><ac:plain-text-body>"
                                + "<![CDATA[x < y]]></ac:plain-text-body></ac:structured-macro>"),
                "<ac:layout><ac:layout-section ac:type=\"single\"><ac:layout-cell>"
                        + macro("status", "s-1", "<ac:parameter ac:name=\"title\">OK</ac:parameter>", "")
                        + "</ac:layout-cell></ac:layout-section></ac:layout>");
        String[] insertions = {"<", "&", "\"", "'", ">", "]]>", "<![CDATA[", "<!--", "-->", "&nbsp;", "&foo;", "&#0;",
                "&#x1F600;", "<p>", "</p>", "<br/>", "<ac:rich-text-body>", "</ac:rich-text-body>",
                "<ac:structured-macro ac:name=\"committee-decision\">", "</ac:structured-macro>",
                "<ac:parameter ac:name=\"x\">", "</ac:parameter>", "<ri:user ri:userkey=\"k\"/>", "<x:y/>",
                "<!DOCTYPE x>", "<?pi data?>", "\n", "\r", "\u0000", "\uD800", "ä"};
        Random random = new Random(42);
        int parsed = 0;
        int rejected = 0;
        int other = 0;
        int inputs = 5000;
        for (int n = 0; n < inputs; n++) {
            StringBuilder page = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int m = 1 + random.nextInt(3); m > 0 && page.length() > 0; m--) {
                int at = random.nextInt(page.length());
                switch (random.nextInt(4)) {
                    case 0 -> page.setLength(at);
                    case 1 -> page.setCharAt(at, (char) (page.charAt(at) ^ (1 << random.nextInt(8))));
                    case 2 -> page.insert(at, insertions[random.nextInt(insertions.length)]);
                    default -> page.delete(at, Math.min(page.length(), at + 1 + random.nextInt(20)));
                }
            }
            String input = page.toString();
            try {
                List<MacroInstance> found = READER.read(input);
                for (int k = 0; k < found.size(); k++) {
                    assertEquals(k, found.get(k).position());
                    assertTrue(NAMES.contains(found.get(k).name()));
                }
                parsed++;
            } catch (MalformedStorageFormatException e) {
                assertWithinPage(input, e);
                rejected++;
            } catch (RuntimeException | Error e) {
                other++;
                if (other == 1) {
                    e.printStackTrace();
                    System.out.println("first other failure on: " + input);
                }
            }
        }
        System.out.println("fuzz: " + inputs + " inputs, " + parsed + " parsed, " + rejected + " rejected, "
                + other + " other exceptions");
        assertEquals(inputs, parsed + rejected + other);
        assertEquals(0, other);
        assertTrue(parsed > 0 && rejected > 0, "the mutations should give both outcomes");
    }

    @Test
    void aFailingReaderIsNotAMalformedPage() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        assertThrows(UncheckedIOException.class, () -> READER.read(broken));
    }

    @Test
    void keepsTheParsersReportForTheLog() {
        try {
            READER.read("<p>");
            fail("expected a refusal");
        } catch (MalformedStorageFormatException e) {
            assertTrue(e.getCause() != null, "the parser's report is kept for the log");
        }
    }
}
