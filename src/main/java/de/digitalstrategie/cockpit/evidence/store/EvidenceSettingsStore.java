package de.digitalstrategie.cockpit.evidence.store;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import de.digitalstrategie.cockpit.evidence.EvidenceSettings;

/** The rules' thresholds, as global plugin settings (Confluence keeps them in the shared database). */
public class EvidenceSettingsStore {
    static final String PREFIX = "de.digitalstrategie.cockpit.evidence.";
    public static final String STALE_WEEKS = PREFIX + "staleWeeks";
    public static final String WINDOW_DAYS = PREFIX + "windowDays";
    public static final String LOOKBACK_DAYS = PREFIX + "lookbackDays";

    private final PluginSettingsFactory factory;

    public EvidenceSettingsStore(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    /** The stored settings; the default for a value never set or no longer valid. */
    public EvidenceSettings load() {
        PluginSettings settings = factory.createGlobalSettings();
        EvidenceSettings d = EvidenceSettings.DEFAULTS;
        return new EvidenceSettings(number(settings.get(STALE_WEEKS), d.staleWeeks(), 1, EvidenceSettings.MAX_WEEKS),
                number(settings.get(WINDOW_DAYS), d.windowDays(), 0, EvidenceSettings.MAX_DAYS),
                number(settings.get(LOOKBACK_DAYS), d.lookbackDays(), 1, EvidenceSettings.MAX_DAYS));
    }

    public void save(EvidenceSettings evidence) {
        PluginSettings settings = factory.createGlobalSettings();
        settings.put(STALE_WEEKS, Integer.toString(evidence.staleWeeks()));
        settings.put(WINDOW_DAYS, Integer.toString(evidence.windowDays()));
        settings.put(LOOKBACK_DAYS, Integer.toString(evidence.lookbackDays()));
    }

    private static int number(Object stored, int fallback, int min, int max) {
        if (stored instanceof String s && s.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(s);
            return n >= min && n <= max ? n : fallback;
        }
        return fallback;
    }
}
