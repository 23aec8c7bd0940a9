package de.digitalstrategie.cockpit.strategy.achievement;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.strategy.Assessment;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The achievement of goals read from the real stores (goals and cards recorded from strategy pages
 * by the page sync, values and projects stored), on each database: what the viewer may not view or
 * see is left out, the selection narrows by field, status and assessment, each indicator is
 * assessed and a pursued goal's values are due. The viewer's pages and Jira projects are given at
 * the plugin's edge, as the host answers them.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class AchievementsTest {
    private static final long OPEN = 7001;
    private static final long CLOSED = 7002;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final StoreFixture store;
    private Set<Long> viewable = Set.of(OPEN, CLOSED);
    private Set<String> jiraProjects = Set.of("DIGI", "BAU");

    AchievementsTest(DatabaseTarget target) {
        store = StoreFixture.on(target);
        // The CDO's seat makes the page's saver the staff unit, whose goal statuses the sync takes.
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        store.committee.save(new Member("lenkungskreis", "cdo", "CDO", MemberRole.CDO, null, "", true));
        store.minutesPlaces.save(MinutesPlaces.STRATEGY, new Places(Set.of("STRAT"), Set.of()));
        store.projects.mirror(List.of(new ProjectStore.Mirrored(project("DIGI-1", 100_000_00L, 40_000_00L), "1"),
                new ProjectStore.Mirrored(project("DIGI-2", 50_000_00L, 0), "2"),
                new ProjectStore.Mirrored(project("BAU-7", 900_000_00L, 0), "3")));
        save(OPEN, goal("ZIEL-VERW-1", "3.4", "adopted", "DIGI-1, BAU-7")
                + card("VERW-1.1", "ZIEL-VERW-1", "20", "80", "quarterly")
                + card("VERW-1.2", "ZIEL-VERW-1", "50", "90", "yearly")
                + goal("ZIEL-VERW-2", "3.4", "draft", "DIGI-2")
                + card("VERW-2.1", "ZIEL-VERW-2", "0", "100", "monthly"));
        save(CLOSED, goal("ZIEL-MOB-1", "3.1", "adopted", "DIGI-1") + card("MOB-1.1", "ZIEL-MOB-1", "10", "50",
                "quarterly"));
        // 2025-01-01 to 2027-01-01 is 730 days; on 2026-09-30 (637 days) the line from 20 to 80 stands at 72.4.
        store.bean(Measurements.class).recordAll(List.of(row(1, "VERW-1.1", "2026-09-30", "73"),
                row(2, "VERW-1.2", "2025-06-30", "52"), row(3, "MOB-1.1", "2026-09-30", "12")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DigitalProject project(String key, long budget, long funding) {
        return new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY, TimeFrame.OPEN, budget, funding,
                ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER, "stab", "3.4", Instant.EPOCH);
    }

    private static String goal(String number, String field, String status, String projects) {
        return "<ac:structured-macro ac:name=\"strategy-goal\" ac:schema-version=\"1\" ac:macro-id=\"" + number + "\">"
                + "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Ziel " + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"field\">" + field + "</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">" + status + "</ac:parameter>"
                + "<ac:parameter ac:name=\"projects\">" + projects + "</ac:parameter></ac:structured-macro>";
    }

    private static String card(String key, String goal, String baseline, String target, String rhythm) {
        return "<ac:structured-macro ac:name=\"strategy-indicator\" ac:schema-version=\"1\" ac:macro-id=\"" + key + "\">"
                + "<ac:parameter ac:name=\"key\">" + key + "</ac:parameter>"
                + "<ac:parameter ac:name=\"goal\">" + goal + "</ac:parameter>"
                + "<ac:parameter ac:name=\"name\">Indikator " + key + "</ac:parameter>"
                + "<ac:parameter ac:name=\"direction\">higher-is-better</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline\">" + baseline + "</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline-date\">2025-01-01</ac:parameter>"
                + "<ac:parameter ac:name=\"target\">" + target + "</ac:parameter>"
                + "<ac:parameter ac:name=\"target-date\">2027-01-01</ac:parameter>"
                + "<ac:parameter ac:name=\"responsible\">Stabsabteilung</ac:parameter>"
                + "<ac:parameter ac:name=\"rhythm\">" + rhythm + "</ac:parameter></ac:structured-macro>";
    }

    private void save(long page, String body) {
        assertTrue(store.minutesSync.pageSaved(new MinutesPage(page, 1, "STRAT", "Ziele " + page, body, List.of(),
                "cdo")).clean());
    }

    private static Measurements.Row row(int line, String key, String date, String value) {
        return new Measurements.Row(line, new Measurement(key, new BigDecimal(value), LocalDate.parse(date), "", "",
                "cdo", Instant.EPOCH));
    }

    private Achievements achievements() {
        PageAccess pages = new PageAccess() {
            @Override
            public Set<Long> viewable(Collection<Long> pageIds) {
                Set<Long> seen = new HashSet<>(pageIds);
                seen.retainAll(viewable);
                return seen;
            }

            @Override
            public Set<Long> publiclyViewable(Collection<Long> pageIds) {
                return Set.of();
            }

            @Override
            public Set<Long> viewableBy(String userKey, Collection<Long> pageIds) {
                return Set.of();
            }

            @Override
            public boolean isActive(String userKey) {
                return true;
            }
        };
        return new Achievements(store.bean(GoalStore.class), store.bean(Indicators.class),
                store.bean(Measurements.class), store.projects, pages, () -> new Visibility(jiraProjects, 0));
    }

    private Map<String, Achievements.GoalAchievement> read(Achievements.Selection selection) {
        return achievements().of(selection, TODAY).goals().stream()
                .collect(Collectors.toMap(g -> g.goal().number(), g -> g, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void eachIndicatorIsAssessedAndAPursuedGoalsValuesAreDue() {
        Map<String, Achievements.GoalAchievement> all = read(Achievements.Selection.ALL);
        assertEquals(List.of("ZIEL-MOB-1", "ZIEL-VERW-1", "ZIEL-VERW-2"), List.copyOf(all.keySet()));
        List<Achievements.IndicatorAchievement> verw = all.get("ZIEL-VERW-1").indicators();
        assertEquals(List.of("VERW-1.1", "VERW-1.2"), verw.stream().map(a -> a.indicator().key()).toList());
        assertEquals(Assessment.ON_TRACK, verw.get(0).assessment());
        assertEquals(new BigDecimal("72"), verw.get(0).planned(), "the plan in the card's precision");
        assertEquals(Assessment.AT_RISK, verw.get(1).assessment(), "52 in June 2025 against a line at 59.9");
        assertTrue(verw.get(1).overdue(), "yearly from June 2025: due in June 2026");
        assertEquals(LocalDate.of(2026, 12, 30), verw.get(0).due().nextDue());
        Achievements.IndicatorAchievement draft = all.get("ZIEL-VERW-2").indicators().get(0);
        assertEquals(Assessment.NO_DATA, draft.assessment());
        assertNull(draft.due(), "a draft's values are not due");
        assertEquals(Assessment.OFF_TRACK, all.get("ZIEL-MOB-1").indicators().get(0).assessment());
    }

    @Test
    void whatTheViewerMayNotViewOrSeeIsLeftOut() {
        assertEquals(Set.of("DIGI-1", "BAU-7"), read(Achievements.Selection.ALL).get("ZIEL-VERW-1").projects()
                .stream().map(DigitalProject::issueKey).collect(Collectors.toSet()));
        viewable = Set.of(OPEN);
        jiraProjects = Set.of("DIGI");
        Map<String, Achievements.GoalAchievement> seen = read(Achievements.Selection.ALL);
        assertEquals(Set.of("ZIEL-VERW-1", "ZIEL-VERW-2"), seen.keySet(), "not the goal on the closed page");
        assertEquals(List.of("DIGI-1"), seen.get("ZIEL-VERW-1").projects().stream().map(DigitalProject::issueKey)
                .toList(), "not the project of a Jira project the viewer may not browse");
        viewable = Set.of();
        jiraProjects = Set.of();
        assertTrue(read(Achievements.Selection.ALL).isEmpty());
    }

    @Test
    void theSelectionNarrowsByFieldStatusAndAssessment() {
        assertEquals(Set.of("ZIEL-MOB-1"), read(new Achievements.Selection(Set.of("3.1"), Set.of(), Set.of()))
                .keySet());
        assertEquals(Set.of("ZIEL-VERW-2"), read(new Achievements.Selection(Set.of(), Set.of(GoalStatus.DRAFT),
                Set.of())).keySet());
        assertEquals(Set.of("ZIEL-MOB-1"), read(new Achievements.Selection(Set.of(), Set.of(),
                Set.of(Assessment.OFF_TRACK))).keySet());
        Map<String, Achievements.GoalAchievement> behind = read(new Achievements.Selection(Set.of(), Set.of(),
                Set.of(Assessment.OFF_TRACK, Assessment.AT_RISK)));
        assertEquals(Set.of("ZIEL-MOB-1", "ZIEL-VERW-1"), behind.keySet());
        assertEquals(2, behind.get("ZIEL-VERW-1").indicators().size(), "a goal shown keeps all its indicators");
        assertEquals(Set.of(), read(new Achievements.Selection(Set.of("3.1"), Set.of(), Set.of(Assessment.NO_DATA)))
                .keySet());
    }
}
