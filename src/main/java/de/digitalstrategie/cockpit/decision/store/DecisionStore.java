package de.digitalstrategie.cockpit.decision.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.audit.AuditEntry;
import de.digitalstrategie.cockpit.audit.AuditSubject;
import de.digitalstrategie.cockpit.audit.store.AuditLog;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionChange;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.DecisionWorkflow;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.portfolio.store.ProjectLinks;
import net.java.ao.DBParam;
import net.java.ao.Query;

import javax.inject.Inject;
import javax.inject.Named;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static de.digitalstrategie.cockpit.schema.StoredDates.toDate;
import static de.digitalstrategie.cockpit.schema.StoredDates.toDay;

/**
 * The decision register. Every status change goes through {@link DecisionWorkflow} and leaves an
 * audit entry in the same transaction.
 */
@Named
public class DecisionStore {
    private final ActiveObjects ao;
    private final ProjectLinks links;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public DecisionStore(ActiveObjects ao, ProjectLinks links, AuditLog audit, Clock clock) {
        this.ao = ao;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a new decision, or updates the content of the one with the same macro id. The
     * status of an existing decision is not touched here: it changes only through
     * {@link #changeStatus}.
     *
     * @return the stored decision with its id
     */
    public Decision record(Decision decision, String actor) {
        return ao.executeInTransaction(() -> {
            Optional<DecisionEntity> existing = decision.macroId().isEmpty() ? Optional.empty()
                    : Arrays.stream(ao.find(DecisionEntity.class, DecisionEntity.MACRO_ID + " = ?", decision.macroId()))
                    .findFirst();
            DecisionEntity e;
            if (existing.isPresent()) {
                e = existing.get();
            } else {
                e = ao.create(DecisionEntity.class,
                        new DBParam(DecisionEntity.DECISION_NUMBER, decision.number()),
                        new DBParam("TITLE", decision.title()),
                        new DBParam(DecisionEntity.STATUS, decision.status().name()));
                audit.append(new AuditEntry(AuditSubject.DECISION, e.getID(), actor, clock.instant(), null,
                        decision.status().name(), ""));
            }
            write(e, decision);
            e.save();
            links.replace(AuditSubject.DECISION, e.getID(), decision.projectKeys());
            return toDecision(e, decision.projectKeys());
        });
    }

    private static void write(DecisionEntity e, Decision d) {
        e.setMacroId(d.macroId().isEmpty() ? null : d.macroId());
        e.setDecisionNumber(d.number());
        e.setTitle(d.title());
        e.setDecisionText(d.text());
        e.setVote(d.vote() == null ? "" : d.vote().toString());
        e.setMeetingId(d.meetingId());
        e.setAgendaItemId(d.agendaItemId());
        e.setOwner(d.owner());
        e.setDueDate(toDate(d.dueDate()));
        e.setSuccessor(d.successor());
        e.setPageId(d.page().pageId());
        e.setPageVersion(d.page().version());
        e.setSpaceKey(d.page().spaceKey());
        e.setPageTitle(d.page().title());
        e.setWithdrawn(d.withdrawn());
        e.setPublished(d.isPublic());
    }

    /**
     * Moves a decision to another status, if the workflow allows it.
     *
     * @throws de.digitalstrategie.cockpit.workflow.IllegalTransitionException if it does not
     */
    public Decision changeStatus(long id, DecisionStatus to, String actor, Vote vote, String successor,
                                 String comment) {
        return ao.executeInTransaction(() -> {
            DecisionEntity e = entity(id);
            Decision current = toDecision(e, links.keysFor(AuditSubject.DECISION, List.of(id)).getOrDefault(id, List.of()));
            DecisionWorkflow.WORKFLOW.check(current.status(), to,
                    new DecisionChange(current, to, actor, vote, successor, comment));
            e.setStatus(to.name());
            if (vote != null) {
                e.setVote(vote.toString());
            }
            if (successor != null && !successor.isBlank()) {
                e.setSuccessor(successor.strip());
            }
            e.save();
            audit.append(new AuditEntry(AuditSubject.DECISION, id, actor, clock.instant(), current.status().name(),
                    to.name(), comment));
            return toDecision(e, current.projectKeys());
        });
    }

    /** Marks a decision whose macro left its page as withdrawn, or brings it back. */
    public void setWithdrawn(long id, boolean withdrawn, String actor) {
        ao.executeInTransaction(() -> {
            DecisionEntity e = entity(id);
            if (e.isWithdrawn() != withdrawn) {
                e.setWithdrawn(withdrawn);
                e.save();
                audit.append(new AuditEntry(AuditSubject.DECISION, id, actor, clock.instant(), e.getStatus(),
                        e.getStatus(), withdrawn ? "withdrawn" : "restored"));
            }
            return null;
        });
    }

    public Optional<Decision> find(long id) {
        return Arrays.stream(ao.find(DecisionEntity.class, "ID = ?", id)).findFirst().map(found -> toDecision(found,
                links.keysFor(AuditSubject.DECISION, List.of(id)).getOrDefault(id, List.of())));
    }

    public Optional<Decision> findByMacroId(String macroId) {
        return Arrays.stream(ao.find(DecisionEntity.class, DecisionEntity.MACRO_ID + " = ?", macroId)).findFirst()
                .map(e -> find(e.getID()).orElseThrow());
    }

    /** All decisions, oldest number first, with their projects read in one batch. */
    public List<Decision> all() {
        DecisionEntity[] entities = ao.find(DecisionEntity.class, Query.select().order(DecisionEntity.DECISION_NUMBER));
        Map<Long, List<String>> keys = links.keysFor(AuditSubject.DECISION,
                Arrays.stream(entities).map(e -> (long) e.getID()).toList());
        return Arrays.stream(entities).map(e -> toDecision(e, keys.getOrDefault((long) e.getID(), List.of()))).toList();
    }

    public List<AuditEntry> history(long id) {
        return audit.history(AuditSubject.DECISION, id);
    }

    public int count() {
        return ao.count(DecisionEntity.class);
    }

    public Map<DecisionStatus, Integer> countByStatus() {
        Map<DecisionStatus, Integer> counts = new EnumMap<>(DecisionStatus.class);
        for (DecisionStatus status : DecisionStatus.values()) {
            counts.put(status, ao.count(DecisionEntity.class, DecisionEntity.STATUS + " = ?", status.name()));
        }
        return counts;
    }

    private DecisionEntity entity(long id) {
        DecisionEntity[] found = ao.find(DecisionEntity.class, "ID = ?", id);
        if (found.length == 0) {
            throw NotFoundException.of("cockpit.decision.error.unknown", id);
        }
        return found[0];
    }

    private static Decision toDecision(DecisionEntity e, List<String> projectKeys) {
        String vote = e.getVote();
        return new Decision(e.getID(), e.getMacroId(), e.getDecisionNumber(), e.getTitle(), e.getDecisionText(),
                DecisionStatus.valueOf(e.getStatus()), vote == null || vote.isBlank() ? null : Vote.parse(vote),
                e.getMeetingId(), e.getAgendaItemId(), projectKeys, e.getOwner(), toDay(e.getDueDate()),
                e.getSuccessor(), new PageRef(e.getPageId(), e.getPageVersion(), e.getSpaceKey(), e.getPageTitle()),
                e.isWithdrawn(), e.isPublished());
    }
}
