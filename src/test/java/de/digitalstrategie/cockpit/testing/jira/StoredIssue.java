package de.digitalstrategie.cockpit.testing.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An issue the {@link JiraDouble} holds (a snapshot; changes replace it).
 *
 * @param fields the fields that are set as values (summary, description, labels, custom fields);
 *               project, issue type, dates and links are kept in their own components
 */
public record StoredIssue(long id, String key, String project, String issueType, Instant created, Instant updated,
                          Map<String, JsonNode> fields) {

    /**
     * Jira's key order: by project, then by number (DIGI-2 before DIGI-10). Within a project a
     * shorter key has the smaller number (numbers have no leading zeros), and keys of one length
     * compare as their numbers do: no key is parsed while a search sorts thousands of issues.
     */
    public static final Comparator<StoredIssue> BY_KEY = Comparator.comparing(StoredIssue::project)
            .thenComparingInt(issue -> issue.key().length()).thenComparing(StoredIssue::key);

    public StoredIssue {
        fields = Map.copyOf(fields);
    }

    public long number() {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }

    /** A field as text, "" if not set. */
    public String text(String field) {
        JsonNode value = fields.get(field);
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        JsonNode array = fields.get("labels");
        if (array != null) {
            array.forEach(label -> labels.add(label.asText()));
        }
        return labels;
    }

    StoredIssue with(String newKey, String newProject, String newIssueType, Instant newUpdated,
                     Map<String, JsonNode> newFields) {
        return new StoredIssue(id, newKey, newProject, newIssueType, created, newUpdated, newFields);
    }
}
