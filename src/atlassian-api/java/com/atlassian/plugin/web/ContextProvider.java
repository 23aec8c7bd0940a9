package com.atlassian.plugin.web;

import com.atlassian.plugin.PluginParseException;

import java.util.Map;

/**
 * Stand-in of atlassian-plugins-webfragment's {@code com.atlassian.plugin.web.ContextProvider}: adds
 * to the context a web fragment or a content template is rendered with.
 *
 * <p>Source: developer.atlassian.com, "Content Template module" (a {@code <content-template>}'s
 * {@code <context-provider class>} "implements the com.atlassian.plugin.web.ContextProvider
 * interface"); the two methods as Confluence's create-content plugin implements them in
 * {@code AbstractBlueprintContextProvider}: {@code void init(Map<String, String> params) throws
 * PluginParseException} and {@code Map<String, Object> getContextMap(Map<String, Object> context)}.
 */
public interface ContextProvider {
    void init(Map<String, String> params) throws PluginParseException;

    Map<String, Object> getContextMap(Map<String, Object> context);
}
