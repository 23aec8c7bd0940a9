package de.digitalstrategie.cockpit.render;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

/** Links to Confluence pages by id: relative within pages, absolute for Jira issues that point back. */
public class PageLinks implements java.util.function.LongFunction<String> {
    private final ApplicationProperties application;

    public PageLinks(ApplicationProperties application) {
        this.application = application;
    }

    /** The page's absolute address, for links from outside Confluence. */
    @Override
    public String apply(long pageId) {
        String base = application.getBaseUrl(UrlMode.ABSOLUTE);
        return (base == null ? "" : base.replaceAll("/+$", "")) + "/pages/viewpage.action?pageId=" + pageId;
    }

    public String page(long pageId) {
        String base = application.getBaseUrl(UrlMode.RELATIVE);
        return (base == null ? "" : base.replaceAll("/+$", "")) + "/pages/viewpage.action?pageId=" + pageId;
    }
}
