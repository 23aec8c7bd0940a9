package com.atlassian.sal.api.user;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.user.UserManager} (SAL API javadoc): the current
 * user and their administrator status. Only what this plugin calls. Never packaged.
 */
public interface UserManager {
    UserProfile getRemoteUser();

    UserKey getRemoteUserKey();

    UserProfile getUserProfile(UserKey userKey);

    /** The user of this user name, or null (SAL javadoc: {@code getUserProfile(String username)}). */
    UserProfile getUserProfile(String username);

    boolean isAdmin(UserKey userKey);

    boolean isSystemAdmin(UserKey userKey);

    boolean isUserInGroup(UserKey userKey, String group);
}
