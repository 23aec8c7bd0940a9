package de.digitalstrategie.cockpit.render;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import javax.inject.Inject;
import javax.inject.Named;

/** Links to Confluence pages by id, relative to the host's context path. */
@Named
public class PageLinks {
    private final ApplicationProperties application;

    @Inject
    public PageLinks(ApplicationProperties application) {
        this.application = application;
    }

    public String page(long pageId) {
        String base = application.getBaseUrl(UrlMode.RELATIVE);
        return (base == null ? "" : base.replaceAll("/+$", "")) + "/pages/viewpage.action?pageId=" + pageId;
    }
}
