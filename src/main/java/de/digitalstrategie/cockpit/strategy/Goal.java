package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.register.PageRecord;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A strategic goal (Ziel) of a field of action, as the register keeps it from its strategy page;
 * what every page-recorded record has is described in {@link PageRecord}. A goal belongs to no
 * meeting: it is recorded from a page in the strategy places, not from minutes.
 *
 * @param number        the goal's number, e.g. {@code ZIEL-MOB-1}
 * @param fieldOfAction the key of its field of action (e.g. "3.1")
 * @param description   what the goal says, the macro's body
 * @param reason        why it was achieved or dropped (or ""): the last reason its workflow was given
 * @param projectKeys   the Jira keys of the projects that serve it
 * @param decisions     the numbers of the steering committee's decisions that serve it
 */
public record Goal(long id, String macroId, String number, String title, String fieldOfAction, String description,
                   GoalStatus status, String reason, List<String> projectKeys, List<String> decisions, PageRef page,
                   boolean withdrawn, boolean isPublic) implements PageRecord<GoalStatus> {
    /** Capitals, digits and hyphens, at least two parts: {@code ZIEL-MOB-1}. */
    public static final Pattern NUMBER = Pattern.compile("[A-Z][A-Z0-9]{0,19}(-[A-Z0-9]{1,19})+");
    /** As long as a decision's number may be. */
    public static final int NUMBER_LENGTH = 40;

    public Goal {
        macroId = Text.optional(macroId, "cockpit.goal.macro-id", 64);
        number = checkNumber(number);
        title = Text.required(title, "cockpit.goal.title", Text.LINE);
        fieldOfAction = Text.required(fieldOfAction, "cockpit.goal.field", 20);
        description = Text.optional(description, "cockpit.goal.description", Text.LONG);
        Text.present(status, "cockpit.goal.status");
        reason = Text.optional(reason, "cockpit.goal.reason", Text.LONG);
        projectKeys = List.copyOf(projectKeys == null ? List.of() : projectKeys);
        projectKeys.forEach(IssueKey::require);
        decisions = List.copyOf(decisions == null ? List.of() : decisions.stream().distinct().toList());
        decisions.forEach(d -> Text.required(d, "cockpit.goal.decisions", NUMBER_LENGTH));
        if (decisions.stream().anyMatch(d -> d.contains(","))) {
            throw ValidationException.of("cockpit.goal.error.decision-number", String.join(", ", decisions));
        }
        page = page == null ? PageRef.NONE : page;
    }

    /** A goal is minuted at no meeting. */
    @Override
    public long meetingId() {
        return 0;
    }

    /** The same goal in another status, with the reason that stands with it. */
    public Goal withStatus(GoalStatus newStatus, String newReason) {
        return new Goal(id, macroId, number, title, fieldOfAction, description, newStatus, newReason, projectKeys,
                decisions, page, withdrawn, isPublic);
    }

    /** @return the number, if it is one; refuses anything else in the user's words */
    public static String checkNumber(String number) {
        String n = Text.required(number, "cockpit.goal.number", NUMBER_LENGTH);
        if (!NUMBER.matcher(n).matches()) {
            throw ValidationException.of("cockpit.goal.error.number", n);
        }
        return n;
    }
}
