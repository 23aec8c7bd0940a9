package de.digitalstrategie.cockpit.jira;

import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraConnection;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraPermissionException;
import de.digitalstrategie.cockpit.jira.client.JiraIssueType;
import de.digitalstrategie.cockpit.jira.client.JiraUser;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.message.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plugin's way to Jira: a client for the configured connection, and the connection test that
 * tells an administrator exactly what is wrong.
 */
public final class JiraConnector {
    private final JiraSettingsStore settings;
    private final Function<JiraConnection, JiraClient> clients;

    public JiraConnector(JiraSettingsStore settings, Function<JiraConnection, JiraClient> clients) {
        this.settings = settings;
        this.clients = clients;
    }

    public JiraSettings settings() {
        return settings.load();
    }

    /** A client for the configured Jira, or empty while none is configured. */
    public Optional<JiraClient> client() {
        JiraSettings s = settings.load();
        return s.configured() ? Optional.of(clients.apply(JiraConnection.of(s.baseUrl(), s.token()))) : Optional.empty();
    }

    /** A client for questions asked during a page view: no retries, short timeouts. */
    public Optional<JiraClient> clientWhilePersonWaits() {
        JiraSettings s = settings.load();
        return s.configured()
                ? Optional.of(clients.apply(JiraConnection.of(s.baseUrl(), s.token()).whilePersonWaits()))
                : Optional.empty();
    }

    public ConnectionCheck test() {
        JiraSettings s = settings.load();
        if (!s.configured()) {
            return new ConnectionCheck(false, List.of(Message.of("cockpit.jira.not-configured")));
        }
        JiraClient jira = clients.apply(JiraConnection.of(s.baseUrl(), s.token()));
        List<Message> findings = new ArrayList<>();
        try {
            JiraUser me = jira.myself();
            findings.add(Message.of("cockpit.jira.check.user", me.displayName()));
            List<JiraIssueType> types = jira.issueTypes();
            for (String wanted : List.of(Provisioning.PROJECT_TYPE, Provisioning.DECISION_TYPE, Provisioning.INPUT_TYPE)) {
                if (types.stream().noneMatch(t -> t.name().equalsIgnoreCase(wanted))) {
                    findings.add(Message.of("cockpit.jira.check.missing-type", wanted));
                }
            }
            jira.project(s.targetProject());
            // A type Jira has is of no use in a project whose issue type scheme lacks it: Jira
            // refuses the issue there. Named here, project by project, before a delivery fails.
            for (Map.Entry<String, List<String>> needed : Provisioning.neededTypes(s).entrySet()) {
                List<JiraIssueType> offered = jira.creatableIssueTypes(needed.getKey());
                for (String wanted : needed.getValue()) {
                    if (types.stream().anyMatch(t -> t.name().equalsIgnoreCase(wanted))
                            && offered.stream().noneMatch(t -> t.name().equalsIgnoreCase(wanted))) {
                        findings.add(Message.of("cockpit.jira.check.type-not-in-project", needed.getKey(), wanted));
                    }
                }
            }
            try {
                // The portfolio shows each viewer the projects Jira lets him browse, asked this way.
                jira.mayBrowse(me.name(), s.targetProject());
            } catch (JiraPermissionException e) {
                findings.add(Message.of("cockpit.jira.check.no-permission-search", me.displayName()));
            }
            jira.search(s.projectJql(), 0, 0, List.of("key"));
        } catch (JiraException e) {
            findings.add(e.userMessage());
            return new ConnectionCheck(false, findings);
        }
        boolean ok = findings.size() == 1;
        if (ok) {
            findings.add(Message.of("cockpit.jira.check.ok"));
        }
        return new ConnectionCheck(ok, findings);
    }
}
