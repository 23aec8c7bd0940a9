package de.digitalstrategie.cockpit.minutes;

import de.digitalstrategie.cockpit.message.Text;

/**
 * The Confluence page (and the version of it) a decision or advisory input was recorded on. The
 * register links back to it and checks the viewer's permission on it.
 */
public record PageRef(long pageId, int version, String spaceKey, String title) {
    public static final PageRef NONE = new PageRef(0, 0, "", "");

    public PageRef {
        spaceKey = Text.optional(spaceKey, "cockpit.page.space", Text.LINE);
        title = Text.optional(title, "cockpit.page.title", Text.LINE);
    }

    public boolean exists() {
        return pageId > 0;
    }
}
