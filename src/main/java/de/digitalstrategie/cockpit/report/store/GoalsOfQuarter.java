package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.store.AuditLog;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.ReportSection;
import de.digitalstrategie.cockpit.report.ReportTable;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements.GoalAchievement;
import de.digitalstrategie.cockpit.strategy.rest.AchievementExport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strategy's goals and indicators with their assessment at the quarter's end (or today, for
 * the quarter still running): judged only by the values measured by then, as the achievement of
 * goals judges them on a day, and written as its export writes them. What the viewer may see of
 * goals, indicators and projects is decided by {@link Achievements} over the same request's viewer.
 * Only the goals adopted by the quarter's end, as their audit trail tells: a goal adopted later was
 * no goal of that quarter.
 */
public class GoalsOfQuarter implements ReportSection {
    private final Achievements achievements;
    private final OrganisationStore organisation;
    private final AuditLog audit;
    private final Clock clock;

    public GoalsOfQuarter(Achievements achievements, OrganisationStore organisation, AuditLog audit, Clock clock) {
        this.achievements = achievements;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "goals";
    }

    @Override
    public ReportTable table(Quarter quarter, Sight sight, Texts texts, ZoneId zone) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = quarter.last().isBefore(today) ? quarter.last() : today;
        Map<String, String> fields = new LinkedHashMap<>();
        organisation.fieldsOfAction().forEach(f -> fields.put(f.key(), f.name(texts.locale())));
        List<GoalAchievement> goals = achievements.of(Achievements.Selection.ALL, day).goals();
        Map<Long, List<AuditEntry>> trails = audit.histories(RecordKind.GOAL,
                goals.stream().map(g -> g.goal().id()).toList());
        Instant end = quarter.end(zone);
        return ReportTable.of(key(), AchievementExport.table(texts, fields, goals.stream()
                .filter(g -> adoptedBefore(trails.getOrDefault(g.goal().id(), List.of()), end)).toList()));
    }

    /**
     * Whether the goal's trail reached adoption before the moment: achieving and dropping come only
     * after it in the workflow, so either of them counts as well (a goal first recorded so too).
     */
    private static boolean adoptedBefore(List<AuditEntry> trail, Instant end) {
        return trail.stream().anyMatch(e -> e.at().isBefore(end) && e.to() != null
                && !GoalStatus.DRAFT.name().equals(e.to()));
    }
}
