package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.message.Text;

import java.time.Instant;

/**
 * The staff unit's note that it has looked at one occurrence of a flag, with its comment: the flag
 * still shows, marked as acknowledged, until its condition ends; a new occurrence is not covered.
 *
 * @param actor the user key of who acknowledged it
 */
public record Acknowledgement(Rule rule, String issueKey, String occurrence, String comment, String actor,
                              Instant at) {
    public Acknowledgement {
        Text.present(rule, "cockpit.evidence.rule");
        occurrence = occurrence == null ? "" : occurrence;
        comment = Text.required(comment, "cockpit.evidence.comment", Text.LINE);
    }

    /** Whether it covers the flag: the same rule, project and occurrence. */
    public boolean covers(Flag flag) {
        return rule == flag.rule() && issueKey.equals(flag.issueKey()) && occurrence.equals(flag.occurrence());
    }
}
