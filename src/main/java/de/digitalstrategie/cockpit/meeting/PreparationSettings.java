package de.digitalstrategie.cockpit.meeting;

import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

/** The global plugin settings of the preparation: what a macro uses where it names nothing. */
public class PreparationSettings {
    /** After how many days without the city's answer input counts as left unanswered (a whole number). */
    public static final String UNANSWERED_DAYS = "de.digitalstrategie.cockpit.preparation.unansweredDays";
    /** Six weeks: two board meetings a quarter apart should never both pass without an answer. */
    public static final int DEFAULT_UNANSWERED_DAYS = 42;
    public static final int MAX_DAYS = 3650;

    private final PluginSettingsFactory factory;

    public PreparationSettings(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    /** The setting, or the default where it is missing or not a number between 0 and {@link #MAX_DAYS}. */
    public int unansweredDays() {
        Object stored = factory.createGlobalSettings().get(UNANSWERED_DAYS);
        if (stored instanceof String s && s.strip().matches("[0-9]{1,4}")) {
            int days = Integer.parseInt(s.strip());
            if (days <= MAX_DAYS) {
                return days;
            }
        }
        return DEFAULT_UNANSWERED_DAYS;
    }
}
