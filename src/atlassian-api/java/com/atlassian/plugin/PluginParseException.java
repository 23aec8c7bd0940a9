package com.atlassian.plugin;

/**
 * Stand-in of atlassian-plugins-api's {@code com.atlassian.plugin.PluginParseException}: what a
 * module's {@code init} throws for bad configuration. Only the constructor the plugin could use.
 *
 * <p>Source: the package and name as imported by Confluence's create-content plugin's
 * {@code AbstractBlueprintContextProvider} ({@code init(Map) throws PluginParseException});
 * an unchecked exception [P: recalled from atlassian-plugins, where it extends RuntimeException].
 */
public class PluginParseException extends RuntimeException {
    public PluginParseException(String message) {
        super(message);
    }
}
