package com.atlassian.confluence.core;

import com.atlassian.confluence.user.ConfluenceUser;

/**
 * Stand-in for {@code com.atlassian.confluence.core.ConfluenceEntityObject} (Confluence javadoc,
 * ConfluenceServer 7.14 to 8.x: "It provides an ID as well as creator/modifier username and date
 * fields"; {@code public ConfluenceUser getLastModifier()} since 5.2): the base of every content
 * entity. In Confluence, ContentEntityObject extends it through AbstractVersionedEntityObject and
 * AbstractLabelableEntityObject, which add nothing this plugin calls. Only the members this plugin
 * calls. Never packaged.
 */
public abstract class ConfluenceEntityObject {
    /** The user who saved this version; null for an anonymous save. */
    public abstract ConfluenceUser getLastModifier();
}
