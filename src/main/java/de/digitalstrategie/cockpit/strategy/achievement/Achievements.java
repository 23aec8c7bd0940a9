package de.digitalstrategie.cockpit.strategy.achievement;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.strategy.Assessment;
import de.digitalstrategie.cockpit.strategy.CollectionDue;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.Trajectory;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far the strategy's goals are achieved, as one viewer may see it: the goals on pages he may
 * view, their indicators on pages he may view, each assessed ({@link Trajectory}) and, for a goal
 * the city pursues, with its next value due ({@link CollectionDue}), and the projects serving each
 * goal that he may see (as the portfolio decides it). What the macro shows and the export writes.
 */
public class Achievements {

    /**
     * One indicator on the day asked.
     *
     * @param values its measured values, oldest first
     * @param due    when its next value is due; null where none is (the goal is not pursued)
     */
    public record IndicatorAchievement(Indicator indicator, List<Measurement> values, Trajectory.Verdict verdict,
                                       CollectionDue due) {
        public Assessment assessment() {
            return verdict.assessment();
        }

        public boolean overdue() {
            return due != null && due.overdue();
        }

        /** The plan's value on the latest value's day, in the indicator's precision; null for no data. */
        public BigDecimal planned() {
            return verdict.expected() == null ? null : rounded(verdict.expected());
        }

        /** The plan's value on a day, in the indicator's precision; null before the baseline. */
        public BigDecimal plannedAt(LocalDate day) {
            return day.isBefore(indicator.baselineDate()) ? null
                    : rounded(Trajectory.of(indicator).expectedAt(day));
        }

        /**
         * In the precision the card and the measured values are written in, not the division's: a
         * planned 54.958904 % claims an accuracy no one measured.
         */
        private BigDecimal rounded(BigDecimal value) {
            int scale = values.stream().map(Measurement::value).mapToInt(BigDecimal::scale)
                    .reduce(Math.max(indicator.baseline().scale(), indicator.target().scale()), Math::max);
            return value.setScale(Math.max(0, scale), RoundingMode.HALF_UP);
        }
    }

    /** One goal with its indicators and the projects serving it that the viewer may see. */
    public record GoalAchievement(Goal goal, List<IndicatorAchievement> indicators, List<DigitalProject> projects) {
    }

    /**
     * Which goals: of these fields of action, in these statuses, with an indicator assessed so
     * (each empty for any).
     */
    public record Selection(Set<String> fieldKeys, Set<GoalStatus> statuses, Set<Assessment> assessments) {
        public static final Selection ALL = new Selection(Set.of(), Set.of(), Set.of());

        /** Read from the macro's or the request's parameters {@code field}, {@code status}, {@code assessment}. */
        public static Selection of(MacroParameters p) {
            return new Selection(new LinkedHashSet<>(p.list("field")), Set.copyOf(p.choices("status", GoalStatus.class)),
                    Set.copyOf(p.choices("assessment", Assessment.class)));
        }

        public Selection {
            fieldKeys = Set.copyOf(fieldKeys);
            statuses = Set.copyOf(statuses);
            assessments = Set.copyOf(assessments);
        }
    }

    /**
     * @param visibility what the viewer sees of the portfolio: the projects of a goal are those of
     *                   its Jira projects (a page says when some are still being checked)
     */
    public record Result(List<GoalAchievement> goals, Visibility visibility) {
    }

    private final GoalStore goals;
    private final Indicators indicators;
    private final Measurements measurements;
    private final ProjectStore projects;
    private final PageAccess pages;
    private final ProjectAccess projectAccess;

    public Achievements(GoalStore goals, Indicators indicators, Measurements measurements, ProjectStore projects,
                        PageAccess pages, ProjectAccess projectAccess) {
        this.goals = goals;
        this.indicators = indicators;
        this.measurements = measurements;
        this.projects = projects;
        this.pages = pages;
        this.projectAccess = projectAccess;
    }

    /** The selected goals, lowest number first, as the current viewer may see them on {@code today}. */
    public Result of(Selection selection, LocalDate today) {
        List<Goal> shown = goals.ofField(null, pages.viewable(goals.pageIds())).stream()
                .filter(g -> selection.fieldKeys().isEmpty() || selection.fieldKeys().contains(g.fieldOfAction()))
                .filter(g -> selection.statuses().isEmpty() || selection.statuses().contains(g.status()))
                .toList();
        Map<String, List<Indicator>> byGoal = indicators.ofGoals(shown.stream().map(Goal::number).toList(),
                pages.viewable(indicators.pageIds()));
        Map<String, List<Measurement>> values = measurements.of(byGoal.values().stream().flatMap(List::stream)
                .toList());
        Visibility visibility = projectAccess.visibility();
        Map<String, DigitalProject> visible = new LinkedHashMap<>();
        shown.stream().flatMap(g -> g.projectKeys().stream()).distinct()
                .filter(key -> visibility.projects().contains(IssueKey.projectOf(key)))
                .forEach(key -> projects.find(key).ifPresent(p -> visible.put(key, p)));
        List<GoalAchievement> result = new ArrayList<>();
        for (Goal goal : shown) {
            List<IndicatorAchievement> assessed = new ArrayList<>();
            for (Indicator i : byGoal.getOrDefault(goal.number(), List.of())) {
                List<Measurement> measured = values.getOrDefault(i.key(), List.of());
                List<Trajectory.Point> points = measured.stream()
                        .map(m -> new Trajectory.Point(m.date(), m.value())).toList();
                // Values are collected for goals the city pursues; a draft's, an achieved or dropped goal's are not due.
                CollectionDue due = goal.status().pursued() ? CollectionDue.of(i.rhythm(), i.baselineDate(),
                        measured.stream().map(Measurement::date).toList(), today) : null;
                assessed.add(new IndicatorAchievement(i, measured, Trajectory.of(i).assess(points, today), due));
            }
            if (!selection.assessments().isEmpty()
                    && assessed.stream().noneMatch(a -> selection.assessments().contains(a.assessment()))) {
                continue;
            }
            result.add(new GoalAchievement(goal, assessed, goal.projectKeys().stream().map(visible::get)
                    .filter(p -> p != null).toList()));
        }
        return new Result(result, visibility);
    }
}
