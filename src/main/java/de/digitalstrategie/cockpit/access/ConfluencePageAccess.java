package de.digitalstrategie.cockpit.access;

import com.atlassian.confluence.pages.AbstractPage;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.confluence.security.Permission;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserKey;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Page access as Confluence decides it: the VIEW permission of the request's user (anonymous when
 * none) on each page, space permissions and page restrictions included. One check per distinct
 * minutes page, not per record.
 */
public class ConfluencePageAccess implements PageAccess {
    private final PageManager pages;
    private final PermissionManager permissions;
    private final UserAccessor users;

    public ConfluencePageAccess(PageManager pages, PermissionManager permissions, UserAccessor users) {
        this.pages = pages;
        this.permissions = permissions;
        this.users = users;
    }

    @Override
    public Set<Long> viewable(Collection<Long> pageIds) {
        return viewableByUser(AuthenticatedUserThreadLocal.get(), pageIds);
    }

    /**
     * Confluence's answer for the anonymous user (null): no page restriction, and a space that
     * grants anonymous users VIEW. A site without anonymous access therefore publishes nothing.
     */
    @Override
    public Set<Long> publiclyViewable(Collection<Long> pageIds) {
        return viewableByUser(null, pageIds);
    }

    /** An unknown key is no user at all, not the anonymous one: it sees nothing, public pages neither. */
    @Override
    public Set<Long> viewableBy(String userKey, Collection<Long> pageIds) {
        ConfluenceUser user = userKey == null ? null : users.getUserByKey(new UserKey(userKey));
        return user == null ? Set.of() : viewableByUser(user, pageIds);
    }

    private Set<Long> viewableByUser(ConfluenceUser viewer, Collection<Long> pageIds) {
        Set<Long> viewable = new HashSet<>();
        for (Long id : new HashSet<>(pageIds)) {
            AbstractPage page = pages.getAbstractPage(id);
            if (page != null && permissions.hasPermission(viewer, Permission.VIEW, page)) {
                viewable.add(id);
            }
        }
        return viewable;
    }
}
