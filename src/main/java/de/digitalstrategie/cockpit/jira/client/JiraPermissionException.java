package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/** 403: the token is valid, but its user may not do this (creating metadata needs a Jira administrator). */
public class JiraPermissionException extends JiraException {
    public JiraPermissionException(String request, List<String> errorMessages, Map<String, String> errors) {
        super(request, 403, errorMessages, errors,
                Message.of("cockpit.jira.error.forbidden", firstMessage(errorMessages, errors, request)));
    }
}
