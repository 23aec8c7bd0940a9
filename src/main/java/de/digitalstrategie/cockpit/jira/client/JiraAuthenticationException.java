package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/** 401: Jira does not accept the token (wrong, expired or revoked). */
public class JiraAuthenticationException extends JiraException {
    public JiraAuthenticationException(String request, List<String> errorMessages, Map<String, String> errors) {
        super(request, 401, errorMessages, errors, Message.of("cockpit.jira.error.unauthorized"));
    }
}
