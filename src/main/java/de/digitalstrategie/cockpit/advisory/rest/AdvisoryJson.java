package de.digitalstrategie.cockpit.advisory.rest;

import de.digitalstrategie.cockpit.register.rest.AuditJson;

import java.time.LocalDate;
import java.util.List;

/** An advisory input and the city's answer, as the REST API shows it. */
public record AdvisoryJson(long id, String number, String title, String recommendation, String topic,
                           List<String> sectors, long meetingId, List<String> projects, LocalDate receivedOn,
                           String answerStatus, String answerStatusLabel, String answer, String answerOwner,
                           LocalDate answeredOn, LocalDate reportedToBoardOn, long daysUnanswered, long pageId,
                           String pageUrl, boolean withdrawn, boolean isPublic, String statusClaimedByPage) {

    /** An input with everything that happened to it. */
    public record WithHistory(AdvisoryJson input, List<AuditJson> history) {
    }
}
