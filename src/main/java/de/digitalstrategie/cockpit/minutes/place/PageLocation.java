package de.digitalstrategie.cockpit.minutes.place;

import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.pages.Page;

import java.util.Arrays;
import java.util.List;

/**
 * Where a Confluence page sits: its space and the pages above it. Whether a decision or an input
 * on it is recorded depends on this alone ({@link MinutesPlaces}), never on who can edit it.
 *
 * @param pageId      the page, 0 for anything that is not a page
 * @param ancestorIds the pages above it, from the top of the space down
 */
public record PageLocation(long pageId, String spaceKey, List<Long> ancestorIds) {
    /** Not a page at all: a blog post, a comment, a template, or no content. */
    public static final PageLocation NOWHERE = new PageLocation(0, "", List.of());

    public PageLocation {
        spaceKey = spaceKey == null ? "" : spaceKey;
        ancestorIds = List.copyOf(ancestorIds == null ? List.of() : ancestorIds);
    }

    /**
     * The location of the content a macro renders on or a page event names. Only pages: the page
     * listener hears page events alone, so a macro on anything else could never be recorded.
     */
    public static PageLocation of(ContentEntityObject content) {
        if (!(content instanceof Page page) || page.getId() <= 0) {
            return NOWHERE;
        }
        List<Page> ancestors = page.getAncestors();
        return new PageLocation(page.getId(), page.getSpaceKey(),
                ancestors == null ? List.of() : ancestors.stream().map(Page::getId).toList());
    }

    public boolean isPage() {
        return pageId > 0;
    }

    /** The ancestors as the pending-pages table keeps them: ids separated by commas. */
    public String ancestorsText() {
        return String.join(",", ancestorIds.stream().map(String::valueOf).toList());
    }

    /** Reads {@link #ancestorsText()} back; a row written before the column existed reads as none. */
    public static List<Long> ancestors(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> s.matches("[0-9]{1,19}"))
                .map(Long::parseLong).toList();
    }
}
