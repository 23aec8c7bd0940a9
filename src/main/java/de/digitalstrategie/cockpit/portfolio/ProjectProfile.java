package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.Text;

/**
 * The free-text part of the project profile (Projektsteckbrief) the city publishes: description,
 * goals, participants, responsible persons or units, risks, and where the funding comes from.
 */
public record ProjectProfile(String description, String goals, String participants, String owners,
                             String risks, String fundingSource) {
    public static final ProjectProfile EMPTY = new ProjectProfile("", "", "", "", "", "");

    public ProjectProfile {
        description = Text.optional(description, "cockpit.project.description", Text.LONG);
        goals = Text.optional(goals, "cockpit.project.goals", Text.LONG);
        participants = Text.optional(participants, "cockpit.project.participants", Text.LONG);
        owners = Text.optional(owners, "cockpit.project.owners", Text.LINE);
        risks = Text.optional(risks, "cockpit.project.risks", Text.LONG);
        fundingSource = Text.optional(fundingSource, "cockpit.project.funding-source", Text.LONG);
    }
}
