package de.digitalstrategie.cockpit.strategy.rest;

import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Values;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The achievement of goals as a table for CSV and XLSX: one row per indicator (a goal without any
 * has one row of its own), with its goal and the sums of the projects serving the goal, in the
 * reader's language. Values are written as the reader writes numbers, in their precision: the
 * export kernel has no decimal cells, and a value must not gain digits on its way to the council.
 */
public final class AchievementExport {
    private AchievementExport() {
    }

    public static ExportTable table(Texts t, Map<String, String> fieldNames,
                                    List<Achievements.GoalAchievement> goals) {
        List<ExportColumn> columns = List.of(
                new ExportColumn(t.plain("cockpit.portfolio.column.field"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.goal"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.goal-title"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.filter.status"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.indicator"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.name"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.unit"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.baseline"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.baseline-date"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.strategy.column.target"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.target-date"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.strategy.column.latest"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.latest-date"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.strategy.column.planned"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.assessment"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.column.due"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.portfolio.overdue"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.strategy.projects"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.budget"), ColumnType.MONEY_CENTS),
                new ExportColumn(t.plain("cockpit.portfolio.column.funding"), ColumnType.MONEY_CENTS));
        String yes = t.plain("cockpit.export.yes");
        String no = t.plain("cockpit.export.no");
        return new ExportTable(t.plain("cockpit.strategy.heading"), columns, row -> {
            for (Achievements.GoalAchievement g : goals) {
                Goal goal = g.goal();
                String projects = g.projects().stream().map(DigitalProject::issueKey).collect(Collectors.joining(", "));
                long budget = g.projects().stream().mapToLong(DigitalProject::budgetCents).sum();
                long funding = g.projects().stream().mapToLong(DigitalProject::fundingCents).sum();
                List<Object> head = Arrays.asList(fieldNames.getOrDefault(goal.fieldOfAction(), goal.fieldOfAction()),
                        goal.number(), goal.title(), t.plain(goal.status()));
                if (g.indicators().isEmpty()) {
                    row.accept(concat(head, Arrays.asList(null, null, null, null, null, null, null, null, null, null,
                            null, null, null), projects, budget, funding));
                }
                for (Achievements.IndicatorAchievement a : g.indicators()) {
                    Indicator i = a.indicator();
                    var latest = a.verdict().latest();
                    row.accept(concat(head, Arrays.asList(i.key(), i.name(), i.unit(), number(i.baseline(), t),
                            i.baselineDate(), number(i.target(), t), i.targetDate(),
                            latest == null ? null : number(latest.value(), t), latest == null ? null : latest.date(),
                            a.planned() == null ? null : number(a.planned(), t), t.plain(a.assessment()),
                            a.due() == null ? null : a.due().nextDue(), a.overdue() ? yes : no), projects, budget,
                            funding));
                }
            }
        });
    }

    private static List<Object> concat(List<Object> head, List<Object> indicator, String projects, long budget,
                                       long funding) {
        List<Object> all = new java.util.ArrayList<>(head);
        all.addAll(indicator);
        all.addAll(Arrays.asList(projects, budget, funding));
        return all;
    }

    private static String number(BigDecimal value, Texts t) {
        return Values.format(value, t.locale());
    }
}
