package de.digitalstrategie.cockpit.portfolio.history;

import java.time.Instant;

/**
 * One change of one field of a project, as its history keeps it: what it was and what it became
 * (null for none: before a project's first mirroring, an open end of its time frame), when the
 * cockpit wrote it, and where it came from.
 *
 * @param id    the history row's id: ascending in the order the changes were written
 * @param issueId Jira's numeric id of the issue where the mirror knew it when the change was
 *                written (it follows the project across a move to another key); null where not
 * @param actor the user key of who edited it; null for a change Jira reported
 */
public record ProjectChange(long id, String issueKey, String issueId, Instant at, ChangeSource source, String actor,
                            ChangeField field, String before, String after) {
}
