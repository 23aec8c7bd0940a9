package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.core.ContentPermissionManager;
import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.security.ContentPermission;
import com.atlassian.confluence.security.ContentPermissionSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Confluence's page restrictions, as far as the sandbox has them: the view restrictions of a page
 * and of the pages above it, one set each, as Confluence lists its own and inherited ones. Any
 * other type of restriction the sandbox lacks.
 */
public final class SandboxContentPermissions implements ContentPermissionManager {
    @Override
    public List<ContentPermissionSet> getContentPermissionSets(ContentEntityObject ceo, String type) {
        if (!ContentPermission.VIEW_PERMISSION.equals(type) || !(ceo instanceof SandboxPage page)) {
            return List.of();
        }
        List<ContentPermissionSet> sets = new ArrayList<>();
        List<Page> chain = new ArrayList<>(page.getAncestors());
        chain.add(page);
        for (Page p : chain) {
            if (p instanceof SandboxPage restricted && !restricted.restrictedTo().isEmpty()) {
                sets.add(new ContentPermissionSet(type, p) {
                    @Override
                    public boolean isEmpty() {
                        return false;
                    }
                });
            }
        }
        return sets;
    }
}
