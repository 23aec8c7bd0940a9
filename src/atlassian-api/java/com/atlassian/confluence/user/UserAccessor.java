package com.atlassian.confluence.user;

import com.atlassian.sal.api.user.UserKey;

/**
 * Stand-in for {@code com.atlassian.confluence.user.UserAccessor} (Confluence javadoc,
 * {@code ConfluenceUser getUserByKey(UserKey)}, null for an unknown key): the user a permission is
 * checked for when no request of theirs is running (a background job). Only what this plugin calls.
 * Never packaged.
 */
public interface UserAccessor {
    ConfluenceUser getUserByKey(UserKey key);
}
