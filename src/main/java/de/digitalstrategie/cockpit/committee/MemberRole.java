package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Labelled;

/**
 * What a member does in a body. The CDO moderates the steering committee and answers the advisory
 * board; the secretary keeps the minutes; voting members are department managers; advisory
 * experts sit on the advisory board for one sector.
 */
public enum MemberRole implements Labelled {
    CDO, SECRETARY, VOTING_MEMBER, ADVISORY_EXPERT;

    /** Whether this role may record decisions and change their status. */
    public boolean recordsDecisions() {
        return this == CDO || this == SECRETARY;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.member.role";
    }
}
