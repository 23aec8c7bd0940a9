package de.digitalstrategie.cockpit.decision.rest;

import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.decision.Decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A decision as the REST API shows it. */
public record DecisionJson(long id, String number, String title, String text, String status, String statusLabel,
                           VoteJson vote, long meetingId, LocalDate meetingDate, List<String> projects, String owner,
                           LocalDate due, String successor, List<String> replaces, long pageId, String pageUrl,
                           boolean withdrawn, boolean isPublic, String statusClaimedByPage) {

    public record VoteJson(int inFavour, int against, int abstentions) {
    }

    /** One step of a decision's audit trail. */
    public record AuditJson(String actor, Instant at, String from, String to, String comment) {
        static AuditJson of(AuditEntry e) {
            return new AuditJson(e.actor(), e.at(), e.from(), e.to(), e.comment());
        }
    }

    /** A decision with everything that happened to it. */
    public record WithHistory(DecisionJson decision, List<AuditJson> history) {
    }

    static DecisionJson of(Decision d, String statusLabel, LocalDate meetingDate, List<String> replaces,
                           String pageUrl, String conflict) {
        return new DecisionJson(d.id(), d.number(), d.title(), d.text(), d.status().name(), statusLabel,
                d.vote() == null ? null : new VoteJson(d.vote().inFavour(), d.vote().against(), d.vote().abstentions()),
                d.meetingId(), meetingDate, d.projectKeys(), d.owner(), d.dueDate(), d.successor(), replaces,
                d.page().pageId(), pageUrl, d.withdrawn(), d.isPublic(), conflict);
    }
}
