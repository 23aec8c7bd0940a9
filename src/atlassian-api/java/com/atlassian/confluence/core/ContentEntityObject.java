package com.atlassian.confluence.core;

/**
 * Stand-in for {@code com.atlassian.confluence.core.ContentEntityObject} (Confluence javadoc): the
 * base of pages, blog posts and comments; a {@link ConfluenceEntityObject} (through classes that add
 * nothing this plugin calls). Only the members this plugin calls. Never packaged.
 */
public abstract class ContentEntityObject extends ConfluenceEntityObject {
    public abstract long getId();

    public abstract String getTitle();

    public abstract int getVersion();

    public abstract String getBodyAsString();
}
