package de.digitalstrategie.cockpit.jira;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.portfolio.JiraLinks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the Jira connection in the host's plugin settings. The token is written when given and
 * kept when an administrator saves the page without retyping it; it is never handed back whole.
 */
public class JiraSettingsStore {
    private static final String PREFIX = "de.digitalstrategie.cockpit.jira.";
    private final PluginSettingsFactory factory;

    public JiraSettingsStore(PluginSettingsFactory factory) {
        this.factory = factory;
    }

    public JiraSettings load() {
        PluginSettings s = factory.createGlobalSettings();
        String base = string(s, JiraLinks.BASE_URL);
        Map<ProfileField, String> ids = new EnumMap<>(ProfileField.class);
        for (ProfileField f : ProfileField.values()) {
            String id = string(s, PREFIX + "field." + f.name().toLowerCase(Locale.ROOT));
            if (!id.isEmpty()) {
                ids.put(f, id);
            }
        }
        String jql = string(s, PREFIX + "projectJql");
        String target = string(s, PREFIX + "targetProject");
        return new JiraSettings(base.isEmpty() ? null : URI.create(base), string(s, PREFIX + "token"),
                jql.isEmpty() ? JiraSettings.DEFAULT_JQL : jql, target.isEmpty() ? "DIGI" : target, ids);
    }

    /**
     * Saves what an administrator entered; a blank token keeps the stored one.
     *
     * @throws ValidationException for a base URL that is not http(s) or a project key Jira would refuse
     */
    public JiraSettings save(String baseUrl, String token, String projectJql, String targetProject) {
        URI base = parseBaseUrl(baseUrl);
        if (targetProject == null || !targetProject.strip().matches("[A-Z][A-Z0-9_]{1,29}")) {
            throw ValidationException.of("cockpit.jira.settings.error.project", String.valueOf(targetProject));
        }
        if (projectJql == null || projectJql.isBlank() || projectJql.length() > 2000) {
            throw ValidationException.of("cockpit.jira.settings.error.jql");
        }
        PluginSettings s = factory.createGlobalSettings();
        s.put(JiraLinks.BASE_URL, base.toString());
        if (token != null && !token.isBlank()) {
            s.put(PREFIX + "token", token.strip());
        }
        s.put(PREFIX + "projectJql", projectJql.strip());
        s.put(PREFIX + "targetProject", targetProject.strip());
        return load();
    }

    public void saveFieldIds(Map<ProfileField, String> ids) {
        PluginSettings s = factory.createGlobalSettings();
        ids.forEach((f, id) -> s.put(PREFIX + "field." + f.name().toLowerCase(Locale.ROOT), id));
    }

    static URI parseBaseUrl(String value) {
        try {
            URI uri = new URI(value == null ? "" : value.strip().replaceAll("/+$", ""));
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw ValidationException.of("cockpit.jira.settings.error.url", String.valueOf(value));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ValidationException.of("cockpit.jira.settings.error.url", String.valueOf(value));
        }
    }

    private static String string(PluginSettings s, String key) {
        Object v = s.get(key);
        return v instanceof String str ? str : "";
    }
}
