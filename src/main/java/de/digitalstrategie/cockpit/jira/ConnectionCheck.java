package de.digitalstrategie.cockpit.jira;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;

/** The answer to "test connection": whether the plugin can work with this Jira, and what is wrong if not. */
public record ConnectionCheck(boolean ok, List<Message> findings) {
    public ConnectionCheck {
        findings = List.copyOf(findings);
    }
}
