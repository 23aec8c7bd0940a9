package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change of a decision's implementation state as its audit trail keeps it: the decision's status
 * stays as it was (from and to are the same), the comment names both states, and the actor is who
 * set it, or for the Jira sync {@link #JIRA_SOURCE} and the issue ("jira:DIGI-12"). Written and
 * read here only, so whoever reads the history (a meeting's preparation, a reminder) reads it the
 * same way.
 *
 * @param note the reason the user gave, or ""
 */
public record ImplementationChange(ImplementationState from, ImplementationState to, String note) {
    /** How the audit trail names the Jira sync as the source of a change. */
    public static final String JIRA_SOURCE = "jira:";
    private static final String PREFIX = "implementation ";
    private static final Pattern COMMENT = Pattern.compile(PREFIX + "([A-Z_]+) -> ([A-Z_]+)(?:: (.*))?",
            Pattern.DOTALL);

    public ImplementationChange {
        note = note == null ? "" : note;
    }

    /** The audit trail's comment. */
    public String comment() {
        return PREFIX + from.name() + " -> " + to.name() + (note.isEmpty() ? "" : ": " + note);
    }

    /** The actor the audit trail names for a change the Jira sync read from an issue. */
    public static String jira(String issueKey) {
        return JIRA_SOURCE + issueKey;
    }

    /** Whether the entry's actor is the Jira sync. */
    public static boolean fromJira(AuditEntry entry) {
        return entry.actor().startsWith(JIRA_SOURCE);
    }

    /** The implementation change an audit entry records, if it records one. */
    public static Optional<ImplementationChange> of(AuditEntry entry) {
        Matcher m = COMMENT.matcher(entry.comment());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ImplementationChange(ImplementationState.valueOf(m.group(1)),
                    ImplementationState.valueOf(m.group(2)), m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * When a decision was done, read from its history in order: the last change to done. A decision
     * taken back to in progress and done again was done the second time.
     */
    public static Optional<Instant> doneAt(List<AuditEntry> history) {
        Instant done = null;
        for (AuditEntry entry : history) {
            Optional<ImplementationChange> change = of(entry);
            if (change.isPresent() && change.get().to() == ImplementationState.DONE) {
                done = entry.at();
            }
        }
        return Optional.ofNullable(done);
    }
}
