package de.digitalstrategie.cockpit.reminder.store;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import de.digitalstrategie.cockpit.reminder.ReminderSettings;

/**
 * The reminders' settings and each person's opt-out, as global plugin settings (Confluence keeps
 * them in the shared database, so every node reads the same). An opt-out is a key of its own per
 * person, so two people switching at the same moment on two nodes cannot undo each other.
 */
public class ReminderSettingsStore {
    static final String PREFIX = "de.digitalstrategie.cockpit.reminder.";
    public static final String DUE_WITHIN_DAYS = PREFIX + "dueWithinDays";
    public static final String UNANSWERED_AFTER_DAYS = PREFIX + "unansweredAfterDays";
    static final String OPT_OUT = PREFIX + "optOut.";

    private final PluginSettingsFactory factory;

    public ReminderSettingsStore(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    /** The stored settings; the defaults for a value never set or no longer valid. */
    public ReminderSettings load() {
        PluginSettings settings = factory.createGlobalSettings();
        return new ReminderSettings(days(settings.get(DUE_WITHIN_DAYS), ReminderSettings.DEFAULTS.dueWithinDays()),
                days(settings.get(UNANSWERED_AFTER_DAYS), ReminderSettings.DEFAULTS.unansweredAfterDays()));
    }

    public void save(ReminderSettings reminders) {
        PluginSettings settings = factory.createGlobalSettings();
        settings.put(DUE_WITHIN_DAYS, Integer.toString(reminders.dueWithinDays()));
        settings.put(UNANSWERED_AFTER_DAYS, Integer.toString(reminders.unansweredAfterDays()));
    }

    private static int days(Object stored, int fallback) {
        if (stored instanceof String s && s.matches("[0-9]{1,3}")) {
            int days = Integer.parseInt(s);
            return days <= ReminderSettings.MAX_DAYS ? days : fallback;
        }
        return fallback;
    }

    /** Whether the person has switched their reminders off. */
    public boolean optedOut(String userKey) {
        return "true".equals(factory.createGlobalSettings().get(OPT_OUT + userKey));
    }

    public void setOptedOut(String userKey, boolean optedOut) {
        PluginSettings settings = factory.createGlobalSettings();
        if (optedOut) {
            settings.put(OPT_OUT + userKey, "true");
        } else {
            settings.remove(OPT_OUT + userKey);
        }
    }
}
