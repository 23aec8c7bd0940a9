package de.digitalstrategie.cockpit.jira.outbox;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.client.WikiText;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.store.RecordStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one kind of record looks as a Jira issue. The label {@link #label} carries the record's
 * identity into Jira: it is how a retry finds the issue an earlier attempt created. The description
 * is wiki markup in Jira, so what the minutes say goes there through {@link WikiText#literal}; the
 * summary is plain text in Jira and goes as it is. Every kind's issue is made the same way; only
 * its type, its links, its labels and the lines under its text differ.
 *
 * @param register    where the kind's records are kept
 * @param issueType   the issue type the plugin provisions for the kind
 * @param linkType    the link from a project to the kind's issue
 * @param bodyLabel   the label of the body that keeps the records
 * @param statusLabel the prefix of the label that names the record's status
 * @param text        the record's wording, first in the description
 * @param details     the lines under it (without the link to the minutes)
 */
record RecordIssues<R extends PageRecord<?>>(RecordStore<R, ?, ?, ?, ?, ?> register, String issueType,
                                             String linkType, String bodyLabel, String statusLabel,
                                             Function<R, String> text, Function<R, List<String>> details) {

    static RecordIssues<Decision> decisions(DecisionStore decisions) {
        return new RecordIssues<>(decisions, Provisioning.DECISION_TYPE, Provisioning.DECISION_LINK, "lenkungskreis",
                "status-", Decision::text, d -> {
            List<String> lines = new ArrayList<>(List.of("Status: " + d.status().name()));
            if (d.vote() != null) {
                lines.add("Abstimmung (Ja/Nein/Enthaltung): " + d.vote());
            }
            if (!d.owner().isEmpty()) {
                lines.add("Verantwortlich: " + d.owner());
            }
            if (d.dueDate() != null) {
                // In the text, not Jira's due date: that field is on the create screen only if an
                // administrator put it there, and Jira refuses the whole issue otherwise.
                lines.add("Frist: " + d.dueDate());
            }
            if (!d.successor().isEmpty()) {
                lines.add("Nachfolgender Beschluss: " + d.successor());
            }
            if (d.withdrawn()) {
                lines.add("Von der Protokollseite entfernt.");
            }
            return lines;
        });
    }

    static RecordIssues<AdvisoryInput> inputs(AdvisoryStore advisory) {
        return new RecordIssues<>(advisory, Provisioning.INPUT_TYPE, Provisioning.INPUT_LINK, "beirat", "antwort-",
                AdvisoryInput::recommendation, i -> {
            List<String> lines = new ArrayList<>(List.of("Thema: " + i.topic(),
                    "Sektoren: " + String.join(", ", i.sectors().stream().sorted().map(Enum::name).toList()),
                    "Antwort der Stadt: " + i.answer().status().name()
                            + (i.answer().text().isEmpty() ? "" : " – " + i.answer().text())));
            if (i.answer().reportedToBoardOn() != null) {
                lines.add("Dem Beirat berichtet am " + i.answer().reportedToBoardOn());
            }
            return lines;
        });
    }

    /**
     * The label that carries an outbox entry's secret reference ({@link OutboxEntity#getIssueRef}):
     * the only label a retry looks an issue up by.
     */
    static String refLabel(String ref) {
        return "cockpit-ref-" + ref;
    }

    static String label(RecordKind kind, long id) {
        return labelPrefix(kind) + id;
    }

    /** What every label {@link #label} makes for the kind starts with, before the record's id. */
    static String labelPrefix(RecordKind kind) {
        return "cockpit-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
    }

    Optional<R> find(long id) {
        return register.find(id);
    }

    /**
     * The issue's fields, in project {@code project}; {@code pageUrl} is the minutes page's, or
     * null; {@code ref} the outbox entry's secret reference, or null for an entry delivered before
     * references were made.
     */
    Map<String, Object> fields(R r, String project, String pageUrl, String ref) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", project));
        fields.put("issuetype", Map.of("name", issueType));
        String summary = r.number() + ": " + r.title();
        fields.put("summary", summary.length() <= 250 ? summary : summary.substring(0, 249) + "…");
        StringBuilder description = new StringBuilder(text.apply(r)).append("\n\n")
                .append(String.join("\n", details.apply(r)));
        if (pageUrl != null) {
            description.append("\nProtokoll: ").append(pageUrl);
        }
        fields.put("description", WikiText.literal(description.toString()));
        List<String> labels = new ArrayList<>(List.of(label(register.kind(), r.id()), bodyLabel,
                statusLabel + r.status().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (ref != null && !ref.isBlank()) {
            labels.add(refLabel(ref));
        }
        fields.put("labels", labels);
        return fields;
    }
}
