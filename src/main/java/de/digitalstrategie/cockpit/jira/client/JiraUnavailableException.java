package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/**
 * No answer from Jira even after the retries: connection refused, a timeout, a dropped connection,
 * or the waiting thread was interrupted. Status 0: there was no HTTP status.
 */
public class JiraUnavailableException extends JiraException {
    public JiraUnavailableException(String request, String baseUrl, int attempts, Throwable cause) {
        super(request, 0, List.of(), Map.of(), Message.of("cockpit.jira.error.unreachable", baseUrl),
                request + ": no answer from Jira at " + baseUrl + " after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + cause, cause);
    }
}
