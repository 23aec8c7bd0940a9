package com.atlassian.sal.api.pluginsettings;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.pluginsettings.PluginSettingsFactory} (SAL API
 * javadoc). Never packaged.
 */
public interface PluginSettingsFactory {
    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
