package de.digitalstrategie.cockpit.meeting;

import de.digitalstrategie.cockpit.committee.BodyKind;

import java.util.List;

/**
 * One kind of news for a meeting, read from one register or history. Every item comes from a page
 * or a project in the viewer's {@link Sight}; nothing else is read, shown or counted.
 */
public interface PreparationSection {
    /** The section's key: its id on the page and the i18n key of its heading (see {@link Section}). */
    String key();

    /** Whether the section concerns a body of this kind. */
    default boolean appliesTo(BodyKind kind) {
        return true;
    }

    /** The items, in the order the section shows them. */
    List<Item> items(Span span, Sight sight);
}
