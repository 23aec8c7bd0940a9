package de.digitalstrategie.cockpit.access;

/**
 * Which Jira projects' issues the user of the current request may see in the portfolio, and
 * whether that is all of them yet. The portfolio, the profiles and every sum are limited to these.
 */
public interface ProjectAccess {
    Visibility visibility();
}
