package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Input of the advisory board (Beiratsempfehlung) and the city's answer to it.
 *
 * @param number      the board's number, e.g. "BR-2026-04"
 * @param sectors     the sectors of the experts who gave it; at least one
 * @param topic       the topic or future theme (Zukunftsthema)
 * @param receivedOn  when the board gave it
 * @param withdrawn   its macro was removed from the minutes page
 */
public record AdvisoryInput(long id, String macroId, String number, String title, String recommendation,
                            String topic, Set<Sector> sectors, long meetingId, List<String> projectKeys,
                            LocalDate receivedOn, CityAnswer answer, PageRef page, boolean withdrawn,
                            boolean isPublic) {

    public AdvisoryInput {
        macroId = Text.optional(macroId, "cockpit.decision.macro-id", 64);
        number = Text.required(number, "cockpit.advisory.number", 40);
        title = Text.required(title, "cockpit.advisory.title", Text.LINE);
        recommendation = Text.optional(recommendation, "cockpit.advisory.recommendation", Text.LONG);
        topic = Text.optional(topic, "cockpit.advisory.topic", Text.LINE);
        if (sectors == null || sectors.isEmpty()) {
            throw ValidationException.of("cockpit.advisory.error.sector-required", number);
        }
        sectors = Set.copyOf(EnumSet.copyOf(sectors));
        projectKeys = List.copyOf(projectKeys == null ? List.of() : projectKeys);
        projectKeys.forEach(IssueKey::require);
        Text.present(receivedOn, "cockpit.advisory.received");
        answer = answer == null ? CityAnswer.RECEIVED : answer;
        page = page == null ? PageRef.NONE : page;
    }

    public AdvisoryInput withId(long newId) {
        return new AdvisoryInput(newId, macroId, number, title, recommendation, topic, sectors, meetingId,
                projectKeys, receivedOn, answer, page, withdrawn, isPublic);
    }

    public AdvisoryInput withAnswer(CityAnswer newAnswer) {
        return new AdvisoryInput(id, macroId, number, title, recommendation, topic, sectors, meetingId,
                projectKeys, receivedOn, newAnswer, page, withdrawn, isPublic);
    }

    /** Days the input has waited for the city's position; 0 once answered. */
    public long daysUnanswered(LocalDate today) {
        return answer.status().answered() ? 0 : Math.max(0, ChronoUnit.DAYS.between(receivedOn, today));
    }
}
