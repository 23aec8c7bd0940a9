package com.atlassian.confluence.user;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.user.User;

/**
 * Stand-in for {@code com.atlassian.confluence.user.UserAccessor} (Confluence 9.x javadoc): the two
 * members the plugin calls. {@code getUserByKey} answers null for a key no user has (any more);
 * {@code isDeactivated} is true for a user whose access to Confluence was taken away while the account
 * stays for the content's sake. Never packaged.
 */
public interface UserAccessor {
    ConfluenceUser getUserByKey(UserKey userKey);

    boolean isDeactivated(User user);
}
