package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Goals on the register's kernel, their indicators and measured values, on a real database. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class GoalStoreTest {
    static final PageRef MOBILITY = new PageRef(5001, 1, "STRAT", "Handlungsfeld Mobilität");
    static final PageRef RESTRICTED = new PageRef(5002, 1, "STRAT", "Handlungsfeld Verwaltung (Entwurf)");
    private final StoreFixture store;
    private final GoalStore goals;
    private final Indicators indicators;
    private final Measurements measurements;

    GoalStoreTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        this.goals = store.bean(GoalStore.class);
        this.indicators = store.bean(Indicators.class);
        this.measurements = store.bean(Measurements.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Goal goal(String macroId, String number, String field, PageRef page) {
        return new Goal(0, macroId, number, "Mehr Fahrgäste im ÖPNV", field, "Der Anteil des ÖPNV steigt.",
                GoalStatus.DRAFT, "", List.of("DIGI-4"), List.of("LK-2026-07"), page, false, true);
    }

    static Indicator indicator(String macroId, String key, String goal, PageRef page) {
        return new Indicator(0, macroId, key, goal, "Fahrgäste pro Jahr", "Fahrgäste der Stadtbusse",
                "Zeigt, ob das Angebot angenommen wird", "Mio.", Direction.HIGHER_IS_BETTER, new BigDecimal("8.2"),
                LocalDate.of(2023, 12, 31), new BigDecimal("10"), LocalDate.of(2030, 12, 31), "Verkehrsbetriebe",
                "Mobilität", Rhythm.YEARLY, page, false);
    }

    @Test
    void aGoalGoesThroughItsWorkflowWithReasonsAndAnAuditTrail() {
        Goal g = goals.record(goal("g-1", "ZIEL-MOB-1", "3.1", MOBILITY), "page:5001/v1");
        assertEquals(GoalStatus.DRAFT, g.status());
        assertEquals(List.of("LK-2026-07"), g.decisions());
        assertEquals(List.of("DIGI-4"), g.projectKeys());
        assertEquals(0, g.meetingId());
        goals.changeStatus(g.id(), GoalStatus.ADOPTED, "cdo", "");
        assertThrows(IllegalTransitionException.class, () -> goals.changeStatus(g.id(), GoalStatus.DROPPED, "cdo", " "));
        Goal dropped = goals.changeStatus(g.id(), GoalStatus.DROPPED, "cdo", "Vom Rat durch ZIEL-MOB-2 ersetzt");
        assertEquals("Vom Rat durch ZIEL-MOB-2 ersetzt", dropped.reason());
        assertThrows(IllegalTransitionException.class, () -> goals.changeStatus(g.id(), GoalStatus.ADOPTED, "cdo", ""));
        assertEquals(3, goals.history(g.id()).size());
        assertEquals(dropped, goals.find(g.id()).orElseThrow());
    }

    @Test
    void aFieldOfActionGivesAllItsGoalsBeyondAPageOfTheRegister() {
        int many = PageRequest.MAX_LIMIT + 7;
        for (int n = many; n >= 1; n--) {
            goals.record(goal("g-" + n, "ZIEL-MOB-" + n, "3.1", MOBILITY), "page:5001/v1");
        }
        goals.record(goal("g-v", "ZIEL-VER-1", "3.4", MOBILITY), "page:5001/v1");
        goals.record(goal("g-r", "ZIEL-MOB-0", "3.1", RESTRICTED), "page:5002/v1");
        Set<Long> viewable = Set.of(MOBILITY.pageId());
        List<String> numbers = goals.ofField("3.1", viewable).stream().map(Goal::number).toList();
        assertEquals(many, numbers.size());
        assertEquals(numbers.stream().sorted().toList(), numbers, "lowest number first");
        assertTrue(numbers.contains("ZIEL-MOB-1") && numbers.contains("ZIEL-MOB-" + many));
        assertEquals(many + 1, goals.ofField(null, viewable).size());
        assertEquals(many + 2, goals.ofField(null, Set.of(MOBILITY.pageId(), RESTRICTED.pageId())).size());
    }

    @Test
    void goalsIndicatorsAndValuesAreReadOnlyFromPagesTheViewerMaySee() {
        goals.record(goal("g-1", "ZIEL-MOB-1", "3.1", MOBILITY), "page:5001/v1");
        goals.record(goal("g-2", "ZIEL-VER-1", "3.4", RESTRICTED), "page:5002/v1");
        indicators.applyPage(MOBILITY.pageId(), List.of(indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY)), true);
        indicators.applyPage(RESTRICTED.pageId(), List.of(indicator("i-2", "VER-1.1", "ZIEL-VER-1", RESTRICTED)), true);
        assertEquals(List.of(5001L, 5002L), goals.pageIds());
        Set<Long> viewable = Set.of(MOBILITY.pageId());
        assertEquals(List.of("ZIEL-MOB-1"), goals.ofField(null, viewable).stream().map(Goal::number).toList());
        assertEquals(List.of(), goals.ofField("3.4", viewable));
        Map<String, List<Indicator>> of = indicators.ofGoals(List.of("ZIEL-MOB-1", "ZIEL-VER-1"), viewable);
        assertEquals(Set.of("ZIEL-MOB-1"), of.keySet());
        assertTrue(indicators.find("VER-1.1", viewable).isEmpty());
        Indicator mob = indicators.find("MOB-1.1", viewable).orElseThrow();
        assertEquals(new BigDecimal("8.2"), mob.baseline());
        assertEquals(Rhythm.YEARLY, mob.rhythm());
    }

    @Test
    void aValuePerIndicatorAndDayAndAFileWholeOrNotAtAll() {
        Indicator mob = indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY);
        indicators.applyPage(MOBILITY.pageId(), List.of(mob), true);
        Instant at = Instant.parse("2026-11-27T09:00:00Z");
        measurements.record(new Measurement("MOB-1.1", new BigDecimal("8.6"), LocalDate.of(2024, 12, 31),
                "Jahresbericht", "", "leitung-mobilitaet", at));
        MeasurementsRefused refused = assertThrows(MeasurementsRefused.class, () -> measurements.recordAll(List.of(
                new Measurements.Row(2, new Measurement("MOB-1.1", new BigDecimal("9.1"), LocalDate.of(2025, 12, 31),
                        "", "", "cdo", at)),
                new Measurements.Row(3, new Measurement("MOB-1.1", new BigDecimal("8.7"), LocalDate.of(2024, 12, 31),
                        "", "", "cdo", at)))));
        assertEquals(List.of(3), refused.problems().stream().map(RowProblem::line).toList());
        assertEquals(1, measurements.count());
        Map<String, List<Measurement>> values = measurements.of(indicators.byKeys(List.of("MOB-1.1"),
                Set.of(MOBILITY.pageId())).values());
        assertEquals(List.of(new BigDecimal("8.6")), values.get("MOB-1.1").stream().map(Measurement::value).toList());
    }

    @Test
    void anIndicatorWhoseMacroLeftThePageIsWithdrawnAndAKeyBelongsToOnePage() {
        indicators.applyPage(MOBILITY.pageId(), List.of(indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY),
                indicator("i-2", "MOB-1.2", "ZIEL-MOB-1", MOBILITY)), true);
        indicators.applyPage(MOBILITY.pageId(), List.of(indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY)), true);
        assertEquals(List.of("MOB-1.1"), indicators.ofGoals(List.of("ZIEL-MOB-1"), Set.of(MOBILITY.pageId()))
                .get("ZIEL-MOB-1").stream().map(Indicator::key).toList());
        assertEquals(List.of(Message.of("cockpit.sync.error.indicator-key", "MOB-1.1")),
                indicators.applyPage(RESTRICTED.pageId(),
                        List.of(indicator("i-3", "MOB-1.1", "ZIEL-VER-1", RESTRICTED)), true));
        assertTrue(indicators.ofPage(RESTRICTED.pageId()).isEmpty());
    }

    @Test
    void aWithdrawnCardLeavesItsKeyFreeAndMovesWithItsValues() {
        indicators.applyPage(MOBILITY.pageId(), List.of(indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY)), true);
        measurements.record(new Measurement("MOB-1.1", new BigDecimal("8.6"), LocalDate.of(2024, 12, 31),
                "Jahresbericht", "", "leitung-mobilitaet", Instant.parse("2026-11-27T09:00:00Z")));
        indicators.applyPage(MOBILITY.pageId(), List.of(), true);
        // Cut from one page and pasted into another: a new macro id, the same key.
        assertEquals(List.of(), indicators.applyPage(RESTRICTED.pageId(),
                List.of(indicator("i-9", "MOB-1.1", "ZIEL-MOB-1", RESTRICTED)), true));
        Indicator moved = indicators.find("MOB-1.1", Set.of(RESTRICTED.pageId())).orElseThrow();
        assertEquals(RESTRICTED.pageId(), moved.page().pageId());
        assertTrue(indicators.find("MOB-1.1", Set.of(MOBILITY.pageId())).isEmpty());
        assertEquals(1, indicators.ofPage(RESTRICTED.pageId()).size() + indicators.ofPage(MOBILITY.pageId()).size(),
                "one indicator, moved: not a second one beside the withdrawn");
        assertEquals(List.of(new BigDecimal("8.6")), measurements.of(List.of(moved)).get("MOB-1.1").stream()
                .map(Measurement::value).toList());
    }

    @Test
    void twoCardsWithOneKeyOnAPageAreRefusedAfterTheFirst() {
        Indicator first = indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY);
        Indicator second = new Indicator(0, "i-2", "MOB-1.1", "ZIEL-MOB-1", "Zweite Karte", "", "", "Mio.",
                Direction.LOWER_IS_BETTER, BigDecimal.ONE, LocalDate.of(2023, 12, 31), BigDecimal.ZERO,
                LocalDate.of(2030, 12, 31), "", "Finanzen", Rhythm.MONTHLY, MOBILITY, false);
        assertEquals(List.of(Message.of("cockpit.sync.error.indicator-duplicate", "MOB-1.1")),
                indicators.applyPage(MOBILITY.pageId(), List.of(first, second), true));
        assertEquals(1, indicators.ofPage(MOBILITY.pageId()).size());
        Indicator kept = indicators.find("MOB-1.1", Set.of(MOBILITY.pageId())).orElseThrow();
        assertEquals("Mobilität", kept.responsibleUnit());
        assertEquals(Direction.HIGHER_IS_BETTER, kept.direction());
    }

    @Test
    void aCardsDefinitionChangesOnlyBySomeoneWhoMayChangeGoals() {
        indicators.applyPage(MOBILITY.pageId(), List.of(indicator("i-1", "MOB-1.1", "ZIEL-MOB-1", MOBILITY)), false);
        Indicator created = indicators.find("MOB-1.1", Set.of(MOBILITY.pageId())).orElseThrow();
        assertEquals("Mobilität", created.responsibleUnit(), "a new key is recorded as its page says, as a goal is");

        Indicator claimed = new Indicator(0, "i-1", "MOB-1.1", "ZIEL-MOB-1", "Fahrgäste im Jahr", "", "Neu begründet",
                "Mio.", Direction.HIGHER_IS_BETTER, new BigDecimal("8.2"), LocalDate.of(2023, 12, 31),
                new BigDecimal("9"), LocalDate.of(2030, 12, 31), "Verkehrsbetriebe", "Finanzen", Rhythm.YEARLY,
                MOBILITY, false);
        assertEquals(List.of(Message.of("cockpit.sync.error.indicator-definition", "MOB-1.1",
                        Message.of(Indicators.NO_ROLE))),
                indicators.applyPage(MOBILITY.pageId(), List.of(claimed), false));
        Indicator kept = indicators.find("MOB-1.1", Set.of(MOBILITY.pageId())).orElseThrow();
        assertEquals("Mobilität", kept.responsibleUnit());
        assertEquals(0, new BigDecimal("10").compareTo(kept.target()));
        assertEquals("Fahrgäste im Jahr", kept.name(), "the card's texts are free");
        assertEquals("Neu begründet", kept.rationale());

        // Removed and put back (a new macro id), it is the same indicator: the rule holds.
        indicators.applyPage(MOBILITY.pageId(), List.of(), false);
        Indicator putBack = new Indicator(0, "i-7", "MOB-1.1", "ZIEL-MOB-1", "Fahrgäste im Jahr", "", "", "Mio.",
                Direction.HIGHER_IS_BETTER, new BigDecimal("8.2"), LocalDate.of(2023, 12, 31), new BigDecimal("9"),
                LocalDate.of(2030, 12, 31), "", "Finanzen", Rhythm.YEARLY, MOBILITY, false);
        assertEquals(1, indicators.applyPage(MOBILITY.pageId(), List.of(putBack), false).size());
        assertEquals("Mobilität", indicators.find("MOB-1.1", Set.of(MOBILITY.pageId())).orElseThrow()
                .responsibleUnit());

        // Moved to another page, its values would be seen by that page's viewers: the staff unit's call.
        indicators.applyPage(MOBILITY.pageId(), List.of(), false);
        Indicator moved = new Indicator(0, "i-8", "MOB-1.1", "ZIEL-MOB-1", "Fahrgäste pro Jahr", "", "", "Mio.",
                Direction.HIGHER_IS_BETTER, new BigDecimal("8.2"), LocalDate.of(2023, 12, 31), new BigDecimal("10"),
                LocalDate.of(2030, 12, 31), "", "Mobilität", Rhythm.YEARLY, RESTRICTED, false);
        assertEquals(List.of(Message.of("cockpit.sync.error.indicator-move", "MOB-1.1", Message.of(Indicators.NO_ROLE))),
                indicators.applyPage(RESTRICTED.pageId(), List.of(moved), false));
        assertTrue(indicators.ofPage(RESTRICTED.pageId()).isEmpty());
        assertTrue(indicators.elsewhere("MOB-1.1", RESTRICTED.pageId()).orElseThrow().withdrawn());

        assertEquals(List.of(), indicators.applyPage(MOBILITY.pageId(), List.of(claimed), true));
        Indicator changed = indicators.find("MOB-1.1", Set.of(MOBILITY.pageId())).orElseThrow();
        assertEquals("Finanzen", changed.responsibleUnit());
        assertEquals(0, new BigDecimal("9").compareTo(changed.target()));
    }

    /**
     * A goal lies on a strategy page, whose id may fall between minutes pages: pages checked from
     * the minutes pages must not let it through (they did: the filter named only the hidden pages
     * within the checked pages' range), nor a decision on a page that minutes no meeting. The
     * register's own pages cover its records and may be filtered by the hidden ones.
     */
    @Test
    void aRecordOnAPageBetweenTheCheckedPagesIsNotShown() {
        List<Long> minutes = List.of(100L, 101L, 103L);
        for (long page : minutes) {
            store.decisions.record(decision("d" + page, "LK-" + page, page), "s");
        }
        store.decisions.record(decision("d102", "LK-102", 102), "s");
        goals.record(goal("g-1", "ZIEL-MOB-1", "3.1", new PageRef(102, 1, "STRAT", "Mobilität")), "s");
        var all = new de.digitalstrategie.cockpit.register.RegisterQuery<GoalStatus, GoalCriteria, GoalSort>(
                de.digitalstrategie.cockpit.register.RegisterFilter.all(), GoalSort.NUMBER,
                de.digitalstrategie.cockpit.query.SortOrder.ASC, new de.digitalstrategie.cockpit.query.PageRequest(0, 10));
        var byMinutes = de.digitalstrategie.cockpit.query.ViewablePages.of(minutes, id -> true);
        assertEquals(0, goals.query(all, byMinutes).page().total());
        assertTrue(goals.one(goals.all().get(0).id(), byMinutes).isEmpty());
        var decisions = new de.digitalstrategie.cockpit.register.RegisterQuery<>(
                de.digitalstrategie.cockpit.register.RegisterFilter.<de.digitalstrategie.cockpit.decision.DecisionStatus,
                        de.digitalstrategie.cockpit.decision.DecisionCriteria>all(),
                de.digitalstrategie.cockpit.decision.DecisionSort.NUMBER, de.digitalstrategie.cockpit.query.SortOrder.ASC,
                new de.digitalstrategie.cockpit.query.PageRequest(0, 10));
        assertEquals(List.of("LK-100", "LK-101", "LK-103"), store.decisions.query(decisions, byMinutes).page().items()
                .stream().map(de.digitalstrategie.cockpit.decision.Decision::number).toList());

        assertEquals(List.of(100L, 101L, 102L, 103L), store.decisions.pageIds());
        assertEquals(4, store.decisions.query(decisions, de.digitalstrategie.cockpit.query.ViewablePages.of(
                store.decisions.pageIds(), id -> true)).page().total());
        assertEquals(List.of(102L), goals.pageIds());
        assertEquals(1, goals.query(all, de.digitalstrategie.cockpit.query.ViewablePages.of(goals.pageIds(),
                id -> true)).page().total());
        assertEquals(0, goals.query(all, de.digitalstrategie.cockpit.query.ViewablePages.of(goals.pageIds(),
                id -> id != 102)).page().total());
    }

    private static de.digitalstrategie.cockpit.decision.Decision decision(String macroId, String number, long page) {
        return new de.digitalstrategie.cockpit.decision.Decision(0, macroId, number, "Beschluss " + number, "",
                de.digitalstrategie.cockpit.decision.DecisionStatus.PROPOSED, null, 0, 0, List.of(), "", null, "",
                new PageRef(page, 1, "LK", "Sitzung " + page), false, true);
    }
}
