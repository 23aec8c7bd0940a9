package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's {@link UserManager}: the demo users, and the one the current request acts as
 * (chosen per request by the sandbox, never by plugin code).
 */
public final class DemoUserManager implements UserManager, UserAccessor {

    /** A demo user; {@code groups} as in Confluence ("confluence-administrators", ...). */
    public record DemoUser(String key, String fullName, Set<String> groups) implements UserProfile, ConfluenceUser {
        @Override
        public UserKey getKey() {
            return new UserKey(key);
        }

        @Override
        public String getName() {
            return key;
        }

        @Override
        public UserKey getUserKey() {
            return new UserKey(key);
        }

        @Override
        public String getUsername() {
            return key;
        }

        @Override
        public String getFullName() {
            return fullName;
        }

        /** A demo address that can never reach anyone (RFC 2606's reserved {@code .invalid}). */
        @Override
        public String getEmail() {
            return key + "@worms-demo.invalid";
        }
    }

    public static final String ADMINS = "confluence-administrators";
    private final Map<String, DemoUser> users = new LinkedHashMap<>();
    private final ThreadLocal<DemoUser> current = new ThreadLocal<>();

    public DemoUserManager(List<DemoUser> demoUsers) {
        demoUsers.forEach(u -> users.put(u.key(), u));
    }

    public List<DemoUser> users() {
        return List.copyOf(users.values());
    }

    public Optional<DemoUser> user(String key) {
        return Optional.ofNullable(users.get(key));
    }

    /** Acts as the given user (null: anonymous) for the rest of this thread's request. */
    public void actAs(DemoUser user) {
        if (user == null) {
            current.remove();
        } else {
            current.set(user);
        }
        // Confluence binds the same user for its own services (permissions).
        AuthenticatedUserThreadLocal.set(user);
    }

    @Override
    public UserProfile getRemoteUser() {
        return current.get();
    }

    @Override
    public UserKey getRemoteUserKey() {
        DemoUser user = current.get();
        return user == null ? null : user.getUserKey();
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return userKey == null ? null : users.get(userKey.getStringValue());
    }

    /** Demo users' user names are their keys. */
    @Override
    public UserProfile getUserProfile(String username) {
        return username == null ? null : users.get(username);
    }

    @Override
    public ConfluenceUser getUserByKey(UserKey key) {
        return key == null ? null : users.get(key.getStringValue());
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        return isUserInGroup(userKey, ADMINS);
    }

    @Override
    public boolean isSystemAdmin(UserKey userKey) {
        return isAdmin(userKey);
    }

    @Override
    public boolean isUserInGroup(UserKey userKey, String group) {
        DemoUser user = userKey == null ? null : users.get(userKey.getStringValue());
        return user != null && user.groups().contains(group);
    }
}
