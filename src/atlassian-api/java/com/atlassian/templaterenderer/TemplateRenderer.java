package com.atlassian.templaterenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.templaterenderer.TemplateRenderer} (Atlassian Template Renderer
 * API javadoc): renders a Velocity template from the plugin's class path. Never packaged.
 */
public interface TemplateRenderer {
    void render(String templateName, Map<String, Object> context, Writer writer)
            throws RenderingException, IOException;

    String renderFragment(String fragment, Map<String, Object> context);
}
