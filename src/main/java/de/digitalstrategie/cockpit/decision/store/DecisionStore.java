package de.digitalstrategie.cockpit.decision.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionChange;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.DecisionWorkflow;
import de.digitalstrategie.cockpit.decision.ImplementationChange;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.register.PageEdit;
import de.digitalstrategie.cockpit.register.PageMacro;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RecordListener;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.store.AuditLog;
import de.digitalstrategie.cockpit.register.store.ProjectLinks;
import de.digitalstrategie.cockpit.register.store.RecordEntity;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import net.java.ao.DBParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static de.digitalstrategie.cockpit.decision.DecisionSort.DATE;
import static de.digitalstrategie.cockpit.decision.DecisionSort.DUE;
import static de.digitalstrategie.cockpit.decision.DecisionSort.NUMBER;
import static de.digitalstrategie.cockpit.decision.DecisionSort.OWNER;
import static de.digitalstrategie.cockpit.decision.DecisionSort.STATUS;
import static de.digitalstrategie.cockpit.decision.DecisionSort.TITLE;
import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * The decision register: the register of every kind, with the vote, the owner and the
 * supersession of decisions. Every status change goes through {@link DecisionWorkflow}.
 */
public class DecisionStore extends RecordStore<Decision, DecisionStatus, DecisionChange, DecisionCriteria,
        DecisionSort, DecisionEntity> {

    public DecisionStore(ActiveObjects ao, ProjectLinks links, AuditLog audit, Clock clock, RecordListener listener,
                         ClusterLocks locks) {
        super(new Mapping<>(RecordKind.DECISION, DecisionEntity.class,
                new Column<>(DecisionEntity.DECISION_NUMBER, DecisionEntity::getDecisionNumber),
                new Column<>(DecisionEntity.STATUS, DecisionEntity::getStatus),
                new Column<>(DecisionEntity.MEETING_DATE, DecisionEntity::getMeetingDate), DecisionWorkflow.WORKFLOW, Map.of(
                NUMBER, DecisionEntity.DECISION_NUMBER, DATE, DecisionEntity.MEETING_DATE, TITLE, DecisionEntity.TITLE,
                STATUS, DecisionEntity.STATUS, OWNER, "OWNER", DUE, "DUE_DATE"), "cockpit.decision.error.unknown",
                "cockpit.sync.error.no-role.decisions"), ao, links, audit, clock, listener, locks);
    }

    /**
     * Moves a decision to another status, if the workflow allows it.
     *
     * @throws de.digitalstrategie.cockpit.workflow.IllegalTransitionException if it does not
     */
    public Decision changeStatus(long id, DecisionStatus to, String actor, Vote vote, String successor,
                                 String comment) {
        return change(id, current -> new DecisionChange(current, to, actor, vote, successor, comment));
    }

    /**
     * Sets how far a decision in force has been carried out, for the responsible unit (the caller
     * checks the role). Refused (409) for a decision not in force, and for one whose Jira issue the
     * state follows: there it changes in Jira, and a value typed here would be overwritten by the
     * next sync.
     *
     * @param comment why, in the actor's words; goes into the audit trail with the change
     */
    public Decision setImplementation(long id, ImplementationState to, String actor, String comment) {
        return modify(id, (e, current) -> {
            if (!current.implementable()) {
                throw new IllegalTransitionException(current.implementation(), to,
                        Message.of("cockpit.decision.error.implementation-not-in-force", current.number()));
            }
            if (!current.jiraIssue().isEmpty()) {
                throw new IllegalTransitionException(current.implementation(), to,
                        Message.of("cockpit.decision.error.implementation-follows-jira", current.jiraIssue()));
            }
            implement(e, current, to, actor, comment);
        });
    }

    /**
     * What the Jira sync read off the decision's issue: from now on the implementation follows that
     * issue, and stands where its status category says. A change of state goes into the audit trail
     * with the issue as its source; reading the same state again changes nothing.
     */
    public Decision followIssue(long id, String issueKey, ImplementationState state) {
        return modify(id, (e, current) -> {
            linkIssue(e, current, issueKey);
            if (current.implementation() != state) {
                implement(e, current, state, ImplementationChange.jira(issueKey), "");
            }
        });
    }

    /**
     * Notes the decision's Jira issue once the outbox has delivered it, so the responsible unit no
     * longer sets the state by hand. Not a change of the decision: nobody is told, so the delivery
     * does not queue the decision again.
     */
    public void linkIssue(long id, String issueKey) {
        modify(id, (e, current) -> linkIssue(e, current, issueKey));
    }

    private static void linkIssue(DecisionEntity e, Decision current, String issueKey) {
        if (!current.jiraIssue().equals(issueKey)) {
            e.setJiraIssue(issueKey);
            e.save();
        }
    }

    private void implement(DecisionEntity e, Decision current, ImplementationState to, String actor, String comment) {
        if (current.implementation() == to) {
            return;
        }
        e.setImplementation(to.name());
        e.save();
        audit(e, current.status().name(), current.status().name(),
                new ImplementationChange(current.implementation(), to, comment).comment(), actor);
        changed(e);
    }

    /** How many decisions in force stand in each state of implementation, and how many of them are overdue. */
    public record ImplementationCounts(int open, int inProgress, int done, int overdue) {
    }

    /**
     * The decisions in force the filter selects on the pages the viewer may see, counted by their
     * implementation in the database; overdue as {@link Decision#overdue} computes it.
     */
    public ImplementationCounts implementationCounts(RegisterFilter<DecisionStatus, DecisionCriteria> filter,
                                                     Collection<Long> viewablePages, LocalDate today) {
        String inForce = DecisionEntity.STATUS + " = ?";
        String decided = DecisionStatus.DECIDED.name();
        String notDone = DecisionEntity.IMPLEMENTATION + " IS NULL OR " + DecisionEntity.IMPLEMENTATION + " <> ?";
        return new ImplementationCounts(
                count(filter, viewablePages, c -> c.raw(inForce, decided).raw(DecisionEntity.IMPLEMENTATION
                        + " IS NULL OR " + DecisionEntity.IMPLEMENTATION + " = ?", ImplementationState.OPEN.name())),
                count(filter, viewablePages, c -> c.raw(inForce, decided)
                        .eq(DecisionEntity.IMPLEMENTATION, ImplementationState.IN_PROGRESS.name())),
                count(filter, viewablePages, c -> c.raw(inForce, decided)
                        .eq(DecisionEntity.IMPLEMENTATION, ImplementationState.DONE.name())),
                count(filter, viewablePages, c -> c.raw(inForce, decided).eq(RecordEntity.WITHDRAWN, false)
                        .raw(notDone, ImplementationState.DONE.name()).raw("DUE_DATE < ?", toDate(today))));
    }

    /** What the register's text filter searches: title and number. */
    public static String searchText(String title, String number) {
        return SearchText.of(title, number);
    }

    @Override
    public PageEdit<Decision> fromPage(MacroParameters parameters, PageMacro macro) {
        DecisionParameters p = DecisionParameters.read(parameters);
        return macro.edit(p.toDecision(macro.macroId(), macro.text(), macro.meetingId(), macro.page()),
                p.date() != null ? p.date() : macro.meetingDate());
    }

    @Override
    protected Decision toRecord(DecisionEntity e, List<String> projectKeys) {
        String vote = e.getVote();
        return new Decision(e.getID(), e.getMacroId(), e.getDecisionNumber(), e.getTitle(), e.getDecisionText(),
                DecisionStatus.valueOf(e.getStatus()), vote == null || vote.isBlank() ? null : Vote.parse(vote),
                e.getMeetingId(), e.getAgendaItemId(), projectKeys, e.getOwner(), toDay(e.getDueDate()),
                e.getSuccessor(), new PageRef(e.getPageId(), e.getPageVersion(), e.getSpaceKey(), e.getPageTitle()),
                e.isWithdrawn(), e.isPublished(), implementation(e.getImplementation()), e.getJiraIssue());
    }

    private static ImplementationState implementation(String stored) {
        return stored == null || stored.isEmpty() ? ImplementationState.OPEN : ImplementationState.valueOf(stored);
    }

    /** A new decision has not been carried out yet; the column changes only through {@link #implement}. */
    @Override
    protected List<DBParam> required(Decision d) {
        return List.of(new DBParam(DecisionEntity.IMPLEMENTATION, ImplementationState.OPEN.name()));
    }

    @Override
    protected void write(DecisionEntity e, Decision d, LocalDate meetingDate) {
        e.setDecisionNumber(d.number());
        e.setDecisionText(d.text());
        e.setVote(d.vote() == null ? "" : d.vote().toString());
        e.setAgendaItemId(d.agendaItemId());
        e.setOwner(d.owner());
        e.setDueDate(toDate(d.dueDate()));
        e.setSuccessor(d.successor());
        e.setMeetingDate(toDate(meetingDate));
    }

    @Override
    protected void apply(DecisionEntity e, DecisionChange change) {
        e.setStatus(change.to().name());
        if (change.vote() != null) {
            e.setVote(change.vote().toString());
        }
        if (change.successor() != null && !change.successor().isBlank()) {
            e.setSuccessor(change.successor().strip());
        }
    }

    @Override
    protected String searchText(Decision d) {
        return searchText(d.title(), d.number());
    }

    @Override
    protected void criteria(DecisionCriteria criteria, Criteria where) {
        if (criteria.owner() != null && !criteria.owner().isBlank()) {
            where.eq("OWNER", criteria.owner().strip());
        }
        if (!criteria.implementation().isEmpty()) {
            // Only a decision in force is carried out; a row from before the column reads as open.
            where.eq(DecisionEntity.STATUS, DecisionStatus.DECIDED.name());
            List<String> states = criteria.implementation().stream().map(Enum::name).sorted().toList();
            String in = DecisionEntity.IMPLEMENTATION + " IN (" + String.join(",", states.stream().map(x -> "?")
                    .toList()) + ")";
            where.raw(criteria.implementation().contains(ImplementationState.OPEN)
                    ? in + " OR " + DecisionEntity.IMPLEMENTATION + " IS NULL" : in, states.toArray());
        }
    }

    @Override
    protected boolean startsAsClaimed() {
        return true;
    }

    @Override
    protected Decision asFound(Decision d, Decision stored) {
        return new Decision(d.id(), d.macroId(), d.number(), d.title(), d.text(),
                stored == null ? DecisionWorkflow.WORKFLOW.initial() : stored.status(),
                stored == null ? null : stored.vote(), d.meetingId(), d.agendaItemId(), d.projectKeys(), d.owner(),
                d.dueDate(), stored == null ? "" : stored.successor(), d.page(), d.withdrawn(), d.isPublic());
    }

    @Override
    protected DecisionChange claim(Decision current, Decision fromPage, String actor) {
        return new DecisionChange(current, fromPage.status(), actor, fromPage.vote(), fromPage.successor(),
                PageEdit.COMMENT);
    }

    /**
     * For each decision read: the decisions on the viewer's pages that name it as the one that
     * replaced them. A decision on a page the viewer may not see is never named, so a public
     * decision that replaced a confidential one does not give the confidential number away.
     */
    @Override
    protected Map<String, List<String>> replaced(List<Decision> decisions, Collection<Long> viewablePages) {
        Map<String, List<String>> replaced = new HashMap<>();
        // The few decisions naming these are read with their page and checked here: fewer values
        // than naming the viewer's pages in SQL.
        Set<Long> pages = viewablePages instanceof Set<Long> set ? set : new HashSet<>(viewablePages);
        Criteria criteria = new Criteria().in(DecisionEntity.SUCCESSOR,
                decisions.stream().map(Decision::number).distinct().toList());
        if (!criteria.matchesNothing() && !pages.isEmpty()) {
            ao.stream(DecisionEntity.class, criteria.query(String.join(", ", "ID", DecisionEntity.SUCCESSOR,
                    DecisionEntity.DECISION_NUMBER, DecisionEntity.PAGE_ID)).order("ID"), e -> {
                        if (pages.contains(e.getPageId())) {
                            replaced.computeIfAbsent(e.getSuccessor(), k -> new ArrayList<>()).add(e.getDecisionNumber());
                        }
                    });
        }
        return replaced;
    }

    /**
     * The decisions as the viewer may see them: the successor a decision names ("superseded by
     * LK-2026-31") stays only if it is the number of a decision on one of the viewer's pages. A
     * number on a page the viewer may not see reads exactly like one that was never recorded:
     * neither is named, so the gap gives nothing away.
     */
    @Override
    protected List<Decision> asSeenOn(List<Decision> decisions, Collection<Long> viewablePages) {
        Set<String> named = decisions.stream().map(Decision::successor).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (named.isEmpty()) {
            return decisions;
        }
        Set<String> known = numbersOn(named, viewablePages);
        return decisions.stream().map(d -> d.successor().isEmpty() || known.contains(d.successor()) ? d
                : d.withSuccessor("")).toList();
    }
}
