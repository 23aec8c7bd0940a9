package de.digitalstrategie.cockpit.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden-file format: what is read, what is compared, how a difference is shown, how a file is rewritten. */
class GoldenFileTest {
    private static final String FILE = """
            .#----
            .# A case.
            .#----
            .viewer|cdo
            .locale|de
            .request|c1.page=2
            .request|c1.sort=title
            .#----
            .input|storage
            .#----
            <ac:structured-macro ac:name="x"/>
            .#----
            .expect|html
            .#----
            <section>
              <p>eins</p>
            </section>
            """;

    @Test
    void readsSettingsInputAndExpectedMarkupWhateverTheLineEndings() {
        GoldenFile file = GoldenFile.parse(Path.of("x.test"), "x.test",
                FILE.replace("\n", "\r\n").replace("<p>eins</p>", "<p>eins</p>  \t"));
        assertEquals("cdo", file.required("viewer"));
        assertEquals("display", file.setting("output", "display"));
        assertEquals(List.of("c1.page=2", "c1.sort=title"), file.all("request"));
        assertEquals("<ac:structured-macro ac:name=\"x\"/>", file.input());
        assertEquals("<section>\n  <p>eins</p>\n</section>", file.expected());
        assertThrows(IllegalArgumentException.class, () -> file.setting("request", ""), "one value where one is meant");
        assertThrows(IllegalArgumentException.class, () -> file.required("page"));
    }

    @Test
    void aFileWithoutInputOrExpectationIsRefusedByName() {
        IllegalArgumentException noInput = assertThrows(IllegalArgumentException.class,
                () -> GoldenFile.parse(Path.of("a.test"), "a.test", ".viewer|cdo\n"));
        assertTrue(noInput.getMessage().startsWith("a.test"), noInput.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GoldenFile.parse(Path.of("b.test"), "b.test", ".input|storage\n<x/>\n"));
        assertThrows(IllegalArgumentException.class,
                () -> GoldenFile.parse(Path.of("c.test"), "c.test", "viewer cdo\n.input|storage\n<x/>\n.expect|html\n"));
    }

    @Test
    void aDifferenceIsAUnifiedDiffWithContext() {
        String expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj";
        String actual = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk";
        assertEquals("""
                --- x.test (expected)
                +++ rendered now
                @@ -2,9 +2,10 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                 i
                 j
                +k
                """, GoldenFile.diff("x.test (expected)", expected, "rendered now", actual));
        assertEquals("", GoldenFile.diff("x", expected, "y", expected));
    }

    @Test
    void farApartChangesAreSeparateHunks() {
        String expected = String.join("\n", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        String actual = String.join("\n", "one", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "twelve");
        String diff = GoldenFile.diff("e", expected, "a", actual);
        assertEquals(2, diff.split("@@ -", -1).length - 1, "two hunks:\n" + diff);
        assertTrue(diff.contains("@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n"), diff);
        assertTrue(diff.contains("@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n"), diff);
    }

    @Test
    void anUpdateKeepsEverythingAboveTheMarkup(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("x.test");
        Files.writeString(path, FILE, StandardCharsets.UTF_8);
        GoldenFile.read(path, "x.test").update("<section>\r\n  <p>zwei</p>   \r\n</section>\n\n");
        String written = Files.readString(path, StandardCharsets.UTF_8);
        assertEquals(FILE.replace("<p>eins</p>", "<p>zwei</p>"), written);
    }
}
