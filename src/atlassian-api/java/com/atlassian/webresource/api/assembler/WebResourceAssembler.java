package com.atlassian.webresource.api.assembler;

/**
 * Stand-in for atlassian-plugins-webresource-api's {@code WebResourceAssembler}: the resources of
 * the page being built. Only {@code RequiredResources resources()}, the member the plugin calls
 * (same source as {@link PageBuilderService}).
 */
public interface WebResourceAssembler {
    RequiredResources resources();
}
