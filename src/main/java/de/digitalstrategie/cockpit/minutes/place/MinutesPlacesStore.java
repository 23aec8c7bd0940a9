package de.digitalstrategie.cockpit.minutes.place;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps each body's minutes places in the host's global plugin settings (shared by every node of
 * the cluster), one entry for its spaces and one for its page trees, under the body's key.
 */
public class MinutesPlacesStore {
    private static final String PREFIX = "de.digitalstrategie.cockpit.minutes.places.";
    private final PluginSettingsFactory factory;

    public MinutesPlacesStore(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    /** The body's places; none until an administrator names them. */
    public Places load(String bodyKey) {
        PluginSettings s = factory.createGlobalSettings();
        return new Places(spaces(string(s, PREFIX + bodyKey + ".spaces")), pages(string(s, PREFIX + bodyKey + ".pages")));
    }

    public void save(String bodyKey, Places places) {
        PluginSettings s = factory.createGlobalSettings();
        s.put(PREFIX + bodyKey + ".spaces", places.spacesText());
        s.put(PREFIX + bodyKey + ".pages", places.pagesText());
    }

    /**
     * What was stored is read as it was checked when saved; an entry that no longer reads (a value
     * edited by hand in the database) is left out, so it can only ever narrow the places.
     */
    private static Set<String> spaces(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (String entry : text.split(",")) {
            try {
                keys.addAll(Places.spaceKeys(entry));
            } catch (ValidationException e) {
                // left out, see above
            }
        }
        return keys;
    }

    private static Set<Long> pages(String text) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String entry : text.split(",")) {
            try {
                ids.addAll(Places.pageIds(entry, id -> true));
            } catch (ValidationException e) {
                // left out, see above
            }
        }
        return ids;
    }

    private static String string(PluginSettings s, String key) {
        return s.get(key) instanceof String value ? value : "";
    }
}
