package com.atlassian.sal.api.pluginsettings;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.pluginsettings.PluginSettings} (SAL API javadoc):
 * values are a String, a List of String, a Map of String to String or Properties. Never packaged.
 */
public interface PluginSettings {
    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
