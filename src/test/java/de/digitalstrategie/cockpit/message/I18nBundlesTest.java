package de.digitalstrategie.cockpit.message;

import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import de.digitalstrategie.cockpit.decision.DecisionWorkflow;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionChange;
import de.digitalstrategie.cockpit.minutes.PageRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text the plugin shows exists in German and English, and messages resolve in both. */
class I18nBundlesTest {
    private static final Path I18N = Path.of("i18n");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(cockpit\\.[a-z0-9.-]+)\"");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(I18N.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> de = new TreeSet<>(load("cockpit_de.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("cockpit.properties").stringPropertyNames());
        Set<String> onlyDe = new TreeSet<>(de);
        onlyDe.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(de);
        assertEquals(Set.of(), onlyDe, "keys only in German");
        assertEquals(Set.of(), onlyEn, "keys only in English");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws Exception {
        Set<String> keys = load("cockpit_de.properties").stringPropertyNames();
        Set<String> prefixes = new TreeSet<>();
        List<Class<?>> labelled = labelledEnums();
        for (Class<?> type : labelled) {
            for (Object constant : type.getEnumConstants()) {
                Labelled l = (Labelled) constant;
                prefixes.add(l.labelPrefix());
                assertTrue(keys.contains(l.label().key()), "missing label " + l.label().key());
            }
        }
        assertTrue(labelled.size() >= 9, "expected the plugin's labelled enums, found " + labelled);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    // A literal ending in a dot is the prefix of keys completed at run time (one per
                    // section of the meeting preparation): some key must begin with it.
                    boolean prefixOfKeys = key.endsWith(".") && keys.stream().anyMatch(k -> k.startsWith(key));
                    if (!keys.contains(key) && !prefixes.contains(key) && !prefixOfKeys) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aRefusedTransitionReadsWellInBothLanguages() {
        Decision decided = new Decision(1, "m", "LK-2026-01", "Titel", "", DecisionStatus.REJECTED, null, 0, 0,
                List.of(), "", null, "", PageRef.NONE, false, true);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> DecisionWorkflow.WORKFLOW.check(DecisionStatus.PROPOSED, DecisionStatus.DECIDED,
                        new DecisionChange(decided, DecisionStatus.DECIDED, "x", null, "", "")));
        BundleI18nResolver i18n = new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN);
        MessageResolver resolver = new MessageResolver(i18n::getText);
        assertEquals("Von „Vorgeschlagen“ kann nicht nach „Beschlossen“ gewechselt werden. "
                + "Möglich ist: Zur Abstimmung, Vertagt.", resolver.resolve(e.userMessage(), Locale.GERMAN));
        assertEquals("Cannot change from \"Proposed\" to \"Decided\". Possible: Ready for vote, Deferred.",
                resolver.resolve(e.userMessage(), Locale.ENGLISH));
    }

    private static List<Class<?>> labelledEnums() throws Exception {
        Path classes = Path.of("target/classes/de/digitalstrategie/cockpit");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            // Nested enums too (Trajectory.Trend): a constant body's class ($1) is no enum and is skipped.
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                    && !f.toString().contains("/sandbox/")).toList()) {
                String name = Path.of("target/classes").relativize(file).toString()
                        .replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isEnum() && Labelled.class.isAssignableFrom(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
