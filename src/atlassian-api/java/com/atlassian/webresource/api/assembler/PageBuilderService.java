package com.atlassian.webresource.api.assembler;

/**
 * Stand-in for atlassian-plugins-webresource-api's {@code PageBuilderService}, the host service
 * through which a component requires web resources for the page being built (the documented
 * successor of {@code WebResourceManager.requireResource}). Only the member the plugin calls:
 * {@code WebResourceAssembler assembler()}, as implemented by Atlassian's test double
 * {@code MockPageBuilderService} and used by Atlassian's Slack integration
 * ({@code VelocityPageBuilderService}).
 */
public interface PageBuilderService {
    WebResourceAssembler assembler();
}
