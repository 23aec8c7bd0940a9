package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;

/**
 * A person's seat in a body.
 *
 * @param userKey        the Confluence user key
 * @param sector         the expert's sector; only advisory experts have one
 * @param departmentKey  the department a steering-committee member manages, or ""
 * @param publishConsent whether the member agreed to be named publicly (OParl Person/Membership)
 */
public record Member(String bodyKey, String userKey, String displayName, MemberRole role, Sector sector,
                     String departmentKey, boolean publishConsent) {
    public Member {
        bodyKey = Text.required(bodyKey, "cockpit.body.name", Text.LINE);
        userKey = Text.required(userKey, "cockpit.member.user", Text.LINE);
        displayName = Text.required(displayName, "cockpit.member.name", Text.LINE);
        Text.present(role, "cockpit.member.role");
        if (role == MemberRole.ADVISORY_EXPERT && sector == null) {
            throw ValidationException.of("cockpit.member.error.sector-required", displayName);
        }
        if (role != MemberRole.ADVISORY_EXPERT && sector != null) {
            throw ValidationException.of("cockpit.member.error.sector-only-experts", displayName);
        }
        departmentKey = Text.optional(departmentKey, "cockpit.project.department", Text.LINE);
    }

    /** Checks that the role fits the kind of body: experts advise, voting members decide. */
    public void checkFits(BodyKind kind) {
        boolean fits = switch (role) {
            case ADVISORY_EXPERT -> kind == BodyKind.ADVISORY_BOARD;
            case VOTING_MEMBER -> kind == BodyKind.STEERING_COMMITTEE;
            case CDO, SECRETARY -> true;
        };
        if (!fits) {
            throw ValidationException.of("cockpit.member.error.role-not-in-body", role.label(), kind.label());
        }
    }
}
