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

    /**
     * @return those of the given pages an anonymous visitor may see, whoever asks: what is
     *         published to the public (OParl) must not depend on who happens to be signed in
     */
    Set<Long> publiclyViewable(Collection<Long> pageIds);

    /**
     * @return those of the given pages the user of this key may see, whoever asks (a background
     *         job writing to that user); none for a user the host does not know
     */
    Set<Long> viewableBy(String userKey, Collection<Long> pageIds);
}
