package de.digitalstrategie.cockpit.jira.settings;

import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the Jira connection in the host's plugin settings. The token is written when given and
 * kept when an administrator saves the page without retyping it; it is never handed back whole.
 * A token belongs to the Jira it was issued by: when the address changes, a token must come with
 * it, so the stored one is never sent to another server (a mistyped or a hostile address alike).
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
     * Saves what an administrator entered; a blank token keeps the stored one, as long as the
     * address stays the same. A new address drops the custom field ids found in the old Jira.
     *
     * @throws ValidationException for a base URL that is not http(s), a project key Jira would
     *                             refuse, or a new address without a token; nothing is saved then
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
        boolean newToken = token != null && !token.isBlank();
        String stored = string(s, JiraLinks.BASE_URL);
        boolean moved = !stored.isEmpty() && !sameServer(stored, base);
        if (moved && !newToken && !string(s, PREFIX + "token").isEmpty()) {
            throw ValidationException.of("cockpit.jira.settings.error.token-for-new-url", base.toString());
        }
        if (moved) {
            for (ProfileField f : ProfileField.values()) {
                s.remove(PREFIX + "field." + f.name().toLowerCase(Locale.ROOT));
            }
        }
        s.put(JiraLinks.BASE_URL, base.toString());
        if (newToken) {
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

    /**
     * Whether two addresses name the same Jira: scheme and host compared as URIs do (case does not
     * matter there), the port with its default filled in, the path exactly (a context path is part
     * of where Jira lives), trailing slashes ignored.
     */
    static boolean sameServer(String stored, URI entered) {
        URI old;
        try {
            old = parseBaseUrl(stored);
        } catch (ValidationException e) {
            return false;
        }
        return old.getScheme().equalsIgnoreCase(entered.getScheme()) && old.getHost().equalsIgnoreCase(entered.getHost())
                && port(old) == port(entered) && old.getRawPath().equals(entered.getRawPath());
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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
