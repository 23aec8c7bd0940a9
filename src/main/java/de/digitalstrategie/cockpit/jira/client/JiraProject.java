package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A Jira project. */
public record JiraProject(String id, String key, String name) {

    static JiraProject from(JsonNode json) {
        return new JiraProject(json.path("id").asText(""), json.path("key").asText(""), json.path("name").asText(""));
    }
}
