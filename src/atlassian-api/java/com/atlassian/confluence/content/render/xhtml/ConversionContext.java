package com.atlassian.confluence.content.render.xhtml;

import com.atlassian.confluence.core.ContentEntityObject;

/**
 * Stand-in for {@code com.atlassian.confluence.content.render.xhtml.ConversionContext} (Confluence
 * javadoc, [P]): where and for what a macro renders. {@link #getOutputType()} is "display" or
 * "preview" in the browser, other values (e.g. "pdf", "email", "word") for exports. Only the
 * members this plugin calls. Never packaged. {@link #setProperty} and {@link #getProperty} keep
 * a value for the rest of one rendering (Confluence 4.0 to 5.x javadoc list both; its
 * {@code DefaultConversionContext} is "a non-thread safe implementation [...] suitable for use in
 * the single threaded XHTML output process").
 */
public interface ConversionContext {
    ContentEntityObject getEntity();

    String getOutputType();

    String getSpaceKey();

    Object getProperty(String name);

    void setProperty(String name, Object value);
}
