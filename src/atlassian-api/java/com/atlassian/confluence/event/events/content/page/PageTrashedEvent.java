package com.atlassian.confluence.event.events.content.page;

import com.atlassian.confluence.pages.Page;

/**
 * Stand-in for {@code com.atlassian.confluence.event.events.content.page.PageTrashedEvent} (Confluence
 * javadoc). The plugin only reads {@link #getPage()}; the constructor is the host's. Never packaged.
 */
public class PageTrashedEvent {
    private final Page page;

    public PageTrashedEvent(Object source, Page page) {
        this.page = page;
    }

    public Page getPage() {
        return page;
    }
}
