package de.digitalstrategie.cockpit.jira.sync;

import com.fasterxml.jackson.databind.JsonNode;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a project profile off a Jira issue: system fields (summary, description, assignee,
 * status category) and the profile's custom fields, whose values may be written as the cockpit's
 * keys or as the names people type (German or English).
 */
public final class ProjectMapping {
    private static final Map<String, Phase> PHASES = Map.of("idee", Phase.IDEA, "planung", Phase.PLANNING,
            "umsetzung", Phase.IMPLEMENTATION, "betrieb", Phase.OPERATION, "abgeschlossen", Phase.COMPLETED);
    private static final Map<String, Health> HEALTH = Map.of("grün", Health.GREEN, "gruen", Health.GREEN,
            "gelb", Health.AMBER, "rot", Health.RED);

    private final Map<ProfileField, String> ids;
    private final Map<String, String> departments = new HashMap<>();
    private final Map<String, String> fieldsOfAction = new HashMap<>();

    public ProjectMapping(JiraSettings settings, List<Department> departmentList, List<FieldOfAction> fieldList) {
        this.ids = settings.fieldIds();
        for (Department d : departmentList) {
            departments.put(d.key(), d.key());
            departments.put(d.name().toLowerCase(Locale.GERMAN), d.key());
        }
        for (FieldOfAction f : fieldList) {
            fieldsOfAction.put(f.key(), f.key());
            fieldsOfAction.put(f.nameDe().toLowerCase(Locale.GERMAN), f.key());
            fieldsOfAction.put(f.nameEn().toLowerCase(Locale.GERMAN), f.key());
        }
    }

    /** The Jira fields a sync asks for. */
    public List<String> jiraFields() {
        List<String> fields = new ArrayList<>(List.of("summary", "description", "assignee", "status", "updated",
                "issuelinks"));
        fields.addAll(ids.values());
        return fields;
    }

    /**
     * @throws de.digitalstrategie.cockpit.message.ValidationException if the issue's values break
     *                                                                  the profile's rules
     */
    public DigitalProject project(JiraIssue issue) {
        String summary = text(issue.fields().get("summary"));
        ProjectStatus status = status(issue.fields().get("status"));
        Phase phase = phase(custom(issue, ProfileField.PHASE), status);
        return new DigitalProject(issue.key(), summary.isBlank() ? issue.key() : summary,
                new ProjectProfile(text(issue.fields().get("description")), custom(issue, ProfileField.GOALS),
                        custom(issue, ProfileField.PARTICIPANTS), assignee(issue.fields().get("assignee")),
                        custom(issue, ProfileField.RISKS), custom(issue, ProfileField.FUNDING_SOURCE)),
                new TimeFrame(date(custom(issue, ProfileField.START)), date(custom(issue, ProfileField.END))),
                cents(customNode(issue, ProfileField.BUDGET)), cents(customNode(issue, ProfileField.FUNDING)),
                status, phase, health(custom(issue, ProfileField.HEALTH)),
                departments.getOrDefault(lower(custom(issue, ProfileField.DEPARTMENT)),
                        custom(issue, ProfileField.DEPARTMENT)),
                fieldsOfAction.getOrDefault(lower(custom(issue, ProfileField.FIELD_OF_ACTION)),
                        custom(issue, ProfileField.FIELD_OF_ACTION)),
                issue.updated());
    }

    private String custom(JiraIssue issue, ProfileField field) {
        return text(customNode(issue, field));
    }

    private JsonNode customNode(JiraIssue issue, ProfileField field) {
        String id = ids.get(field);
        return id == null ? null : issue.fields().get(id);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isObject()) {
            // Select lists and users arrive as objects.
            for (String name : List.of("value", "name", "displayName")) {
                if (node.hasNonNull(name)) {
                    return node.get(name).asText();
                }
            }
            return "";
        }
        return node.asText();
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.GERMAN);
    }

    private static String assignee(JsonNode node) {
        return node == null || node.isNull() ? "" : text(node.get("displayName"));
    }

    /** Jira's status category is the one thing every workflow has: to do, in progress, done. */
    private static ProjectStatus status(JsonNode node) {
        String category = node == null ? "" : text(node.path("statusCategory").get("key"));
        return switch (category) {
            case "done" -> ProjectStatus.FINISHED;
            case "indeterminate" -> ProjectStatus.RUNNING;
            default -> ProjectStatus.PLANNED;
        };
    }

    private static Phase phase(String value, ProjectStatus status) {
        String v = lower(value);
        if (v.isEmpty()) {
            return status == ProjectStatus.FINISHED ? Phase.COMPLETED
                    : status == ProjectStatus.RUNNING ? Phase.IMPLEMENTATION : Phase.PLANNING;
        }
        Phase german = PHASES.get(v);
        if (german != null) {
            return german;
        }
        try {
            return Phase.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return Phase.IMPLEMENTATION;
        }
    }

    private static Health health(String value) {
        String v = lower(value);
        Health german = HEALTH.get(v);
        if (german != null) {
            return german;
        }
        try {
            return v.isEmpty() ? Health.GREEN : Health.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Health.GREEN;
        }
    }

    private static LocalDate date(String value) {
        return value.isBlank() ? null : LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
    }

    /** Euros as Jira's number field holds them, to cents without floating-point rounding. */
    private static long cents(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return 0;
        }
        return new BigDecimal(node.asText()).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
