package de.digitalstrategie.cockpit.meeting;

import de.digitalstrategie.cockpit.access.Visibility;

import java.util.Set;

/**
 * What the viewer may see, asked once per preparation: the minutes pages (records on any other
 * page are neither shown nor counted) and the projects.
 */
public record Sight(Set<Long> pages, Visibility projects) {
    public Sight {
        pages = Set.copyOf(pages);
    }
}
