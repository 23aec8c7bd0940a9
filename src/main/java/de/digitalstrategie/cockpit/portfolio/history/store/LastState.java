package de.digitalstrategie.cockpit.portfolio.history.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A removed project's last state as its removal row keeps it ({@link ProjectChangeEntity#getLastState()}):
 * a JSON object of texts, the history's fields in their canonical spelling ({@link ChangeField})
 * under their names, so it reads the same whatever the language or a later version of the record.
 */
final class LastState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private LastState() {
    }

    static String write(DigitalProject p) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("issueKey", p.issueKey());
        state.put("title", p.title());
        state.put("description", p.profile().description());
        state.put("goals", p.profile().goals());
        state.put("participants", p.profile().participants());
        state.put("owners", p.profile().owners());
        state.put("risks", p.profile().risks());
        state.put("fundingSource", p.profile().fundingSource());
        state.put("department", p.departmentKey());
        state.put("fieldOfAction", p.fieldOfActionKey());
        state.put("updated", p.updated().toString());
        for (ChangeField field : ChangeField.values()) {
            if (field.mirrored()) {
                state.put(field.name(), field.of(p));
            }
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a project's last state", e);
        }
    }

    static DigitalProject read(String text) {
        Map<String, String> s;
        try {
            s = JSON.readValue(text, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a project's last state", e);
        }
        return new DigitalProject(s.get("issueKey"), s.get("title"),
                new ProjectProfile(s.get("description"), s.get("goals"), s.get("participants"), s.get("owners"),
                        s.get("risks"), s.get("fundingSource")),
                new TimeFrame(day(s.get(ChangeField.START.name())), day(s.get(ChangeField.END.name()))),
                Long.parseLong(s.get(ChangeField.BUDGET.name())), Long.parseLong(s.get(ChangeField.FUNDING.name())),
                ProjectStatus.valueOf(s.get(ChangeField.STATUS.name())), Phase.valueOf(s.get(ChangeField.PHASE.name())),
                Health.valueOf(s.get(ChangeField.HEALTH.name())), s.get("department"), s.get("fieldOfAction"),
                Instant.parse(s.get("updated")));
    }

    private static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
