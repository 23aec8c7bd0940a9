package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field as Jira lists it.
 *
 * @param id         "summary" for a system field, "customfield_10042" for a custom one
 * @param schemaType the JSON type of its values ("string", "number", "array", "option", …), "" if Jira gives none
 */
public record JiraField(String id, String name, boolean custom, String schemaType) {

    static JiraField from(JsonNode json) {
        return new JiraField(json.path("id").asText(""), json.path("name").asText(""),
                json.path("custom").asBoolean(false), json.path("schema").path("type").asText(""));
    }
}
