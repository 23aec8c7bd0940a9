package com.atlassian.confluence.pages;

/** Stand-in for {@code com.atlassian.confluence.pages.Page} (Confluence javadoc). Never packaged. */
public abstract class Page extends AbstractPage {
}
