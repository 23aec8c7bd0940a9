package de.digitalstrategie.cockpit.minutes;

import de.digitalstrategie.cockpit.minutes.place.PageLocation;

import java.util.List;

/**
 * A Confluence page as the register reads it: its identity, version and storage format, where it
 * sits, and who saved this version.
 *
 * @param ancestorIds the pages above it, from the top of its space down
 * @param editorKey   the user key of whoever saved this version; "" when unknown or anonymous
 */
public record MinutesPage(long pageId, int version, String spaceKey, String title, String storageFormat,
                          List<Long> ancestorIds, String editorKey) {
    public MinutesPage {
        ancestorIds = List.copyOf(ancestorIds == null ? List.of() : ancestorIds);
        editorKey = editorKey == null ? "" : editorKey;
    }

    public PageRef ref() {
        return new PageRef(pageId, version, spaceKey, title);
    }

    public PageLocation location() {
        return new PageLocation(pageId, spaceKey, ancestorIds);
    }
}
