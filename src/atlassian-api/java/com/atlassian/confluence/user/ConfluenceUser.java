package com.atlassian.confluence.user;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.user.User;

/** Stand-in for {@code com.atlassian.confluence.user.ConfluenceUser} (Confluence javadoc). Never packaged. */
public interface ConfluenceUser extends User {
    UserKey getKey();
}
