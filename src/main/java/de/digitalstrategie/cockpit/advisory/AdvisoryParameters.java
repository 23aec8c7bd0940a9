package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.register.RecordParameters;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of the {@code advisory-input} macro (see {@link RecordParameters}); the status is
 * the one the page claims for the city's answer.
 */
public record AdvisoryParameters(String number, String title, String topic, Set<Sector> sectors,
                                 List<String> projectKeys, LocalDate receivedOn, AnswerStatus status,
                                 String answer, LocalDate reportedOn, boolean isPublic)
        implements RecordParameters<AnswerStatus> {

    public static AdvisoryParameters read(MacroParameters p) {
        List<Sector> sectors = p.choices("sectors", Sector.class);
        if (sectors.isEmpty()) {
            throw ValidationException.of("cockpit.macro.error.missing", "sectors");
        }
        return new AdvisoryParameters(
                p.required("number"),
                p.required("title"),
                p.text("topic", ""),
                EnumSet.copyOf(sectors),
                p.issueKeys("projects"),
                p.date("received").orElse(null),
                p.choice("answer-status", AnswerStatus.class).orElse(AnswerStatus.RECEIVED),
                p.text("answer", ""),
                p.date("reported").orElse(null),
                p.flag("public", true));
    }

    /**
     * The input as a page records it, with the answer the page claims (the day it was reported to
     * the board only once there is an answer to report); without a date, received on the day of
     * the meeting.
     */
    public AdvisoryInput toInput(String macroId, String recommendation, long meetingId, LocalDate meetingDate,
                                 PageRef page) {
        return new AdvisoryInput(0, macroId, number, title, recommendation, topic, sectors, meetingId, projectKeys,
                receivedOn != null ? receivedOn : meetingDate, new CityAnswer(status, answer, "", null,
                status.answered() ? reportedOn : null), page, false, isPublic);
    }
}
