package de.digitalstrategie.cockpit.strategy.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.macro.MacroParameters;
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
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalChange;
import de.digitalstrategie.cockpit.strategy.GoalCriteria;
import de.digitalstrategie.cockpit.strategy.GoalParameters;
import de.digitalstrategie.cockpit.strategy.GoalSort;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.GoalWorkflow;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;

/**
 * The register of strategic goals: the register of every kind, with a goal's field of action, the
 * decisions that serve it and the reason it was achieved or dropped. Nobody outside listens to a
 * goal's changes (no Jira issue, no OParl object is made of it).
 */
public class GoalStore extends RecordStore<Goal, GoalStatus, GoalChange, GoalCriteria, GoalSort, GoalEntity> {

    public GoalStore(ActiveObjects ao, ProjectLinks links, AuditLog audit, Clock clock, ClusterLocks locks) {
        super(new Mapping<>(RecordKind.GOAL, GoalEntity.class,
                new Column<>(GoalEntity.GOAL_NUMBER, GoalEntity::getGoalNumber),
                new Column<>(GoalEntity.GOAL_STATUS, GoalEntity::getGoalStatus),
                new Column<>(GoalEntity.RECORDED_ON, GoalEntity::getRecordedOn),
                GoalWorkflow.WORKFLOW, Map.of(
                GoalSort.NUMBER, GoalEntity.GOAL_NUMBER, GoalSort.TITLE, GoalEntity.TITLE,
                GoalSort.FIELD, GoalEntity.FIELD_OF_ACTION, GoalSort.STATUS, GoalEntity.GOAL_STATUS),
                "cockpit.goal.error.unknown", "cockpit.sync.error.no-role.goal"), ao, links, audit, clock,
                RecordListener.NONE, locks);
    }

    /**
     * Moves a goal on, if its workflow allows it (see {@link GoalWorkflow}); the reason given
     * becomes the goal's reason.
     */
    public Goal changeStatus(long id, GoalStatus to, String actor, String reason) {
        return change(id, current -> new GoalChange(current, to, actor, reason));
    }

    /**
     * The goals on pages the viewer may see, not withdrawn, of one field of action (null: of every
     * field), lowest number first: all of them, read a batch at a time, since the achievement, its
     * export and the quarterly report account for every goal (a page of the register would end at
     * {@code PageRequest.MAX_LIMIT}).
     */
    public List<Goal> ofField(String fieldOfAction, Collection<Long> viewablePages) {
        List<Goal> found = new ArrayList<>();
        forEach(new RegisterFilter<>(null, null, Set.of(), null, null, false, new GoalCriteria(fieldOfAction)),
                viewablePages, found::add);
        found.sort(Comparator.comparing(Goal::number).thenComparing(Goal::id));
        return found;
    }

    @Override
    public PageEdit<Goal> fromPage(MacroParameters parameters, PageMacro macro) {
        return macro.edit(GoalParameters.read(parameters).toGoal(macro.macroId(), macro.text(), macro.page()), null);
    }

    @Override
    protected Goal toRecord(GoalEntity e, List<String> projectKeys) {
        return new Goal(e.getID(), e.getMacroId(), e.getGoalNumber(), e.getTitle(), e.getFieldOfAction(),
                e.getDescription(), GoalStatus.valueOf(e.getGoalStatus()), e.getStatusReason(), projectKeys,
                decisions(e.getDecisionNumbers()), new PageRef(e.getPageId(), e.getPageVersion(), e.getSpaceKey(),
                e.getPageTitle()), e.isWithdrawn(), e.isPublished());
    }

    @Override
    protected List<DBParam> required(Goal goal) {
        return List.of(new DBParam(GoalEntity.FIELD_OF_ACTION, goal.fieldOfAction()),
                new DBParam(GoalEntity.RECORDED_ON, toDate(LocalDate.now(clock))));
    }

    @Override
    protected void created(GoalEntity e, Goal goal) {
        e.setStatusReason(goal.reason());
    }

    @Override
    protected void write(GoalEntity e, Goal goal, LocalDate date) {
        e.setGoalNumber(goal.number());
        e.setFieldOfAction(goal.fieldOfAction());
        e.setDescription(goal.description());
        e.setDecisionNumbers(String.join(",", goal.decisions()));
    }

    @Override
    protected void apply(GoalEntity e, GoalChange change) {
        e.setGoalStatus(change.to().name());
        e.setStatusReason(change.effectiveReason());
    }

    /** What the register's text filter searches: title, number, field of action and description. */
    @Override
    protected String searchText(Goal goal) {
        return SearchText.of(goal.title(), goal.number(), goal.fieldOfAction(), goal.description());
    }

    @Override
    protected void criteria(GoalCriteria criteria, Criteria where) {
        if (criteria.fieldOfAction() != null) {
            where.eq(GoalEntity.FIELD_OF_ACTION, criteria.fieldOfAction());
        }
    }

    @Override
    protected Goal asFound(Goal fromPage, Goal stored) {
        return stored == null ? fromPage.withStatus(GoalStatus.DRAFT, "")
                : fromPage.withStatus(stored.status(), stored.reason());
    }

    @Override
    protected GoalChange claim(Goal current, Goal fromPage, String actor) {
        return new GoalChange(current, fromPage.status(), actor, fromPage.reason());
    }

    /** A goal the city had adopted before it was written down is recorded as adopted, by the role only. */
    @Override
    protected boolean startsAsClaimed() {
        return true;
    }

    private static List<String> decisions(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
