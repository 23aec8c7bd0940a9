package de.digitalstrategie.cockpit.publication;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The global plugin settings of the public profiles: which sites may show a profile in a frame,
 * who publishes the feeds, and the namespace the feeds' ids are made in.
 */
public class PublicationSettings {
    static final String PREFIX = "de.digitalstrategie.cockpit.public.";
    /**
     * The sites (origins) that may show a profile in a frame, separated by spaces, as CSP
     * {@code frame-ancestors} sources: {@code https://host}, {@code https://*.host} (a port may
     * follow) or {@code 'self'}. Anything else is left out rather than sent.
     */
    public static final String FRAME_ANCESTORS = PREFIX + "frameAncestors";
    /** Worms' participation platform, where the city's strategy promises the profiles. */
    public static final String DEFAULT_FRAME_ANCESTORS = "'self' https://worms-gestalten.de https://www.worms-gestalten.de";
    /**
     * The publisher named as the feeds' author: the city, read from the setting OParl names the
     * city's body with, so that one setting names the city everywhere.
     */
    public static final String PUBLISHER = "de.digitalstrategie.cockpit.oparl.bodyName";
    public static final String DEFAULT_PUBLISHER = "Stadt Worms";
    /** The namespace the feeds' ids are made in: made once, on first use, and kept. */
    static final String ID_NAMESPACE = PREFIX + "idNamespace";
    private static final Pattern SOURCE = Pattern.compile(
            "'self'|https://(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

    private final PluginSettingsFactory factory;

    public PublicationSettings(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    /** The CSP {@code frame-ancestors} sources; {@code 'none'} if no valid one is set. */
    public String frameAncestors() {
        Object stored = factory.createGlobalSettings().get(FRAME_ANCESTORS);
        String configured = stored instanceof String s && !s.isBlank() ? s : DEFAULT_FRAME_ANCESTORS;
        List<String> sources = new ArrayList<>();
        for (String source : configured.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+")) {
            if (SOURCE.matcher(source).matches() && !sources.contains(source)) {
                sources.add(source);
            }
        }
        return sources.isEmpty() ? "'none'" : String.join(" ", sources);
    }

    public String publisher() {
        Object stored = factory.createGlobalSettings().get(PUBLISHER);
        return stored instanceof String s && !s.isBlank() ? s.strip() : DEFAULT_PUBLISHER;
    }

    /**
     * This installation's namespace for the feeds' {@code urn:uuid:} ids: random, so that two
     * cities' feeds never share an id, and kept, so that an id never changes.
     */
    public UUID idNamespace() {
        PluginSettings settings = factory.createGlobalSettings();
        Object stored = settings.get(ID_NAMESPACE);
        if (!(stored instanceof String s) || !s.matches("[0-9a-f-]{36}")) {
            settings.put(ID_NAMESPACE, UUID.randomUUID().toString());
            // Read back: if two nodes raced, both go on with the namespace that was kept.
            stored = settings.get(ID_NAMESPACE);
        }
        return UUID.fromString((String) stored);
    }
}
