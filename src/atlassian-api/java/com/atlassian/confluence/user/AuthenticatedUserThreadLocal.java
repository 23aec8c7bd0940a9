package com.atlassian.confluence.user;

/**
 * Stand-in for {@code com.atlassian.confluence.user.AuthenticatedUserThreadLocal} (Confluence
 * javadoc): the user of the current request, null when anonymous. {@code set} is how the host
 * (here: the sandbox) binds it. Never packaged.
 */
public final class AuthenticatedUserThreadLocal {
    private static final ThreadLocal<ConfluenceUser> USER = new ThreadLocal<>();

    private AuthenticatedUserThreadLocal() {
    }

    public static ConfluenceUser get() {
        return USER.get();
    }

    public static void set(ConfluenceUser user) {
        if (user == null) {
            USER.remove();
        } else {
            USER.set(user);
        }
    }
}
