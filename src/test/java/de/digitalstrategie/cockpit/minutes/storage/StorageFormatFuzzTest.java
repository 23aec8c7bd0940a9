package de.digitalstrategie.cockpit.minutes.storage;

import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage-format reader against thousands of generated pages, from a fixed seed so that a
 * failure can be replayed: the demo's real minutes pages truncated, with flipped bytes, with tags
 * put in and taken out, nested ten thousand levels deep, grown to ten megabytes, with Unicode's
 * awkward characters and invalid entities. As its javadoc promises, each page is either read or
 * refused with a {@link MalformedStorageFormatException} that points into the page; anything else
 * is a crash. Where the page stays well-formed, what it says must come back unchanged.
 */
class StorageFormatFuzzTest {
    private static final Set<String> NAMES = Set.of(RecordKind.DECISION.macro(), RecordKind.ADVISORY_INPUT.macro());
    private static final StorageFormatReader READER = new StorageFormatReader(NAMES);
    /** Characters XML allows, each a classic source of trouble. */
    private static final String[] AWKWARD = {"\u202Eevil\u202C", "\u200F\u05E9\u05DC\u05D5\u05DD", "a\u200Db\u200Bc\uFEFF",
            "e\u0301\u0308\u0323", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD834\uDD1E", "\uFFFD",
            "\u00A0\u2028\u2029", "Zoë „Ä“ ‹ß›", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "\uFDD0\uFFFE".substring(0, 1)};
    /** Characters and entities XML forbids. */
    private static final String[] FORBIDDEN = {"\u0000", "\uD800", "\uDC00", "\uDBFF\u0041", "\u0001", "\u001F",
            "\uFFFF", "&#0;", "&#xD800;", "&#x110000;", "&#;", "&#x;", "&foo;", "&nbsp", "& ", "&#65", "&amp", "&;",
            "&#9999999999;", "&AElig;x&undefined;"};
    private static final String[] TAGS = {"<p>", "</p>", "<br/>", "<ac:rich-text-body>", "</ac:rich-text-body>",
            "<ac:structured-macro ac:name=\"committee-decision\">", "</ac:structured-macro>",
            "<ac:parameter ac:name=\"title\">", "</ac:parameter>", "<ac:plain-text-body><![CDATA[", "]]>",
            "<!--", "-->", "<?pi x?>", "<!DOCTYPE x>", "<!ENTITY e \"x\">", "<x:y/>", "<ri:page ri:content-title=\"a\"/>",
            "<table><tr><td>", "</td></tr></table>", "<", ">", "\"", "'"};

    private static SandboxFixture fixture;
    private static List<String> minutes;
    private static int tried;
    private static int crashed;
    private static final List<String> crashes = new ArrayList<>();

    @BeforeAll
    static void seeds() {
        fixture = new SandboxFixture();
        minutes = fixture.sandbox.pages.all().stream().filter(p -> "minutes".equals(p.kind()))
                .map(SandboxPage::getBodyAsString).toList();
        assertTrue(minutes.size() >= 10, "the demo's minutes");
    }

    @AfterAll
    static void report() {
        System.out.println("hardening fuzz: tried " + tried + ", crashed " + crashed);
        fixture.close();
    }

    /** Reads one page: a list of macros, or a refusal pointing into the page; null if refused. */
    private static List<MacroInstance> read(String what, String page) {
        tried++;
        try {
            List<MacroInstance> found = READER.read(page);
            for (int k = 0; k < found.size(); k++) {
                if (found.get(k).position() != k || !NAMES.contains(found.get(k).name())) {
                    crash(what, page, "macro " + k + " is " + found.get(k));
                }
            }
            return found;
        } catch (MalformedStorageFormatException e) {
            String[] lines = page.split("\r\n|\r|\n", -1);
            boolean inside = e.line() >= 1 && e.line() <= lines.length && e.column() >= 1
                    && e.column() <= lines[e.line() - 1].length() + 1;
            if (!inside || !"cockpit.storage.error.malformed".equals(e.userMessage().key())) {
                crash(what, page, "refused at line " + e.line() + ", column " + e.column() + " of " + lines.length
                        + " lines");
            }
            return null;
        } catch (RuntimeException | Error e) {
            crash(what, page, e.toString());
            return null;
        }
    }

    private static void crash(String what, String page, String problem) {
        crashed++;
        if (crashes.size() < 10) {
            crashes.add(what + ": " + problem + " on " + page.substring(0, Math.min(300, page.length())));
        }
    }

    @Test
    void mutatedMinutesAreReadOrRefused() {
        Random random = new Random(20261127);
        for (int n = 0; n < 3000; n++) {
            String seed = minutes.get(random.nextInt(minutes.size()));
            String page = switch (n % 6) {
                case 0 -> seed.substring(0, random.nextInt(seed.length() + 1));
                case 1 -> flipBytes(seed, random);
                case 2 -> insert(seed, random, TAGS);
                case 3 -> removeTag(seed, random);
                case 4 -> insert(seed, random, FORBIDDEN);
                default -> insert(seed, random, AWKWARD);
            };
            read("mutation " + n, page);
        }
        assertEquals(List.of(), crashes);
    }

    @Test
    void forbiddenCharactersAndEntitiesAreRefusedAndAwkwardOnesKept() {
        String page = minutes.get(0);
        int title = page.indexOf("<ac:parameter ac:name=\"title\">") + "<ac:parameter ac:name=\"title\">".length();
        assertTrue(title > 40);
        List<MacroInstance> original = READER.read(page);
        String before = original.get(0).parameters().get("title");
        for (String bad : FORBIDDEN) {
            String mutated = page.substring(0, title) + bad + page.substring(title);
            if (read("forbidden " + escape(bad), mutated) != null) {
                crash("forbidden " + escape(bad), mutated, "was read, not refused");
            }
        }
        // inside the value: the reader trims white space (no-break spaces too) at either end, on purpose
        for (String odd : AWKWARD) {
            String mutated = page.substring(0, title + 1) + odd + page.substring(title + 1);
            List<MacroInstance> found = read("awkward " + escape(odd), mutated);
            if (found == null || !(before.charAt(0) + odd + before.substring(1)).equals(found.get(0).parameters().get("title"))) {
                crash("awkward " + escape(odd), mutated, "did not come back unchanged: "
                        + (found == null ? "refused" : found.get(0).parameters().get("title")));
            }
        }
        assertEquals(List.of(), crashes);
    }

    @Test
    void tenThousandLevelsAndTenMegabytes() {
        int deep = 10_000;
        String page = minutes.get(minutes.size() - 1);
        List<MacroInstance> own = READER.read(page);
        // deep plain markup around a real page: read, with its macros
        List<MacroInstance> inDivs = read("10,000 divs", "<div>".repeat(deep) + page + "</div>".repeat(deep));
        if (inDivs == null || inDivs.size() != own.size()) {
            crash("10,000 divs", page, "macros lost");
        }
        // deep unreported macros, deep reported ones, unclosed: read or refused, never a stack overflow
        read("10,000 expand macros", "<ac:structured-macro ac:name=\"expand\"><ac:rich-text-body>".repeat(deep) + page
                + "</ac:rich-text-body></ac:structured-macro>".repeat(deep));
        read("10,000 decisions", "<ac:structured-macro ac:name=\"committee-decision\"><ac:rich-text-body>".repeat(deep)
                + "</ac:rich-text-body></ac:structured-macro>".repeat(deep));
        read("10,000 unclosed", "<p><b>".repeat(deep) + page);
        read("10,000 closed only", page + "</p>".repeat(deep));
        read("10,000 comments", "<!--x-->".repeat(deep) + page);
        read("10,000 entities", "&nbsp;&auml;&#8364;".repeat(deep) + page);
        // ten megabytes of real minutes, each copy with its own macro ids
        StringBuilder big = new StringBuilder();
        int copies = 0;
        while (big.length() < 10 * 1024 * 1024) {
            big.append(page.replace("ac:macro-id=\"", "ac:macro-id=\"c" + copies + "-"));
            copies++;
        }
        List<MacroInstance> all = read("10 MB", big.toString());
        if (all == null || all.size() != copies * own.size()) {
            crash("10 MB", page, "read " + (all == null ? "nothing" : all.size()) + " of " + copies * own.size());
        }
        read("10 MB cut off", big.substring(0, big.length() - 7));
        assertEquals(List.of(), crashes);
    }

    private static String flipBytes(String page, Random random) {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
        }
        // as a host would decode a damaged UTF-8 body: invalid sequences become U+FFFD
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String insert(String page, Random random, String[] pieces) {
        StringBuilder s = new StringBuilder(page);
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            s.insert(random.nextInt(s.length() + 1), pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    private static String removeTag(String page, Random random) {
        StringBuilder s = new StringBuilder(page);
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            int from = s.indexOf("<", random.nextInt(s.length()));
            int to = from < 0 ? -1 : s.indexOf(">", from);
            if (to > from) {
                s.delete(from, to + 1);
            }
        }
        return s.toString();
    }

    private static String escape(String s) {
        StringBuilder e = new StringBuilder();
        s.codePoints().forEach(c -> e.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : Character.toString(c)));
        return e.toString();
    }
}
