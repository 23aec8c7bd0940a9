package de.digitalstrategie.cockpit.jira.client;

import java.util.List;

/**
 * One page of a search as Jira answered it. {@code maxResults} is what Jira granted, which may be
 * less than was asked for (Jira caps it at jira.search.views.default.max, 1,000 by default).
 */
public record SearchPage(int startAt, int maxResults, int total, List<JiraIssue> issues) {

    public SearchPage {
        issues = List.copyOf(issues);
    }
}
