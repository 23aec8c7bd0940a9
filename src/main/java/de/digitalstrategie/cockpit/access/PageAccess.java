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
     * @return those of the given pages the user {@code userKey} may see now, whoever asks: what is
     *         served to a user who is not the one asking (a personal calendar feed read by a
     *         calendar client) must follow that user's rights as they are at this moment; nothing
     *         for a user that no longer exists or whose access was taken away
     */
    Set<Long> viewableBy(String userKey, Collection<Long> pageIds);

    /**
     * Whether {@code userKey} is a user who may use Confluence now: one that no longer exists or
     * was deactivated sees nothing, not even what lies on no page.
     */
    boolean isActive(String userKey);
}
