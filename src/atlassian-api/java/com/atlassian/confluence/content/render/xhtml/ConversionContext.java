package com.atlassian.confluence.content.render.xhtml;

import com.atlassian.confluence.core.ContentEntityObject;

/**
 * Stand-in for {@code com.atlassian.confluence.content.render.xhtml.ConversionContext} (Confluence
 * javadoc, [P]): where and for what a macro renders. {@link #getOutputType()} is "display" or
 * "preview" in the browser, other values (e.g. "pdf", "email", "word") for exports. Only the
 * members this plugin calls. Never packaged.
 */
public interface ConversionContext {
    ContentEntityObject getEntity();

    String getOutputType();

    String getSpaceKey();

    Object getProperty(String name);
}
