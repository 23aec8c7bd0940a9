package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An issue type scheme: the issue types its projects offer. A project uses the default scheme
 * unless it is associated with another one.
 *
 * @param defaultIssueTypeId the type preselected when creating an issue, "" if none
 */
public record JiraIssueTypeScheme(String id, String name, String description, String defaultIssueTypeId,
                                  List<JiraIssueType> issueTypes) {

    public JiraIssueTypeScheme {
        issueTypes = List.copyOf(issueTypes);
    }

    static JiraIssueTypeScheme from(JsonNode json) {
        List<JiraIssueType> types = new ArrayList<>();
        json.path("issueTypes").forEach(t -> types.add(JiraIssueType.from(t)));
        return new JiraIssueTypeScheme(json.path("id").asText(""), json.path("name").asText(""),
                json.path("description").asText(""), json.path("defaultIssueType").path("id").asText(""), types);
    }
}
