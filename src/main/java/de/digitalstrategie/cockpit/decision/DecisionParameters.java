package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.register.RecordParameters;

import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of the {@code committee-decision} macro (see {@link RecordParameters}).
 */
public record DecisionParameters(String number, String title, DecisionStatus status, Vote vote,
                                 List<String> projectKeys, String owner, LocalDate dueDate, String successor,
                                 LocalDate date, boolean isPublic) implements RecordParameters<DecisionStatus> {

    public static DecisionParameters read(MacroParameters p) {
        return new DecisionParameters(
                p.required("number"),
                p.required("title"),
                p.choice("status", DecisionStatus.class).orElse(DecisionStatus.PROPOSED),
                p.text("vote").map(Vote::parse).orElse(null),
                p.issueKeys("projects"),
                p.text("owner", ""),
                p.date("due").orElse(null),
                p.text("successor", ""),
                p.date("date").orElse(null),
                p.flag("public", true));
    }

    /** The decision as the register records it from a page. */
    public Decision toDecision(String macroId, String text, long meetingId, PageRef page) {
        return new Decision(0, macroId, number, title, text, status, vote, meetingId, 0, projectKeys, owner, dueDate,
                successor, page, false, isPublic);
    }
}
