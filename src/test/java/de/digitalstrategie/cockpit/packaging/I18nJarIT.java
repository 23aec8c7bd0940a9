package de.digitalstrategie.cockpit.packaging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.PropertyResourceBundle;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The i18n bundles in the built JAR read exactly as written, umlauts and typographic quotes
 * included, whichever way Confluence reads them: {@code new PropertyResourceBundle(InputStream)}
 * (Confluence's AbstractI18NResource; UTF-8 on Java 9+) and plain ISO-8859-1
 * ({@code Properties.load(InputStream)}, which is what that constructor falls back to, and all it
 * reads under {@code -Djava.util.PropertyResourceBundle.encoding=ISO-8859-1}).
 */
class I18nJarIT {

    @Test
    void bundlesInTheJarAreAsciiAndReadAsWrittenEitherWay() throws IOException {
        Path jarPath = Path.of(System.getProperty("plugin.jar", "target/digitalstrategie-cockpit-0.1.0-SNAPSHOT.jar"));
        Map<String, Integer> specials = new TreeMap<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            List<JarEntry> bundles = Collections.list(jar.entries()).stream()
                    .filter(e -> e.getName().startsWith("i18n/") && e.getName().endsWith(".properties")).toList();
            assertEquals(List.of("i18n/cockpit.properties", "i18n/cockpit_de.properties"),
                    bundles.stream().map(JarEntry::getName).sorted().toList());
            for (JarEntry entry : bundles) {
                byte[] bytes;
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                for (int i = 0; i < bytes.length; i++) {
                    assertTrue(bytes[i] >= 0, entry.getName() + " has a non-ASCII byte at " + i);
                }
                Properties written = new Properties();
                try (Reader source = Files.newBufferedReader(Path.of(entry.getName()), StandardCharsets.UTF_8)) {
                    written.load(source);
                }
                PropertyResourceBundle confluence = new PropertyResourceBundle(new ByteArrayInputStream(bytes));
                Properties latin1 = new Properties();
                latin1.load(new ByteArrayInputStream(bytes));
                assertEquals(written.stringPropertyNames(), confluence.keySet(), entry.getName());
                assertEquals(written.stringPropertyNames(), latin1.stringPropertyNames(), entry.getName());
                for (String key : written.stringPropertyNames()) {
                    String expected = written.getProperty(key);
                    assertEquals(expected, confluence.getString(key), entry.getName() + " " + key);
                    assertEquals(expected, latin1.getProperty(key), entry.getName() + " " + key);
                    for (char c : "äöüÄÖÜß„“–’".toCharArray()) {
                        if (expected.indexOf(c) >= 0) {
                            specials.merge(String.valueOf(c), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        // The German texts use all of these; each one made it through.
        for (String c : List.of("ä", "ö", "ü", "ß", "„", "“", "–")) {
            assertTrue(specials.getOrDefault(c, 0) > 0, "no text with " + c + ": " + specials);
        }
    }
}
