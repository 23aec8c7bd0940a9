package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision of the steering committee (Beschluss) as the register keeps it.
 *
 * @param id           the store's id; 0 before it is stored
 * @param macroId      the id of the decision macro on the minutes page; the record's identity there
 * @param number       the committee's number, e.g. "LK-2026-07"
 * @param vote         the vote, or null while none has been taken
 * @param meetingId    the meeting, 0 for none
 * @param agendaItemId the agenda item, 0 for none
 * @param projectKeys  the Jira keys of the projects it concerns
 * @param owner        who carries it out (a person or a unit)
 * @param dueDate      by when, or null
 * @param successor    the number of the decision that superseded or revoked this one, or ""
 * @param withdrawn    its macro was removed from the page (records are never deleted)
 */
public record Decision(long id, String macroId, String number, String title, String text, DecisionStatus status,
                       Vote vote, long meetingId, long agendaItemId, List<String> projectKeys, String owner,
                       LocalDate dueDate, String successor, PageRef page, boolean withdrawn, boolean isPublic) {

    public Decision {
        macroId = Text.optional(macroId, "cockpit.decision.macro-id", 64);
        number = Text.required(number, "cockpit.decision.number", 40);
        title = Text.required(title, "cockpit.decision.title", Text.LINE);
        text = Text.optional(text, "cockpit.decision.text", Text.LONG);
        Text.present(status, "cockpit.decision.status");
        projectKeys = List.copyOf(projectKeys == null ? List.of() : projectKeys);
        projectKeys.forEach(IssueKey::require);
        owner = Text.optional(owner, "cockpit.decision.owner", Text.LINE);
        successor = Text.optional(successor, "cockpit.decision.successor", 40);
        page = page == null ? PageRef.NONE : page;
    }

    public Decision withId(long newId) {
        return new Decision(newId, macroId, number, title, text, status, vote, meetingId, agendaItemId, projectKeys,
                owner, dueDate, successor, page, withdrawn, isPublic);
    }

    /** The same decision naming another successor ("" for none). */
    public Decision withSuccessor(String newSuccessor) {
        return new Decision(id, macroId, number, title, text, status, vote, meetingId, agendaItemId, projectKeys,
                owner, dueDate, newSuccessor, page, withdrawn, isPublic);
    }

    /** Still to be carried out and past its due date. */
    public boolean overdue(LocalDate today) {
        return status.inForce() && !withdrawn && dueDate != null && dueDate.isBefore(today);
    }
}
