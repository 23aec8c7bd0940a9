package com.atlassian.confluence.security;

import com.atlassian.confluence.core.ContentEntityObject;

/**
 * Stand-in for {@code com.atlassian.confluence.security.ContentPermissionSet} (Confluence 9.x
 * javadoc): the restrictions of one type (view, edit) on one piece of content, one entry per user
 * or group it is restricted to. Only the constructor and the members this plugin calls; in
 * Confluence it extends {@code com.atlassian.core.bean.EntityObject}. Never packaged.
 */
public class ContentPermissionSet {
    private final String type;

    public ContentPermissionSet(String type, ContentEntityObject owningContent) {
        this.type = type;
    }

    public String getType() {
        return type;
    }

    /** Whether the set restricts to no user or group at all. */
    public boolean isEmpty() {
        return true;
    }
}
