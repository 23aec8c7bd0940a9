package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An issue as Jira returned it: only the fields that were asked for, as JSON, with typed readings
 * of the ones the cockpit needs.
 *
 * @param updated when it was last changed, or null if "updated" was not among the fields asked for
 * @param fields  by field id ("summary", "customfield_10042"); a field Jira sent as null is a JSON null node
 */
public record JiraIssue(String id, String key, Instant updated, Map<String, JsonNode> fields) {

    /**
     * Jira's own "2026-11-20T10:15:30.000+0100"; also tolerated: no or fewer fraction digits, an
     * offset with colon, and "Z", in case a proxy or a later version writes ISO-8601 proper.
     */
    private static final DateTimeFormatter JIRA_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    public JiraIssue {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    static JiraIssue from(JsonNode json) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.path("fields").properties()) {
            fields.put(field.getKey(), field.getValue());
        }
        JsonNode updated = fields.get("updated");
        return new JiraIssue(json.path("id").asText(""), json.path("key").asText(""),
                updated == null || updated.isNull() ? null : parseDateTime(updated.asText()), fields);
    }

    /** Reads one of Jira's date-times; throws {@link DateTimeParseException} for anything else. */
    public static Instant parseDateTime(String text) {
        return OffsetDateTime.parse(text.strip(), JIRA_DATE_TIME).toInstant();
    }

    /**
     * A field as plain text: a text or number as is, a select option by its value, a user, a status
     * or an issue type by its name; "" for a field that is missing, empty or of another shape.
     */
    public String text(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        for (String part : List.of("value", "name")) {
            if (value.path(part).isValueNode()) {
                return value.get(part).asText();
            }
        }
        return "";
    }

    public String issueTypeName() {
        return text("issuetype");
    }

    /** The project's key; from the issue key if the "project" field was not asked for. */
    public String projectKey() {
        JsonNode project = fields.get("project");
        String fromField = project == null ? "" : project.path("key").asText("");
        if (!fromField.isEmpty() || key.lastIndexOf('-') < 0) {
            return fromField;
        }
        return key.substring(0, key.lastIndexOf('-'));
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        JsonNode array = fields.get("labels");
        if (array != null) {
            array.forEach(label -> labels.add(label.asText()));
        }
        return List.copyOf(labels);
    }

    /** The keys of the issues this one is linked to, either way round, in Jira's order. */
    public List<String> linkedKeys() {
        List<String> keys = new ArrayList<>();
        JsonNode links = fields.get("issuelinks");
        if (links != null) {
            for (JsonNode link : links) {
                JsonNode other = link.has("outwardIssue") ? link.get("outwardIssue") : link.path("inwardIssue");
                if (other.hasNonNull("key")) {
                    keys.add(other.get("key").asText());
                }
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The keys of the issues this one waits for: links of Jira's type "Blocks" that read, from this
     * issue's side, "is blocked by" (Jira then names the other issue as the link's inward issue).
     */
    public List<String> blockedBy() {
        List<String> keys = new ArrayList<>();
        JsonNode links = fields.get("issuelinks");
        if (links != null) {
            for (JsonNode link : links) {
                JsonNode other = link.path("inwardIssue");
                if (BLOCKS.equalsIgnoreCase(link.path("type").path("name").asText()) && other.hasNonNull("key")) {
                    keys.add(other.get("key").asText());
                }
            }
        }
        return List.copyOf(keys);
    }

    /** Jira's built-in link type for one piece of work waiting for another. */
    public static final String BLOCKS = "Blocks";
}
