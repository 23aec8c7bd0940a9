package de.digitalstrategie.cockpit.access;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.message.AccessDeniedException;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may change what, from the seats users hold in the bodies: the steering committee's
 * secretary and its CDO record and change decisions; the CDO and the advisory board's secretary
 * (the staff unit that answers the board) change the city's answers; the staff unit, which owns
 * the portfolio (its head, the CDO, and its secretary, in either body), publishes project profiles.
 *
 * <p>How far a decision has been carried out is set by the unit responsible for it, where no Jira
 * issue says so: the unit its owner names is an organisational unit of the city, and the unit is
 * represented by the steering-committee member whose seat says they manage it (a voting member's
 * seat carries the unit). The owner must name the unit exactly, by its name or key, ignoring case:
 * a right must not hang on a guess from free text. The committee's CDO and secretary, the staff
 * unit that keeps the register and follows up its decisions, may set it for every decision.
 */
public class Roles {
    /** The staff unit's seats in the bodies. */
    private static final List<MemberRole> STAFF_ROLES = List.of(MemberRole.CDO, MemberRole.SECRETARY);
    private final UserManager users;
    private final CommitteeStore committee;
    private final OrganisationStore organisation;

    public Roles(UserManager users, CommitteeStore committee, OrganisationStore organisation) {
        this.users = users;
        this.committee = committee;
        this.organisation = organisation;
    }

    /** The signed-in user's key; refuses anonymous callers. */
    public String actor() {
        UserKey key = users.getRemoteUserKey();
        if (key == null) {
            throw AccessDeniedException.of("cockpit.access.error.sign-in");
        }
        return key.getStringValue();
    }

    public boolean mayChangeDecisions(String userKey) {
        return mayChange(BodyKind.STEERING_COMMITTEE, userKey);
    }

    public boolean mayAnswerAdvisory(String userKey) {
        return mayChange(BodyKind.ADVISORY_BOARD, userKey);
    }

    /** Whether the user may change the status of what the body minutes: its CDO and its secretary. */
    public boolean mayChange(BodyKind body, String userKey) {
        return holds(userKey, body, List.of(MemberRole.CDO, MemberRole.SECRETARY));
    }

    /** The staff unit for digitalisation: the CDO and the secretary, whichever body they sit in. */
    public boolean mayPublishProjects(String userKey) {
        return holds(userKey, BodyKind.STEERING_COMMITTEE, STAFF_ROLES)
                || holds(userKey, BodyKind.ADVISORY_BOARD, STAFF_ROLES);
    }

    /**
     * The staff unit's people, as {@link #mayPublishProjects} counts them: the CDO and the
     * secretaries of either body, by user key, in a stable order.
     */
    public java.util.SortedSet<String> staffUnit() {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        for (Body body : committee.bodies()) {
            for (Member seat : committee.members(body.key())) {
                if (STAFF_ROLES.contains(seat.role())) {
                    keys.add(seat.userKey());
                }
            }
        }
        return keys;
    }

    /**
     * The users who represent the unit a decision's owner names: the steering-committee members
     * managing it (see the class comment); empty where the owner names no unit exactly.
     */
    public Set<String> responsibleFor(String owner) {
        String named = owner == null ? "" : owner.strip().toLowerCase(Locale.ROOT);
        if (named.isEmpty()) {
            return Set.of();
        }
        Set<String> units = organisation.departments().stream()
                .filter(d -> d.key().toLowerCase(Locale.ROOT).equals(named)
                        || d.name().strip().toLowerCase(Locale.ROOT).equals(named))
                .map(Department::key).collect(Collectors.toSet());
        Map<String, Body> bodies = committee.bodies().stream().collect(Collectors.toMap(Body::key, Function.identity()));
        return bodies.values().stream().filter(b -> b.kind() == BodyKind.STEERING_COMMITTEE)
                .flatMap(b -> committee.members(b.key()).stream())
                .filter(m -> !m.departmentKey().isEmpty() && units.contains(m.departmentKey()))
                .map(Member::userKey).collect(Collectors.toSet());
    }

    /** Whether the user may set how far a decision with this owner has been carried out. */
    public boolean mayImplement(String userKey, String owner) {
        return mayChangeDecisions(userKey) || responsibleFor(owner).contains(userKey);
    }

    /** @return the actor's key, if they may set the implementation of a decision with this owner */
    public String implementer(String owner) {
        String actor = actor();
        if (!mayImplement(actor, owner)) {
            throw AccessDeniedException.of("cockpit.access.error.implementation");
        }
        return actor;
    }

    /** @return the actor's key, if they may change decisions; refuses everyone else */
    public String decisionWriter() {
        String actor = actor();
        if (!mayChangeDecisions(actor)) {
            throw AccessDeniedException.of("cockpit.access.error.decisions");
        }
        return actor;
    }

    /** @return the actor's key, if they may answer advisory input; refuses everyone else */
    public String advisoryWriter() {
        String actor = actor();
        if (!mayAnswerAdvisory(actor)) {
            throw AccessDeniedException.of("cockpit.access.error.advisory");
        }
        return actor;
    }

    private boolean holds(String userKey, BodyKind kind, List<MemberRole> roles) {
        Map<String, Body> bodies = committee.bodies().stream().collect(Collectors.toMap(Body::key, Function.identity()));
        for (Member seat : committee.seatsOf(userKey)) {
            Body body = bodies.get(seat.bodyKey());
            if (body != null && body.kind() == kind && roles.contains(seat.role())) {
                return true;
            }
        }
        return false;
    }

    // Goals and indicators (strategy)

    /**
     * Whether the user may change a strategic goal's status (adopt, achieve, drop it), from its page
     * or over REST alike: the staff unit, as {@link #mayPublishProjects} counts it, the CDO among them.
     */
    public boolean mayChangeGoals(String userKey) {
        return mayPublishProjects(userKey);
    }

    /** @return the actor's key, if they may change goals; refuses everyone else */
    public String goalWriter() {
        String actor = actor();
        if (!mayChangeGoals(actor)) {
            throw AccessDeniedException.of("cockpit.access.error.goals");
        }
        return actor;
    }

    /**
     * Whether the user may enter measured values of an indicator the unit {@code responsibleUnit}
     * collects: the unit (the steering-committee members managing it, as for a decision's owner,
     * see {@link #responsibleFor}) and the staff unit.
     */
    public boolean mayRecordValues(String userKey, String responsibleUnit) {
        return mayChangeGoals(userKey) || responsibleFor(responsibleUnit).contains(userKey);
    }

    /**
     * The keys of the organisational units the user represents: those their steering-committee
     * seats say they manage (see {@link #responsibleFor}).
     */
    public Set<String> unitsOf(String userKey) {
        Map<String, Body> bodies = committee.bodies().stream().collect(Collectors.toMap(Body::key, Function.identity()));
        return committee.seatsOf(userKey).stream()
                .filter(m -> bodies.containsKey(m.bodyKey()) && bodies.get(m.bodyKey()).kind() == BodyKind.STEERING_COMMITTEE)
                .map(Member::departmentKey).filter(k -> k != null && !k.isEmpty()).collect(Collectors.toSet());
    }

    /** @return the actor's key, if they may enter values of an indicator this unit collects */
    public String valueRecorder(String responsibleUnit) {
        String actor = actor();
        if (!mayRecordValues(actor, responsibleUnit)) {
            throw AccessDeniedException.of("cockpit.access.error.values");
        }
        return actor;
    }
}
