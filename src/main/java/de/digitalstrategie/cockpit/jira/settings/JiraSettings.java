package de.digitalstrategie.cockpit.jira.settings;

import java.net.URI;
import java.util.Map;

/**
 * How the plugin reaches Jira: base URL, Personal Access Token, the JQL that selects the
 * portfolio's projects, the Jira project decisions and input go to, and the ids of the project
 * profile's custom fields. {@link #toString()} never shows the token.
 */
public record JiraSettings(URI baseUrl, String token, String projectJql, String targetProject,
                           Map<ProfileField, String> fieldIds) {
    public static final String DEFAULT_JQL = "project = DIGI AND issuetype = \"Digitalprojekt\"";

    public JiraSettings {
        fieldIds = Map.copyOf(fieldIds);
    }

    public static JiraSettings unconfigured() {
        return new JiraSettings(null, "", DEFAULT_JQL, "DIGI", Map.of());
    }

    public boolean configured() {
        return baseUrl != null && token != null && !token.isBlank();
    }

    /** The token as an administrator may see it again: its last four characters at most. */
    public String maskedToken() {
        if (token == null || token.isEmpty()) {
            return "";
        }
        return token.length() < 12 ? "****" : "****" + token.substring(token.length() - 4);
    }

    public JiraSettings withFieldIds(Map<ProfileField, String> ids) {
        return new JiraSettings(baseUrl, token, projectJql, targetProject, ids);
    }

    @Override
    public String toString() {
        return "JiraSettings[baseUrl=" + baseUrl + ", token=" + maskedToken() + ", projectJql=" + projectJql
                + ", targetProject=" + targetProject + ", fieldIds=" + fieldIds + "]";
    }
}
