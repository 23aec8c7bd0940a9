package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The Jira user behind the token.
 *
 * @param timeZone the zone Jira reads this user's JQL dates in ({@code updated >= "2026-11-20 10:15"});
 *                 the JVM's zone if Jira does not say
 */
public record JiraUser(String key, String name, String displayName, ZoneId timeZone) {

    static JiraUser from(JsonNode json) {
        return new JiraUser(json.path("key").asText(""), json.path("name").asText(""),
                json.path("displayName").asText(""), zone(json.path("timeZone").asText("")));
    }

    private static ZoneId zone(String id) {
        try {
            return id.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }
}
