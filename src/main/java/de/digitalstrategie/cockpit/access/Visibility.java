package de.digitalstrategie.cockpit.access;

import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.UnavailableException;

import java.time.Duration;
import java.util.Set;

/**
 * What the viewer sees of the mirrored Jira projects: {@code projects}, the Jira projects he may
 * browse, and {@code unchecked}, how many more Jira has not answered for him yet (or not for too
 * long). Those stay hidden until it does, so while {@code unchecked > 0} every list and sum over
 * the portfolio is short by their issues: pages say so, and what leaves the page as a file is
 * refused rather than handed out incomplete ({@link #completeProjects()}).
 */
public record Visibility(Set<String> projects, int unchecked) {
    /** Nothing to see, and nothing missing: anonymous visitors, an empty mirror. */
    public static final Visibility NONE = new Visibility(Set.of(), 0);
    /**
     * When to ask again. The view that found answers missing asked for a run at once on its node,
     * which usually has them within seconds.
     */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public Visibility {
        projects = Set.copyOf(projects);
        if (unchecked < 0) {
            throw new IllegalArgumentException("unchecked < 0: " + unchecked);
        }
    }

    /** Every project the viewer may see is in {@link #projects()}. */
    public boolean complete() {
        return unchecked == 0;
    }

    /**
     * The projects, for an answer that must be whole (an export file, which travels on without any
     * notice): refused, to be asked again shortly, while Jira's answers are missing.
     */
    public Set<String> completeProjects() {
        if (!complete()) {
            throw UnavailableException.of(RETRY_AFTER, "cockpit.access.unchecked.refused", unchecked);
        }
        return projects;
    }

    /**
     * Why the project {@code key}, asked for by its issue key, is not shown: unknown, or, while
     * answers are missing, not known yet. Both read the same for a key that does not exist, so
     * neither tells whether a project is there.
     */
    public LocalisedException notShown(String key) {
        return complete() ? NotFoundException.of("cockpit.project.error.unknown", key)
                : UnavailableException.of(RETRY_AFTER, "cockpit.access.unchecked.project", key);
    }
}
