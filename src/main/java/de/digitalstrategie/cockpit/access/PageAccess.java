package de.digitalstrategie.cockpit.access;

import java.util.Collection;
import java.util.Set;

/**
 * Which pages the user of the current request may view. Every register read goes through it, so
 * a record from a page hidden from the viewer is neither shown nor counted.
 */
public interface PageAccess {
    /** @return those of the given pages the current viewer may see */
    Set<Long> viewable(Collection<Long> pageIds);
}
