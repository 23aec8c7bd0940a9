package de.digitalstrategie.cockpit.minutes;

/**
 * A Confluence page as the register reads it: its identity, version and storage format.
 */
public record MinutesPage(long pageId, int version, String spaceKey, String title, String storageFormat) {
    public PageRef ref() {
        return new PageRef(pageId, version, spaceKey, title);
    }
}
