package de.digitalstrategie.cockpit.jira.issue;

import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.util.Optional;

/** Links to issues in the Jira the plugin is connected to; none while no Jira is configured. */
public class JiraLinks {
    /** The global plugin setting holding Jira's base URL, e.g. https://jira.stadt.example. */
    public static final String BASE_URL = "de.digitalstrategie.cockpit.jira.baseUrl";
    private final PluginSettingsFactory settings;

    public JiraLinks(PluginSettingsFactory settings) {
        this.settings = settings;
    }

    public Optional<String> issueUrl(String issueKey) {
        Object base = settings.createGlobalSettings().get(BASE_URL);
        if (!(base instanceof String url) || url.isBlank() || !IssueKey.isValid(issueKey)) {
            return Optional.empty();
        }
        return Optional.of(url.replaceAll("/+$", "") + "/browse/" + issueKey);
    }
}
