package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/** 404: no such issue or project, or one the token's user may not see (Jira does not tell which). */
public class JiraNotFoundException extends JiraException {
    public JiraNotFoundException(String request, List<String> errorMessages, Map<String, String> errors) {
        super(request, 404, errorMessages, errors,
                Message.of("cockpit.jira.error.not-found", firstMessage(errorMessages, errors, request)));
    }
}
