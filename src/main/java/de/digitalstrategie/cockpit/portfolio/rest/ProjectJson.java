package de.digitalstrategie.cockpit.portfolio.rest;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;

import java.time.LocalDate;

/** A project with its full profile, as the REST API shows it. */
public record ProjectJson(String key, String title, String description, String goals, String participants,
                          String owners, String risks, String fundingSource, LocalDate start, LocalDate end,
                          long budgetCents, long fundingCents, String status, String phase, String health,
                          String department, String fieldOfAction, boolean atRisk, boolean overdue, String jiraUrl) {

    static ProjectJson of(DigitalProject p, LocalDate today, String jiraUrl) {
        return new ProjectJson(p.issueKey(), p.title(), p.profile().description(), p.profile().goals(),
                p.profile().participants(), p.profile().owners(), p.profile().risks(), p.profile().fundingSource(),
                p.timeFrame().start(), p.timeFrame().end(), p.budgetCents(), p.fundingCents(), p.status().name(),
                p.phase().name(), p.health().name(), p.departmentKey(), p.fieldOfActionKey(), p.atRisk(),
                p.overdue(today), jiraUrl);
    }
}
