package com.atlassian.sal.api.user;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.user.UserProfile} (members as implemented by
 * Confluence's {@code ConfluenceUserProfile}, Confluence 7.x/8.x javadoc). Only what this plugin
 * calls. Never packaged.
 */
public interface UserProfile {
    UserKey getUserKey();

    String getUsername();

    String getFullName();

    String getEmail();
}
