package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A digital project of the city's portfolio, identified by its Jira issue key. Money is in euro
 * cents, never floating point.
 *
 * @param departmentKey   the owning department ({@code Department.key})
 * @param fieldOfActionKey the field of action ({@code FieldOfAction.key})
 * @param updated         when the project last changed in Jira
 */
public record DigitalProject(String issueKey, String title, ProjectProfile profile, TimeFrame timeFrame,
                             long budgetCents, long fundingCents, ProjectStatus status, Phase phase,
                             Health health, String departmentKey, String fieldOfActionKey, Instant updated) {

    public DigitalProject {
        IssueKey.require(issueKey);
        title = Text.required(title, "cockpit.project.title", Text.LINE);
        profile = profile == null ? ProjectProfile.EMPTY : profile;
        timeFrame = timeFrame == null ? TimeFrame.OPEN : timeFrame;
        if (budgetCents < 0) {
            throw ValidationException.of("cockpit.project.error.negative-money", budgetCents);
        }
        if (fundingCents < 0) {
            throw ValidationException.of("cockpit.project.error.negative-money", fundingCents);
        }
        Text.present(status, "cockpit.project.status");
        Text.present(phase, "cockpit.project.phase");
        Text.present(health, "cockpit.project.health");
        departmentKey = Text.optional(departmentKey, "cockpit.project.department", Text.LINE);
        fieldOfActionKey = Text.optional(fieldOfActionKey, "cockpit.project.field", Text.LINE);
        updated = updated == null ? Instant.EPOCH : updated;
    }

    public boolean atRisk() {
        return health.atRisk();
    }

    /** Past its planned end while the work is still open. */
    public boolean overdue(LocalDate today) {
        return status.open() && timeFrame.endedBefore(today);
    }
}
