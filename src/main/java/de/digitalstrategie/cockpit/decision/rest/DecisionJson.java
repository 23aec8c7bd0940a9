package de.digitalstrategie.cockpit.decision.rest;

import de.digitalstrategie.cockpit.register.rest.AuditJson;

import java.time.LocalDate;
import java.util.List;

/** A decision as the REST API shows it. */
public record DecisionJson(long id, String number, String title, String text, String status, String statusLabel,
                           VoteJson vote, long meetingId, LocalDate meetingDate, List<String> projects, String owner,
                           LocalDate due, String successor, List<String> replaces, long pageId, String pageUrl,
                           boolean withdrawn, boolean isPublic, String statusClaimedByPage,
                           ImplementationJson implementation) {

    /**
     * How far a decision in force has been carried out; null for a decision not in force.
     *
     * @param state     open, in-progress or done
     * @param jiraIssue the Jira issue whose status it follows, or null where the responsible unit sets it
     * @param overdue   not done and past its due date (computed for today)
     */
    public record ImplementationJson(String state, String label, String jiraIssue, boolean overdue) {
    }

    public record VoteJson(int inFavour, int against, int abstentions) {
    }

    /** A decision with everything that happened to it. */
    public record WithHistory(DecisionJson decision, List<AuditJson> history) {
    }
}
