package de.digitalstrategie.cockpit.jira.client;

/** What Jira answers when it has created an issue. */
public record CreatedIssue(String id, String key) {
}
