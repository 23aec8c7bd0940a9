package de.digitalstrategie.cockpit.access;

import com.atlassian.confluence.pages.AbstractPage;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.confluence.security.Permission;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserKey;
import de.digitalstrategie.cockpit.query.ViewablePages;

import java.util.Collection;
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

    /** Confluence's answer for the user, looked up now; nothing for a user who is not {@link #isActive}. */
    @Override
    public Set<Long> viewableBy(String userKey, Collection<Long> pageIds) {
        ConfluenceUser user = active(userKey);
        return user == null ? Set.of() : viewableByUser(user, pageIds);
    }

    /**
     * A deactivated user counts as gone: Confluence keeps the account for the content's sake, not
     * its access.
     */
    @Override
    public boolean isActive(String userKey) {
        return active(userKey) != null;
    }

    private ConfluenceUser active(String userKey) {
        ConfluenceUser user = userKey == null || userKey.isEmpty() ? null : users.getUserByKey(new UserKey(userKey));
        return user == null || users.isDeactivated(user) ? null : user;
    }

    /** Also says which pages were hidden, so a register read can name the fewer of the two in SQL. */
    private Set<Long> viewableByUser(ConfluenceUser viewer, Collection<Long> pageIds) {
        return ViewablePages.of(pageIds, id -> {
            AbstractPage page = pages.getAbstractPage(id);
            return page != null && permissions.hasPermission(viewer, Permission.VIEW, page);
        });
    }
}
