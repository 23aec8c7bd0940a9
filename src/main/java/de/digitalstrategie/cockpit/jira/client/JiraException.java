package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira refused or could not answer a request. The exception's message names the request and Jira's
 * own error texts, for the log; {@link #userMessage()} says in the viewer's language what happened.
 * Neither ever contains the token.
 */
public class JiraException extends LocalisedException {
    private final String request;
    private final int status;
    private final List<String> errorMessages;
    private final Map<String, String> errors;

    /**
     * @param request       method and path, e.g. "GET /rest/api/2/issue/DIGI-1" (no query: JQL can be long)
     * @param status        the HTTP status; 0 when there was no HTTP answer or no HTTP error
     * @param errorMessages Jira's "errorMessages"
     * @param errors        Jira's "errors", by field
     */
    protected JiraException(String request, int status, List<String> errorMessages, Map<String, String> errors,
                            Message userMessage, String logMessage, Throwable cause) {
        super(userMessage, logMessage, cause);
        this.request = request;
        this.status = status;
        this.errorMessages = List.copyOf(errorMessages);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    protected JiraException(String request, int status, List<String> errorMessages, Map<String, String> errors,
                            Message userMessage) {
        this(request, status, errorMessages, errors, userMessage, describe(request, status, errorMessages, errors),
                null);
    }

    /** A status the client has no closer type for, e.g. a redirect to a login page or a 409. */
    public JiraException(String request, int status, List<String> errorMessages, Map<String, String> errors) {
        this(request, status, errorMessages, errors,
                Message.of("cockpit.jira.error.status", status, firstMessage(errorMessages, errors, request)));
    }

    /** The exception for an HTTP error answer; {@code retryAfter} (or null) only matters for 429. */
    static JiraException forStatus(String request, int status, List<String> errorMessages,
                                   Map<String, String> errors, Duration retryAfter) {
        return switch (status) {
            case 400 -> new JiraBadRequestException(request, errorMessages, errors);
            case 401 -> new JiraAuthenticationException(request, errorMessages, errors);
            case 403 -> new JiraPermissionException(request, errorMessages, errors);
            case 404 -> new JiraNotFoundException(request, errorMessages, errors);
            case 429 -> new JiraRateLimitedException(request, errorMessages, errors, retryAfter);
            default -> status >= 500 && status < 600
                    ? new JiraServerException(request, status, errorMessages, errors)
                    : new JiraException(request, status, errorMessages, errors);
        };
    }

    /** Method and path of the request that failed. */
    public String request() {
        return request;
    }

    public int status() {
        return status;
    }

    public List<String> errorMessages() {
        return errorMessages;
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Jira's first error text ("field: text" for a field error), or "" if it gave none. */
    public String firstMessage() {
        return firstMessage(errorMessages, errors, "");
    }

    static String firstMessage(List<String> errorMessages, Map<String, String> errors, String orElse) {
        if (!errorMessages.isEmpty()) {
            return errorMessages.get(0);
        }
        return errors.entrySet().stream().findFirst().map(e -> e.getKey() + ": " + e.getValue()).orElse(orElse);
    }

    private static String describe(String request, int status, List<String> errorMessages,
                                   Map<String, String> errors) {
        StringBuilder text = new StringBuilder(request).append(" answered ").append(status);
        if (errorMessages.isEmpty() && errors.isEmpty()) {
            return text.append(" without error details").toString();
        }
        text.append(": ").append(String.join(" ", errorMessages));
        errors.forEach((field, message) -> text.append(" [").append(field).append(": ").append(message).append(']'));
        return text.toString();
    }
}
