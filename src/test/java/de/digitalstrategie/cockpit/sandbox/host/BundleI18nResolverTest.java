package de.digitalstrategie.cockpit.sandbox.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox reads the plugin's i18n bundles as strictly as any Confluence could (ISO-8859-1,
 * ASCII only), and every German and English text, umlauts and typographic quotes included, comes
 * out exactly as written in the UTF-8 sources under i18n/.
 */
class BundleI18nResolverTest {
    private static final Path SOURCES = Path.of("i18n");

    @Test
    void everyTextReadsAsWrittenWithUmlautsAndTypographicQuotes() throws IOException {
        int special = 0;
        for (String bundle : List.of("cockpit", "sandbox")) {
            BundleI18nResolver resolver = new BundleI18nResolver("i18n/" + bundle, Locale.GERMAN);
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                String file = bundle + (locale.equals(Locale.GERMAN) ? "_de" : "") + ".properties";
                Properties written = utf8(SOURCES.resolve(file));
                List<String> wrong = new ArrayList<>();
                for (String key : written.stringPropertyNames()) {
                    String expected = written.getProperty(key);
                    if (!expected.equals(resolver.raw(locale, key))) {
                        wrong.add(key + ": " + resolver.raw(locale, key) + " instead of " + expected);
                    }
                    if (expected.chars().anyMatch(c -> "äöüÄÖÜß„“”–’".indexOf(c) >= 0)) {
                        special++;
                    }
                }
                assertEquals(List.of(), wrong, file);
            }
        }
        assertTrue(special > 100, "texts with umlauts or typographic quotes: " + special);
        BundleI18nResolver german = new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN);
        assertEquals("„Vorgeschlagen“", "„" + german.raw(Locale.GERMAN, "cockpit.decision.status.proposed") + "“");
    }

    @Test
    void aFileThatIsNotAsciiIsRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("i18n"));
        Files.writeString(dir.resolve("i18n/test_de.properties"), "greeting=Grüße\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("i18n/test.properties"), "greeting=Greetings\n", StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            BundleI18nResolver resolver = new BundleI18nResolver("i18n/test", Locale.GERMAN, loader);
            // Read as ISO-8859-1 this would be "GrÃ¼ÃŸe": refused instead of shown.
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolver.getText("greeting"));
            assertTrue(e.getMessage().contains("i18n/test_de.properties is not ASCII"), e.getMessage());
            assertEquals("Greetings", resolver.getText(Locale.ENGLISH, "greeting"));
        }
    }

    @Test
    void escapedTextsReadBackInConfluencesLocaleOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("i18n"));
        Files.writeString(dir.resolve("i18n/test.properties"), "a=A\nb=B\nc=C\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("i18n/test_de.properties"), "a=Gr\\u00fc\\u00dfe\nb=\\u201eB\\u201c\n",
                StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("i18n/test_de_AT.properties"), "a=Servus\n", StandardCharsets.US_ASCII);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            BundleI18nResolver resolver = new BundleI18nResolver("i18n/test", Locale.GERMAN, loader);
            assertEquals("Grüße", resolver.getText("a"));
            assertEquals("Servus", resolver.getText(Locale.forLanguageTag("de-AT"), "a"));
            assertEquals("„B“", resolver.getText(Locale.forLanguageTag("de-AT"), "b"));
            assertEquals("C", resolver.getText(Locale.GERMAN, "c"));
            assertEquals("missing", resolver.getText("missing"));
        }
    }

    private static Properties utf8(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
