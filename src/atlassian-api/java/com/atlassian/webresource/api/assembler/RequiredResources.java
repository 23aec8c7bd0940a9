package com.atlassian.webresource.api.assembler;

/**
 * Stand-in for atlassian-plugins-webresource-api's {@code RequiredResources}. Only
 * {@code RequiredResources requireWebResource(String moduleCompleteKey)}, which takes a web-resource
 * module's complete key ({@code pluginKey:moduleKey}) and returns the same object for chaining
 * (same source as {@link PageBuilderService}).
 */
public interface RequiredResources {
    RequiredResources requireWebResource(String moduleCompleteKey);
}
