package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.register.PageRecord;

import java.time.LocalDate;
import java.util.List;

/**
 * A decision of the steering committee (Beschluss) as the register keeps it; what every record
 * from a minutes page has is described in {@link PageRecord}.
 *
 * @param vote         the vote, or null while none has been taken
 * @param agendaItemId the agenda item, 0 for none
 * @param owner        who carries it out (a person or a unit)
 * @param dueDate      by when, or null
 * @param successor    the number of the decision that superseded or revoked this one, or ""
 * @param implementation how far it has been carried out; it counts only while the decision is in force
 * @param jiraIssue    the key of the decision's Jira issue, whose status category the implementation
 *                     follows, or "" while it has none (then the responsible unit sets it)
 */
public record Decision(long id, String macroId, String number, String title, String text, DecisionStatus status,
                       Vote vote, long meetingId, long agendaItemId, List<String> projectKeys, String owner,
                       LocalDate dueDate, String successor, PageRef page, boolean withdrawn, boolean isPublic,
                       ImplementationState implementation, String jiraIssue)
        implements PageRecord<DecisionStatus> {

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
        implementation = implementation == null ? ImplementationState.OPEN : implementation;
        jiraIssue = jiraIssue == null ? "" : jiraIssue;
    }

    /** A decision as a minutes page describes it: not yet carried out, and in no Jira issue. */
    public Decision(long id, String macroId, String number, String title, String text, DecisionStatus status,
                    Vote vote, long meetingId, long agendaItemId, List<String> projectKeys, String owner,
                    LocalDate dueDate, String successor, PageRef page, boolean withdrawn, boolean isPublic) {
        this(id, macroId, number, title, text, status, vote, meetingId, agendaItemId, projectKeys, owner, dueDate,
                successor, page, withdrawn, isPublic, ImplementationState.OPEN, "");
    }

    /** The same decision naming another successor ("" for none). */
    public Decision withSuccessor(String newSuccessor) {
        return new Decision(id, macroId, number, title, text, status, vote, meetingId, agendaItemId, projectKeys,
                owner, dueDate, newSuccessor, page, withdrawn, isPublic, implementation, jiraIssue);
    }

    /**
     * Whether it carries an implementation state at all: only a decision in force is carried out
     * (one superseded or revoked is ended by its successor, the others were never taken).
     */
    public boolean implementable() {
        return status.inForce();
    }

    /** Still to be carried out and past its due date: computed, never recorded; a done one never is. */
    public boolean overdue(LocalDate today) {
        return status.inForce() && !withdrawn && implementation != ImplementationState.DONE && dueDate != null
                && dueDate.isBefore(today);
    }
}
