package com.atlassian.confluence.security;

import com.atlassian.confluence.user.ConfluenceUser;

/**
 * Stand-in for {@code com.atlassian.confluence.security.PermissionManager} (Confluence 8.x/9.x
 * javadoc, [P]: the ConfluenceUser overload; the com.atlassian.user.User one is deprecated). A
 * null user is the anonymous user. Never packaged.
 */
public interface PermissionManager {
    boolean hasPermission(ConfluenceUser user, Permission permission, Object target);
}
