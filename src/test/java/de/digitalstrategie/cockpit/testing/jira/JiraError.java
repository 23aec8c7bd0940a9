package de.digitalstrategie.cockpit.testing.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** An error answer in Jira's shape: {"errorMessages": [...], "errors": {field: text}}. */
final class JiraError extends RuntimeException {
    final int status;
    final ObjectNode body;

    private JiraError(int status, ObjectNode body) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
    }

    static ObjectNode body(Map<String, String> errors, String... messages) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var array = body.putArray("errorMessages");
        for (String message : messages) {
            array.add(message);
        }
        ObjectNode fields = body.putObject("errors");
        errors.forEach(fields::put);
        return body;
    }

    static JiraError messages(int status, String... messages) {
        return new JiraError(status, body(Map.of(), messages));
    }

    static JiraError fields(int status, Map<String, String> errors) {
        return new JiraError(status, body(errors));
    }
}
