package de.digitalstrategie.cockpit.oparl;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the OParl interface says about the city that publishes it, from the host's global plugin
 * settings. The plugin serves one municipality, so the OParl body is that city; without settings it
 * is Worms, the city the plugin was built with (the sandbox's demo city), so that a fresh
 * installation serves a valid interface. Another city sets at least {@link #NAME}.
 */
final class OParlSettings {
    static final String PREFIX = "de.digitalstrategie.cockpit.oparl.";
    /** The body's official name, e.g. "Stadt Worms". */
    static final String NAME = PREFIX + "bodyName";
    static final String SHORT_NAME = PREFIX + "bodyShortName";
    static final String CLASSIFICATION = PREFIX + "bodyClassification";
    /** The city's website (absolute URL). */
    static final String WEBSITE = PREFIX + "website";
    /** The licence the city publishes the data under (URL, e.g. dl-de/by-2-0); none unless set. */
    static final String LICENSE = PREFIX + "license";
    /** The operator's address for questions about the interface (the city's, e.g. its open-data office). */
    static final String CONTACT_EMAIL = PREFIX + "contactEmail";
    /** Who answers at {@link #CONTACT_EMAIL}; without it, the city itself. */
    static final String CONTACT_NAME = PREFIX + "contactName";
    /** The website of whoever supplies the installation's software (absolute URL); none unless set. */
    static final String VENDOR = PREFIX + "vendor";
    /** The page that describes the software the city runs (absolute URL); none unless set. */
    static final String PRODUCT = PREFIX + "product";
    /**
     * The prefix of the city's own OParl properties ({@code worms:implementationState}): letters,
     * digits and hyphens, starting with a letter; by default the body's short name in lower case.
     */
    static final String EXTENSION_PREFIX = PREFIX + "extensionPrefix";
    /**
     * When the ledger was last brought up to date, by any node (epoch milliseconds). A key of its
     * own since the lists are numbered: a ledger an earlier version wrote has no positions yet, so
     * the interface waits (503) for the first run that numbers them rather than answer empty lists.
     */
    static final String PUBLISHED_AT = PREFIX + "numberedListsPublishedAt";
    /** The key person ids are derived with; made once, on first use, and kept. */
    static final String PERSON_ID_KEY = PREFIX + "personIdKey";

    static final String DEFAULT_NAME = "Stadt Worms";
    static final String DEFAULT_SHORT_NAME = "Worms";
    static final String DEFAULT_CLASSIFICATION = "Kreisfreie Stadt";
    /** The city's site, the source of the demo's seed data (src/sandbox/seed/worms). */
    static final String DEFAULT_WEBSITE = "https://www.worms.de/";

    private final PluginSettingsFactory factory;

    OParlSettings(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    String name() {
        return text(NAME).orElse(DEFAULT_NAME);
    }

    String shortName() {
        return text(SHORT_NAME).orElse(DEFAULT_SHORT_NAME);
    }

    String classification() {
        return text(CLASSIFICATION).orElse(DEFAULT_CLASSIFICATION);
    }

    String website() {
        return url(WEBSITE).orElse(DEFAULT_WEBSITE);
    }

    Optional<String> license() {
        return url(LICENSE);
    }

    /**
     * Only an address that can be written to: the plugin knows no address of the city, and OParl
     * would rather have no contact than a made-up one.
     */
    Optional<String> contactEmail() {
        return text(CONTACT_EMAIL).filter(e -> e.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+"));
    }

    /**
     * The name only beside an address: OParl's contactName names who answers at contactEmail. The
     * city operates the interface, so without a name of its own the city answers.
     */
    Optional<String> contactName() {
        return contactEmail().map(e -> text(CONTACT_NAME).orElse(name()));
    }

    /**
     * The plugin is made by no firm with a website of its own, so no default is true: the
     * administrator sets the URL of whoever supplies the installation, and until then OParl's
     * optional vendor is left out rather than filled with a placeholder.
     */
    Optional<String> vendor() {
        return url(VENDOR);
    }

    Optional<String> product() {
        return url(PRODUCT);
    }

    /**
     * OParl 1.1 lets a publisher add properties under a prefix of its own and forbids only "@" in
     * it; the city's name keeps them apart from any other publisher's. The prefix is held to a
     * name a client can match literally (no ":" either, which would make the property ambiguous).
     */
    String extensionPrefix() {
        return text(EXTENSION_PREFIX).map(p -> p.toLowerCase(Locale.ROOT)).filter(OParlSettings::isPrefix)
                .orElseGet(() -> {
                    String derived = Normalizer.normalize(shortName().toLowerCase(Locale.ROOT)
                            .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
                            Normalizer.Form.NFD).replaceAll("[^a-z0-9-]", "");
                    return isPrefix(derived) ? derived : "kommune";
                });
    }

    private static boolean isPrefix(String prefix) {
        return prefix.matches("[a-z][a-z0-9-]{0,39}");
    }

    /**
     * A person's public id: a keyed hash of the Confluence user key. The user key itself is not
     * published: in older installations it is the login name, which no member agreed to publish,
     * and an unkeyed hash of a login name can be confirmed by guessing.
     */
    String personId(String userKey) {
        return personIds().apply(userKey);
    }

    /** {@link #personId} for many users, reading the key once. */
    UnaryOperator<String> personIds() {
        SecretKeySpec key = new SecretKeySpec(personIdKey(), "HmacSHA256");
        return userKey -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return HexFormat.of().formatHex(mac.doFinal(userKey.getBytes(StandardCharsets.UTF_8)), 0, 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        };
    }

    private byte[] personIdKey() {
        PluginSettings settings = factory.createGlobalSettings();
        Object stored = settings.get(PERSON_ID_KEY);
        if (!(stored instanceof String key) || key.isBlank()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            settings.put(PERSON_ID_KEY, Base64.getEncoder().encodeToString(fresh));
            // Read back: if two nodes raced, both go on with the key that was kept.
            stored = settings.get(PERSON_ID_KEY);
        }
        return Base64.getDecoder().decode((String) stored);
    }

    /** When a node last brought the ledger up to date; nothing before the first run. */
    Optional<Instant> publishedAt() {
        return text(PUBLISHED_AT).flatMap(millis -> {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    void publishedAt(Instant at) {
        factory.createGlobalSettings().put(PUBLISHED_AT, String.valueOf(at.toEpochMilli()));
    }

    private Optional<String> text(String key) {
        Object value = factory.createGlobalSettings().get(key);
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    /** A configured URL that is not absolute http(s) is ignored rather than published broken. */
    private Optional<String> url(String key) {
        return text(key).filter(u -> u.matches("(?i)https?://[^\\s/]+(/\\S*)?"));
    }
}
