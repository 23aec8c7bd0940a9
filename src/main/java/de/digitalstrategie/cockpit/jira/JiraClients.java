package de.digitalstrategie.cockpit.jira;

import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraConnection;

import java.util.function.Function;

/** Makes the client for a connection: what {@link JiraConnector} is given in the host (tests give their own). */
public final class JiraClients implements Function<JiraConnection, JiraClient> {
    @Override
    public JiraClient apply(JiraConnection connection) {
        return new JiraClient(connection);
    }
}
