package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/** 5xx even after the retries: Jira (or a proxy in front of it) fails. */
public class JiraServerException extends JiraException {
    public JiraServerException(String request, int status, List<String> errorMessages, Map<String, String> errors) {
        super(request, status, errorMessages, errors, Message.of("cockpit.jira.error.server", status));
    }
}
