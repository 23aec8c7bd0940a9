package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.user.UserKey} (SAL API javadoc, since 2.10): a
 * final value class wrapping the stable user key. Never packaged.
 */
public final class UserKey implements Serializable {
    private final String userkey;

    public UserKey(String userkey) {
        this.userkey = Objects.requireNonNull(userkey, "userkey");
    }

    public String getStringValue() {
        return userkey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserKey other && userkey.equals(other.userkey);
    }

    @Override
    public int hashCode() {
        return userkey.hashCode();
    }

    @Override
    public String toString() {
        return userkey;
    }
}
