package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/** 400: Jira refused the input, e.g. a missing required field or a JQL it cannot read. */
public class JiraBadRequestException extends JiraException {
    public JiraBadRequestException(String request, List<String> errorMessages, Map<String, String> errors) {
        super(request, 400, errorMessages, errors,
                Message.of("cockpit.jira.error.bad-request", firstMessage(errorMessages, errors, request)));
    }
}
