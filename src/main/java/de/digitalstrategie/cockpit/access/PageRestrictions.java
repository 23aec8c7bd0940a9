package de.digitalstrategie.cockpit.access;

import com.atlassian.confluence.core.ContentPermissionManager;
import com.atlassian.confluence.pages.AbstractPage;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.confluence.security.ContentPermission;

import java.util.function.LongPredicate;

/**
 * Whether a page is read by only some of those who may read its space: it carries view
 * restrictions of its own or inherits them from a page above it. What lies on such a page must not
 * travel to a place that shows it to everyone there (a Jira project), whoever asks.
 */
public class PageRestrictions implements LongPredicate {
    private final PageManager pages;
    private final ContentPermissionManager contentPermissions;

    public PageRestrictions(PageManager pages, ContentPermissionManager contentPermissions) {
        this.pages = pages;
        this.contentPermissions = contentPermissions;
    }

    /** A page Confluence no longer knows (deleted for good) restricts nothing any more. */
    public boolean restricted(long pageId) {
        AbstractPage page = pages.getAbstractPage(pageId);
        return page != null && contentPermissions.getContentPermissionSets(page, ContentPermission.VIEW_PERMISSION)
                .stream().anyMatch(set -> !set.isEmpty());
    }

    /** As {@link #restricted}: for those who ask by page id only, outside the access package. */
    @Override
    public boolean test(long pageId) {
        return restricted(pageId);
    }
}
