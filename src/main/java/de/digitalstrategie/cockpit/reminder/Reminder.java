package de.digitalstrategie.cockpit.reminder;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;

import java.util.List;

/**
 * One person's message of a day: everything they are reminded of, each record on a page they may
 * view.
 *
 * @param decisions  decisions they answer for, due within the set days or overdue, soonest first
 * @param unowned    decisions whose owner names no one (only the staff unit's people get these)
 * @param unanswered advisory input waiting longer than the set days (the staff unit's), oldest first
 */
public record Reminder(String userKey, List<Decision> decisions, List<Decision> unowned,
                       List<AdvisoryInput> unanswered) {
    public Reminder {
        decisions = List.copyOf(decisions);
        unowned = List.copyOf(unowned);
        unanswered = List.copyOf(unanswered);
    }

    public int items() {
        return decisions.size() + unowned.size() + unanswered.size();
    }
}
