package com.atlassian.user;

/** Stand-in for {@code com.atlassian.user.User} (Atlassian User javadoc). Never packaged. */
public interface User {
    String getName();

    String getFullName();
}
