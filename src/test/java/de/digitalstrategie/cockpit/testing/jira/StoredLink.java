package de.digitalstrategie.cockpit.testing.jira;

/** An issue link the {@link JiraDouble} holds, by the issues' current keys. */
public record StoredLink(String type, String inwardKey, String outwardKey) {
}
