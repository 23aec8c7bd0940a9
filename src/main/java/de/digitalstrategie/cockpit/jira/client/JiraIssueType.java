package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

/** An issue type as Jira lists it. */
public record JiraIssueType(String id, String name, String description, boolean subtask) {

    static JiraIssueType from(JsonNode json) {
        return new JiraIssueType(json.path("id").asText(""), json.path("name").asText(""),
                json.path("description").asText(""), json.path("subtask").asBoolean(false));
    }
}
