package de.digitalstrategie.cockpit.advisory.rest;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;

import java.time.LocalDate;
import java.util.List;

/** An advisory input and the city's answer, as the REST API shows it. */
public record AdvisoryJson(long id, String number, String title, String recommendation, String topic,
                           List<String> sectors, long meetingId, List<String> projects, LocalDate receivedOn,
                           String answerStatus, String answerStatusLabel, String answer, String answerOwner,
                           LocalDate answeredOn, LocalDate reportedToBoardOn, long daysUnanswered, long pageId,
                           String pageUrl, boolean withdrawn, boolean isPublic, String statusClaimedByPage) {

    static AdvisoryJson of(AdvisoryInput i, String label, LocalDate today, String pageUrl, String conflict) {
        return new AdvisoryJson(i.id(), i.number(), i.title(), i.recommendation(), i.topic(),
                i.sectors().stream().sorted().map(Enum::name).toList(), i.meetingId(), i.projectKeys(), i.receivedOn(),
                i.answer().status().name(), label, i.answer().text(), i.answer().owner(), i.answer().answeredOn(),
                i.answer().reportedToBoardOn(), i.daysUnanswered(today), i.page().pageId(), pageUrl, i.withdrawn(),
                i.isPublic(), conflict);
    }
}
