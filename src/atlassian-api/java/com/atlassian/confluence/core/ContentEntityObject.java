package com.atlassian.confluence.core;

/**
 * Stand-in for {@code com.atlassian.confluence.core.ContentEntityObject} (Confluence javadoc): the
 * base of pages, blog posts and comments. Only the members this plugin calls. Never packaged.
 */
public abstract class ContentEntityObject {
    public abstract long getId();

    public abstract String getTitle();

    public abstract int getVersion();

    public abstract String getBodyAsString();
}
