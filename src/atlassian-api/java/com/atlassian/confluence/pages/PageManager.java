package com.atlassian.confluence.pages;

/**
 * Stand-in for {@code com.atlassian.confluence.pages.PageManager} (Confluence javadoc): only
 * {@code getAbstractPage(long)}, which returns null for an unknown id. Never packaged.
 */
public interface PageManager {
    AbstractPage getAbstractPage(long id);
}
