package de.digitalstrategie.cockpit.decision.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.audit.AuditEntry;
import de.digitalstrategie.cockpit.audit.AuditSubject;
import de.digitalstrategie.cockpit.audit.RecordListener;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
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

import de.digitalstrategie.cockpit.decision.DecisionFilter;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * The decision register. Every status change goes through {@link DecisionWorkflow} and leaves an
 * audit entry in the same transaction.
 */
public class DecisionStore {
    private final ActiveObjects ao;
    private final ProjectLinks links;
    private final AuditLog audit;
    private final Clock clock;
    private final RecordListener listener;
    private final ClusterLocks locks;

    public DecisionStore(ActiveObjects ao, ProjectLinks links, AuditLog audit, Clock clock, RecordListener listener,
                         ClusterLocks locks) {
        this.locks = locks;
        this.ao = ao;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Records a new decision, or updates the content of the one with the same macro id. The
     * status of an existing decision is not touched here: it changes only through
     * {@link #changeStatus}.
     *
     * @return the stored decision with its id
     */
    public Decision record(Decision decision, String actor) {
        return record(decision, null, actor);
    }

    /** As {@link #record(Decision, String)}, with the date of the meeting that took it. */
    public Decision record(Decision decision, LocalDate meetingDate, String actor) {
        if (decision.macroId().isEmpty()) {
            return recordNow(decision, meetingDate, actor);
        }
        // Two nodes may hear the same page event at once: one records, the other then updates.
        return locks.runWaiting(ClusterLocks.stripe("decision-macro", decision.macroId()), WAIT,
                () -> recordNow(decision, meetingDate, actor));
    }

    /** How long a change waits for another node working on the same record. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    private Decision recordNow(Decision decision, LocalDate meetingDate, String actor) {
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
            e.setMeetingDate(toDate(meetingDate));
            e.save();
            listener.changed(AuditSubject.DECISION, e.getID());
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
        e.setSearchText(searchText(d.title(), d.number()));
    }

    /** What the register's text filter searches: title and number. */
    public static String searchText(String title, String number) {
        return SearchText.of(title, number);
    }

    /**
     * Moves a decision to another status, if the workflow allows it.
     *
     * @throws de.digitalstrategie.cockpit.workflow.IllegalTransitionException if it does not
     */
    public Decision changeStatus(long id, DecisionStatus to, String actor, Vote vote, String successor,
                                 String comment) {
        // One change of a record at a time across the cluster: the workflow check and the write
        // must see the same status, or two nodes could both apply a change from it.
        return locks.runWaiting(ClusterLocks.stripe("decision", id), WAIT,
                () -> changeStatusNow(id, to, actor, vote, successor, comment));
    }

    private Decision changeStatusNow(long id, DecisionStatus to, String actor, Vote vote, String successor,
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
            listener.changed(AuditSubject.DECISION, id);
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
                listener.changed(AuditSubject.DECISION, id);
            }
            return null;
        });
    }

    /**
     * Notes that a page claims a status the workflow does not allow from the recorded one; the
     * record keeps its status, the register shows the conflict, the audit trail the refusal.
     */
    public void markConflict(long id, DecisionStatus claimed, String actor, String reason) {
        ao.executeInTransaction(() -> {
            DecisionEntity e = entity(id);
            if (!claimed.name().equals(e.getStatusConflict()) || !reason.equals(e.getStatusConflictReason())) {
                e.setStatusConflict(claimed.name());
                e.setStatusConflictReason(reason);
                e.save();
                audit.append(new AuditEntry(AuditSubject.DECISION, id, actor, clock.instant(), e.getStatus(),
                        e.getStatus(), "refused " + claimed.name() + ": " + reason));
            }
            return null;
        });
    }

    public void clearConflict(long id) {
        ao.executeInTransaction(() -> {
            DecisionEntity e = entity(id);
            if (e.getStatusConflict() != null && !e.getStatusConflict().isEmpty()) {
                e.setStatusConflict("");
                e.setStatusConflictReason("");
                e.save();
            }
            return null;
        });
    }

    /** The i18n key of why the page's claimed status was refused, if one was. */
    public Optional<String> conflictReason(long id) {
        DecisionEntity e = entity(id);
        String reason = e.getStatusConflictReason();
        return e.getStatusConflict() == null || e.getStatusConflict().isEmpty() || reason == null || reason.isEmpty()
                ? Optional.empty() : Optional.of(reason);
    }

    /** The status a page claims that the workflow refused, if any. */
    public Optional<DecisionStatus> conflict(long id) {
        String claimed = entity(id).getStatusConflict();
        return claimed == null || claimed.isEmpty() ? Optional.empty() : Optional.of(DecisionStatus.valueOf(claimed));
    }

    /** Every decision recorded from a page, withdrawn ones included. */
    public List<Decision> ofPage(long pageId) {
        return withProjects(ao.find(DecisionEntity.class, Query.select()
                .where(DecisionEntity.PAGE_ID + " = ?", pageId).order(DecisionEntity.DECISION_NUMBER)));
    }

    /**
     * The decision a page records under this number, unless withdrawn: what the page's macro
     * shows. One indexed lookup, so a page of many decisions renders without reading them all
     * for each one.
     */
    public Optional<Decision> onPage(long pageId, String number) {
        return withProjects(ao.find(DecisionEntity.class, Query.select().where(DecisionEntity.PAGE_ID + " = ? AND "
                + DecisionEntity.DECISION_NUMBER + " = ?", pageId, number))).stream()
                .filter(d -> !d.withdrawn()).findFirst();
    }

    /**
     * One page of the register, counted and sorted in the database, over the decisions on pages
     * the viewer may see: nothing else is read, counted or summed.
     */
    public RegisterPage query(DecisionFilter filter, DecisionSort sort, SortOrder order, PageRequest page,
                              Collection<Long> viewablePages) {
        Criteria criteria = criteria(filter, viewablePages);
        if (criteria.matchesNothing()) {
            return new RegisterPage(new ResultPage<>(List.of(), 0, page.offset(), page.limit()), Map.of(), Map.of(), Map.of());
        }
        int total = ao.count(DecisionEntity.class, criteria.query());
        // Read-only rows, streamed: a page to show, not entities to change.
        List<DecisionEntity> read = new ArrayList<>(page.limit());
        ao.stream(DecisionEntity.class, criteria.query("*")
                .order(sort.column() + " " + order.sql() + ", " + DecisionEntity.DECISION_NUMBER + " " + order.sql())
                .limit(page.limit()).offset(page.offset()), read::add);
        return registerPage(read.toArray(new DecisionEntity[0]), total, page, viewablePages);
    }

    /**
     * One decision as the register shows it (meeting date, a page's conflicting claim, what it
     * replaces), if it is on one of the pages the viewer may see; otherwise nothing, as for an id
     * that does not exist.
     */
    public Optional<RegisterPage> one(long id, Collection<Long> viewablePages) {
        Criteria criteria = new Criteria().eq("ID", id).in(DecisionEntity.PAGE_ID, viewablePages);
        if (criteria.matchesNothing()) {
            return Optional.empty();
        }
        List<DecisionEntity> read = new ArrayList<>(1);
        ao.stream(DecisionEntity.class, criteria.query("*"), read::add);
        return read.isEmpty() ? Optional.empty() : Optional.of(registerPage(read.toArray(new DecisionEntity[0]), 1,
                new PageRequest(0, 1), viewablePages));
    }

    private RegisterPage registerPage(DecisionEntity[] rows, int total, PageRequest page,
                                      Collection<Long> viewablePages) {
        List<Decision> decisions = asSeenOn(withProjects(rows), viewablePages);
        Map<Long, LocalDate> dates = new java.util.HashMap<>();
        Map<Long, DecisionStatus> conflicts = new java.util.HashMap<>();
        for (DecisionEntity e : rows) {
            if (e.getMeetingDate() != null) {
                dates.put((long) e.getID(), toDay(e.getMeetingDate()));
            }
            if (e.getStatusConflict() != null && !e.getStatusConflict().isEmpty()) {
                conflicts.put((long) e.getID(), DecisionStatus.valueOf(e.getStatusConflict()));
            }
        }
        return new RegisterPage(new ResultPage<>(decisions, total, page.offset(), page.limit()), dates, conflicts,
                replaced(decisions, viewablePages));
    }

    private Criteria criteria(DecisionFilter filter, Collection<Long> viewablePages) {
        Criteria criteria = new Criteria().in(DecisionEntity.PAGE_ID, viewablePages);
        if (!filter.withdrawn()) {
            criteria.eq(DecisionEntity.WITHDRAWN, false);
        }
        if (filter.year() != null) {
            criteria.within(DecisionEntity.MEETING_DATE, toDate(LocalDate.of(filter.year(), 1, 1)),
                    toDate(LocalDate.of(filter.year() + 1, 1, 1)));
        }
        if (filter.meetingId() != null) {
            criteria.eq(DecisionEntity.MEETING_ID, filter.meetingId());
        }
        if (!filter.statuses().isEmpty()) {
            criteria.in(DecisionEntity.STATUS, filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.projectKey() != null && !filter.projectKey().isBlank()) {
            criteria.in("ID", links.subjectsConcerning(AuditSubject.DECISION, filter.projectKey().strip()));
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            criteria.eq(DecisionEntity.OWNER, filter.owner().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.contains(filter.text().strip());
        }
        return criteria;
    }

    /**
     * Every decision the filter selects on the given pages, oldest first, a batch at a time: for
     * exports of any size without holding them all.
     */
    public void forEach(DecisionFilter filter, Collection<Long> viewablePages, java.util.function.Consumer<Decision> each) {
        long after = 0;
        while (true) {
            Criteria criteria = criteria(filter, viewablePages);
            if (criteria.matchesNothing()) {
                return;
            }
            DecisionEntity[] batch = ao.find(DecisionEntity.class, criteria.raw("ID > ?", after).query()
                    .order("ID").limit(500));
            if (batch.length == 0) {
                return;
            }
            asSeenOn(withProjects(batch), viewablePages).forEach(each);
            after = batch[batch.length - 1].getID();
        }
    }

    /**
     * For each decision read: the decisions on the viewer's pages that name it as the one that
     * replaced them. A decision on a page the viewer may not see is never named, so a public
     * decision that replaced a confidential one does not give the confidential number away.
     */
    private Map<String, List<String>> replaced(List<Decision> decisions, Collection<Long> viewablePages) {
        Map<String, List<String>> replaced = new java.util.HashMap<>();
        List<String> numbers = decisions.stream().map(Decision::number).distinct().toList();
        Criteria criteria = new Criteria().in(DecisionEntity.SUCCESSOR, numbers)
                .in(DecisionEntity.PAGE_ID, viewablePages);
        if (criteria.matchesNothing()) {
            return replaced;
        }
        ao.stream(DecisionEntity.class, criteria.query(String.join(", ", "ID", DecisionEntity.SUCCESSOR,
                        DecisionEntity.DECISION_NUMBER)).order("ID"),
                e -> replaced.computeIfAbsent(e.getSuccessor(), k -> new ArrayList<>()).add(e.getDecisionNumber()));
        return replaced;
    }

    /**
     * The decisions as the viewer may see them: the successor a decision names ("superseded by
     * LK-2026-31") stays only if it is the number of a decision on one of the viewer's pages. A
     * number on a page the viewer may not see reads exactly like one that was never recorded:
     * neither is named, so the gap gives nothing away.
     */
    private List<Decision> asSeenOn(List<Decision> decisions, Collection<Long> viewablePages) {
        Set<String> named = decisions.stream().map(Decision::successor).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
        if (named.isEmpty()) {
            return decisions;
        }
        Set<String> known = numbersOn(named, viewablePages);
        return decisions.stream().map(d -> d.successor().isEmpty() || known.contains(d.successor()) ? d
                : d.withSuccessor("")).toList();
    }

    /** Those of the numbers that are the number of a decision recorded on one of the pages. */
    public Set<String> numbersOn(Collection<String> numbers, Collection<Long> pageIds) {
        Set<String> found = new java.util.HashSet<>();
        Criteria criteria = new Criteria().in(DecisionEntity.DECISION_NUMBER, List.copyOf(new java.util.HashSet<>(numbers)))
                .in(DecisionEntity.PAGE_ID, pageIds);
        if (!criteria.matchesNothing()) {
            ao.stream(DecisionEntity.class, criteria.query("ID, " + DecisionEntity.DECISION_NUMBER),
                    e -> found.add(e.getDecisionNumber()));
        }
        return found;
    }

    private List<Decision> withProjects(DecisionEntity[] entities) {
        Map<Long, List<String>> keys = links.keysFor(AuditSubject.DECISION,
                Arrays.stream(entities).map(e -> (long) e.getID()).toList());
        return Arrays.stream(entities).map(e -> toDecision(e, keys.getOrDefault((long) e.getID(), List.of()))).toList();
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
        return withProjects(ao.find(DecisionEntity.class, Query.select().order(DecisionEntity.DECISION_NUMBER)));
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
