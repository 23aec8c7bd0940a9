package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.confluence.security.Permission;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.user.ConfluenceUser;

/**
 * Confluence's page permissions, as far as the sandbox has them: a page in the trash is seen by
 * nobody; a restricted page only by the users it is restricted to; other pages by everyone.
 */
public final class SandboxPermissions implements PermissionManager {
    @Override
    public boolean hasPermission(ConfluenceUser user, Permission permission, Object target) {
        if (permission != Permission.VIEW || !(target instanceof SandboxPage page)) {
            return false;
        }
        if (page.trashed()) {
            return false;
        }
        return page.restrictedTo().isEmpty() || (user != null && page.restrictedTo().contains(user.getName()));
    }
}
