package com.atlassian.confluence.pages;

import com.atlassian.confluence.core.ContentEntityObject;

/**
 * Stand-in for {@code com.atlassian.confluence.pages.AbstractPage} (Confluence javadoc; in
 * Confluence it extends SpaceContentEntityObject, which declares {@code getSpaceKey()}). Never packaged.
 */
public abstract class AbstractPage extends ContentEntityObject {
    public abstract String getSpaceKey();
}
