package de.digitalstrategie.cockpit.macro;

import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.host.PluginDescriptor;
import de.digitalstrategie.cockpit.testing.GoldenFile;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every macro of atlassian-plugin.xml rendered as its golden files under
 * {@code src/test/resources/golden/<macro>/} say (see {@link GoldenFile} for the format): the
 * plugin's real classes, its Velocity templates behind the host's allowlist, on an H2 database
 * holding {@link GoldenData}. A change of markup fails with a diff naming the file;
 * {@code -Dgolden.update=true} writes what is rendered now into the files instead, to be read and
 * committed with the change that caused it. Once on H2: the markup does not differ per database.
 *
 * <p>Nothing of the markup is normalised but line endings and trailing whitespace
 * ({@link GoldenFile#normalise}): it holds nothing volatile. The clock, the page ids and every
 * date are fixed, the macros' instance keys derive from their parameters, the filter forms are
 * plain GET forms without an XSRF token, and links name their parameters in a fixed order. Should
 * something volatile ever appear, it is to be made stable at its source or, if it cannot be,
 * replaced in {@link #render} alone, with the reason.
 */
class MacroGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static SandboxFixture fixture;

    @BeforeAll
    static void write() {
        fixture = SandboxFixture.empty();
        GoldenData.write(fixture.sandbox);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileRendersAsWritten() {
        return GoldenFile.all(ROOT).stream()
                .map(file -> DynamicTest.dynamicTest(file.name(), file.path().toUri(), () -> check(file)));
    }

    private static void check(GoldenFile file) {
        String actual = GoldenFile.normalise(render(file));
        for (String parameter : file.all("request")) {
            // An instance's key derives from its class and parameters: a renamed class or a changed
            // parameter leaves a request line unread, and an update would pin the wrong page.
            String instance = parameter.substring(0, Math.max(0, parameter.indexOf('.')));
            if (!actual.contains("id=\"" + instance + "\"")) {
                fail(file.path() + ": .request|" + parameter + " is for the macro instance \"" + instance
                        + "\", which the rendered markup does not hold: correct the key in the file");
            }
        }
        if (actual.equals(file.expected())) {
            return;
        }
        if (UPDATE) {
            file.update(actual);
            System.out.println("golden file updated: " + file.path());
            return;
        }
        fail("The markup of " + file.path() + " changed (rewrite the files with -Dgolden.update=true if that "
                + "is intended):\n" + GoldenFile.diff(file.path() + " (expected)", file.expected(),
                "rendered now", actual));
    }

    private static String render(GoldenFile file) {
        String viewer = file.required("viewer");
        Locale locale = Locale.forLanguageTag(file.required("locale"));
        SandboxPage page = null;
        String pageId = file.setting("page", null);
        if (pageId != null) {
            page = fixture.sandbox.pages.find(Long.parseLong(pageId))
                    .orElseThrow(() -> new IllegalArgumentException(file.name() + ": no page " + pageId));
        }
        Map<String, String> request = new LinkedHashMap<>();
        for (String parameter : file.all("request")) {
            int eq = parameter.indexOf('=');
            request.put(parameter.substring(0, eq), parameter.substring(eq + 1));
        }
        return fixture.render(file.input(), "anonymous".equals(viewer) ? null : viewer, locale, request,
                file.setting("output", "display"), page);
    }

    @Test
    void everyMacroOfTheDescriptorHasGoldenFilesAndNoneOther() throws IOException {
        Set<String> macros = PluginDescriptor.load().macros().stream().map(PluginDescriptor.MacroModule::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            covered = dirs.filter(Files::isDirectory).filter(MacroGoldenTest::holdsGoldenFiles)
                    .map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(macros, covered, "a folder of golden files for each xhtml-macro in atlassian-plugin.xml");
    }

    private static boolean holdsGoldenFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tests = files.filter(f -> f.toString().endsWith(".test")).toList();
            return !tests.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
