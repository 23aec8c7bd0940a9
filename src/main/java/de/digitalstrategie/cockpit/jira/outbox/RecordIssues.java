package de.digitalstrategie.cockpit.jira.outbox;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.jira.client.WikiText;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a decision or an advisory input looks as a Jira issue. The label {@link #label} carries
 * the record's identity into Jira: it is how a retry finds the issue an earlier attempt created.
 * The description is wiki markup in Jira, so what the minutes say goes there through
 * {@link WikiText#literal}; the summary is plain text in Jira and goes as it is.
 */
final class RecordIssues {
    private RecordIssues() {
    }

    static String label(RecordKind subject, long id) {
        return "cockpit-" + subject.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + id;
    }

    static Map<String, Object> decision(Decision d, String project, String pageUrl) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", project));
        fields.put("issuetype", Map.of("name", Provisioning.DECISION_TYPE));
        fields.put("summary", summary(d.number(), d.title()));
        StringBuilder text = new StringBuilder(d.text());
        text.append("\n\nStatus: ").append(d.status().name());
        if (d.vote() != null) {
            text.append("\nAbstimmung (Ja/Nein/Enthaltung): ").append(d.vote());
        }
        if (!d.owner().isEmpty()) {
            text.append("\nVerantwortlich: ").append(d.owner());
        }
        if (d.dueDate() != null) {
            // In the text, not Jira's due date: that field is on the create screen only if an
            // administrator put it there, and Jira refuses the whole issue otherwise.
            text.append("\nFrist: ").append(d.dueDate());
        }
        if (!d.successor().isEmpty()) {
            text.append("\nNachfolgender Beschluss: ").append(d.successor());
        }
        if (d.withdrawn()) {
            text.append("\nVon der Protokollseite entfernt.");
        }
        if (pageUrl != null) {
            text.append("\nProtokoll: ").append(pageUrl);
        }
        fields.put("description", WikiText.literal(text.toString()));
        fields.put("labels", List.of(label(RecordKind.DECISION, d.id()), "lenkungskreis",
                "status-" + d.status().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        return fields;
    }

    static Map<String, Object> input(AdvisoryInput i, String project, String pageUrl) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", project));
        fields.put("issuetype", Map.of("name", Provisioning.INPUT_TYPE));
        fields.put("summary", summary(i.number(), i.title()));
        StringBuilder text = new StringBuilder(i.recommendation());
        text.append("\n\nThema: ").append(i.topic());
        text.append("\nSektoren: ").append(String.join(", ", i.sectors().stream().sorted().map(Enum::name).toList()));
        text.append("\nAntwort der Stadt: ").append(i.answer().status().name());
        if (!i.answer().text().isEmpty()) {
            text.append(" – ").append(i.answer().text());
        }
        if (i.answer().reportedToBoardOn() != null) {
            text.append("\nDem Beirat berichtet am ").append(i.answer().reportedToBoardOn());
        }
        if (pageUrl != null) {
            text.append("\nProtokoll: ").append(pageUrl);
        }
        fields.put("description", WikiText.literal(text.toString()));
        fields.put("labels", List.of(label(RecordKind.ADVISORY_INPUT, i.id()), "beirat",
                "antwort-" + i.answer().status().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        return fields;
    }

    private static String summary(String number, String title) {
        String s = number + ": " + title;
        return s.length() <= 250 ? s : s.substring(0, 249) + "…";
    }
}
