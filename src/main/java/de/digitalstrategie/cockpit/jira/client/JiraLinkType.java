package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

/** An issue link type; {@code inward} and {@code outward} are its two readings ("is blocked by", "blocks"). */
public record JiraLinkType(String id, String name, String inward, String outward) {

    static JiraLinkType from(JsonNode json) {
        return new JiraLinkType(json.path("id").asText(""), json.path("name").asText(""),
                json.path("inward").asText(""), json.path("outward").asText(""));
    }
}
