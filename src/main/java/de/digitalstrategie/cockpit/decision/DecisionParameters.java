package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.Text;
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

    /** The parameter naming the advisory input a decision takes up. */
    public static final String INPUTS = "inputs";

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

    /**
     * The numbers of the advisory input the decision takes up ({@code inputs}, comma-separated),
     * each checked as an input's number is; kept beside the decision, not in it (see
     * {@code register.store.RecordLinks}).
     */
    public static List<String> inputs(MacroParameters p) {
        return p.list(INPUTS).stream().distinct().map(n -> Text.required(n, "cockpit.decision.inputs", 40)).toList();
    }

    /** The decision as the register records it from a page. */
    public Decision toDecision(String macroId, String text, long meetingId, PageRef page) {
        return new Decision(0, macroId, number, title, text, status, vote, meetingId, 0, projectKeys, owner, dueDate,
                successor, page, false, isPublic);
    }
}
