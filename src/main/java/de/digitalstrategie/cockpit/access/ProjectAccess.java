package de.digitalstrategie.cockpit.access;

import java.util.Set;

/**
 * Which Jira projects' issues the user of the current request may see in the portfolio. The
 * portfolio, the profiles and every sum are limited to these.
 */
public interface ProjectAccess {
    Set<String> visibleJiraProjects();
}
