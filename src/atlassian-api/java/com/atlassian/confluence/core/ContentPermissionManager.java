package com.atlassian.confluence.core;

import com.atlassian.confluence.security.ContentPermissionSet;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.confluence.core.ContentPermissionManager} (Confluence 9.x
 * javadoc): only {@code getContentPermissionSets(ContentEntityObject, String)}, "the
 * ContentPermissionSets that affect this ceo, both inherited and directly". Never packaged.
 */
public interface ContentPermissionManager {
    List<ContentPermissionSet> getContentPermissionSets(ContentEntityObject ceo, String type);
}
