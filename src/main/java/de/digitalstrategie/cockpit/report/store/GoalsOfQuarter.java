package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.ReportSection;
import de.digitalstrategie.cockpit.report.ReportTable;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements;
import de.digitalstrategie.cockpit.strategy.rest.AchievementExport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strategy's goals and indicators with their assessment at the quarter's end (or today, for
 * the quarter still running): judged only by the values measured by then, as the achievement of
 * goals judges them on a day, and written as its export writes them. What the viewer may see of
 * goals, indicators and projects is decided by {@link Achievements} over the same request's viewer.
 */
public class GoalsOfQuarter implements ReportSection {
    private final Achievements achievements;
    private final OrganisationStore organisation;
    private final Clock clock;

    public GoalsOfQuarter(Achievements achievements, OrganisationStore organisation, Clock clock) {
        this.achievements = achievements;
        this.organisation = organisation;
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
        return ReportTable.of(key(), AchievementExport.table(texts, fields,
                achievements.of(Achievements.Selection.ALL, day).goals()));
    }
}
