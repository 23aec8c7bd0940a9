package com.atlassian.confluence.pages;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.confluence.pages.Page} (Confluence javadoc, ConfluenceServer
 * 8.8: {@code public class Page extends AbstractPage implements Hierarchical<Page>}). Only the
 * members this plugin calls. Never packaged.
 */
public abstract class Page extends AbstractPage {
    /** The page this one sits under; null for a page at the top of its space. */
    public abstract Page getParent();

    /**
     * "Gets the list of ancestors of this page (its parents, and its parents parents, right up to
     * the root level of the containing space)"; empty for a page at the top of its space.
     */
    public abstract List<Page> getAncestors();
}
