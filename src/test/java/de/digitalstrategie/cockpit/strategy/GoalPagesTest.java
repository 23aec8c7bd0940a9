package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.minutes.sync.SyncReport;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Goals and indicator cards recorded from strategy pages by the same sync as minutes: only from the
 * strategy places, with no meeting, and a goal's status changed from its page only by the staff
 * unit, as over REST.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class GoalPagesTest {
    static final long PAGE = 6001;
    static final String CDO = "cdo";
    static final String EDITOR = "mitarbeiterin";
    private final StoreFixture store;
    private final GoalStore goals;
    private final Indicators indicators;

    GoalPagesTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        store.committee.save(new Member("lenkungskreis", CDO, "CDO", MemberRole.CDO, null, "", true));
        store.minutesPlaces.save("lenkungskreis", new Places(Set.of("LK"), Set.of()));
        this.goals = store.bean(GoalStore.class);
        this.indicators = store.bean(Indicators.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String goal(String id, String number, String status, String extra) {
        return "<ac:structured-macro ac:name=\"strategy-goal\" ac:schema-version=\"1\" ac:macro-id=\"" + id + "\">"
                + "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Mehr Fahrgäste im ÖPNV</ac:parameter>"
                + "<ac:parameter ac:name=\"field\">3.1</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">" + status + "</ac:parameter>"
                + "<ac:parameter ac:name=\"projects\">DIGI-4</ac:parameter>"
                + "<ac:parameter ac:name=\"decisions\">LK-2026-07, LK-2026-09</ac:parameter>" + extra
                + "<ac:rich-text-body><p>Der Anteil des ÖPNV am Verkehr steigt.</p></ac:rich-text-body>"
                + "</ac:structured-macro>";
    }

    static String indicator(String id, String key, String goal, String baseline) {
        return "<ac:structured-macro ac:name=\"strategy-indicator\" ac:schema-version=\"1\" ac:macro-id=\"" + id + "\">"
                + "<ac:parameter ac:name=\"key\">" + key + "</ac:parameter>"
                + "<ac:parameter ac:name=\"goal\">" + goal + "</ac:parameter>"
                + "<ac:parameter ac:name=\"name\">Fahrgäste pro Jahr</ac:parameter>"
                + "<ac:parameter ac:name=\"unit\">Mio.</ac:parameter>"
                + "<ac:parameter ac:name=\"direction\">higher-is-better</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline\">" + baseline + "</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline-date\">2023-12-31</ac:parameter>"
                + "<ac:parameter ac:name=\"target\">10</ac:parameter>"
                + "<ac:parameter ac:name=\"target-date\">2030-12-31</ac:parameter>"
                + "<ac:parameter ac:name=\"responsible\">Mobilität</ac:parameter>"
                + "<ac:parameter ac:name=\"rhythm\">yearly</ac:parameter>"
                + "</ac:structured-macro>";
    }

    private SyncReport save(int version, String space, String body, String editor) {
        return store.minutesSync.pageSaved(new MinutesPage(PAGE, version, space, "Handlungsfeld Mobilität",
                "<h1>Ziele</h1>" + body, List.of(), editor));
    }

    @Test
    void aGoalPageInTheStrategyPlacesRecordsGoalsAndCardsWithoutAMeeting() {
        SyncReport outside = save(1, "STRAT", goal("g1", "ZIEL-MOB-1", "adopted", "")
                + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "8,2"), CDO);
        assertEquals(List.of("cockpit.places.none.strategy"), outside.problems().stream().map(Message::key).toList());
        assertTrue(goals.all().isEmpty());

        store.minutesPlaces.save(MinutesPlaces.STRATEGY, new Places(Set.of("STRAT"), Set.of()));
        SyncReport first = save(2, "STRAT", goal("g1", "ZIEL-MOB-1", "adopted", "")
                + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "8,2"), CDO);
        assertTrue(first.clean(), first.toString());
        Goal g = goals.all().get(0);
        assertEquals(GoalStatus.ADOPTED, g.status());
        assertEquals(List.of("LK-2026-07", "LK-2026-09"), g.decisions());
        assertEquals(0, g.meetingId());
        assertTrue(store.committee.meetingByPage(PAGE).isEmpty(), "no meeting is made for a strategy page");
        Indicator card = indicators.find("MOB-1.1", Set.of(PAGE)).orElseThrow();
        assertEquals(new BigDecimal("8.2"), card.baseline());

        SyncReport moved = save(3, "STRAT", goal("g1", "ZIEL-MOB-1", "dropped", "") + indicator("i1", "MOB-1.1",
                "ZIEL-MOB-1", "8,2"), EDITOR);
        assertEquals(1, moved.refused(), "a page saved without the role does not drop a goal");
        assertEquals(GoalStatus.ADOPTED, goals.find(g.id()).orElseThrow().status());

        SyncReport noReason = save(4, "STRAT", goal("g1", "ZIEL-MOB-1", "dropped", ""), CDO);
        assertEquals(1, noReason.refused(), "dropping needs a reason");
        assertTrue(indicators.find("MOB-1.1", Set.of(PAGE)).isEmpty(), "a card whose macro left is withdrawn");
        SyncReport dropped = save(5, "STRAT", goal("g1", "ZIEL-MOB-1", "dropped",
                "<ac:parameter ac:name=\"reason\">Vom Rat ersetzt</ac:parameter>"), CDO);
        assertTrue(dropped.clean(), dropped.toString());
        assertEquals("Vom Rat ersetzt", goals.find(g.id()).orElseThrow().reason());
        assertEquals(GoalStatus.DROPPED, goals.find(g.id()).orElseThrow().status());

        store.minutesSync.pageTrashed(new PageLocation(PAGE, "STRAT", List.of()));
        assertTrue(goals.find(g.id()).orElseThrow().withdrawn());
    }

    @Test
    void aGoalMacroOnAMinutesPageRecordsNothingAndABadCardKeepsWhatWasRecorded() {
        store.minutesPlaces.save(MinutesPlaces.STRATEGY, new Places(Set.of("STRAT"), Set.of()));
        SyncReport onMinutes = save(1, "LK", goal("g1", "ZIEL-MOB-1", "draft", ""), CDO);
        assertEquals(List.of("cockpit.places.outside.strategy"),
                onMinutes.problems().stream().map(Message::key).toList());
        assertTrue(goals.all().isEmpty());

        save(2, "STRAT", goal("g1", "ZIEL-MOB-1", "draft", "") + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "8,2"), CDO);
        SyncReport bad = save(3, "STRAT", goal("g1", "ZIEL-MOB-1", "draft", "")
                + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "acht"), CDO);
        assertFalse(bad.clean());
        assertEquals(new BigDecimal("8.2"), indicators.find("MOB-1.1", Set.of(PAGE)).orElseThrow().baseline());
    }

    @Test
    void aCardsDefinitionChangedWithoutTheRoleIsRefusedLikeAGoalsStatus() {
        store.minutesPlaces.save(MinutesPlaces.STRATEGY, new Places(Set.of("STRAT"), Set.of()));
        SyncReport created = save(1, "STRAT", goal("g1", "ZIEL-MOB-1", "draft", "")
                + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "8,2"), EDITOR);
        assertTrue(created.clean(), "a new card is recorded whoever saves it, as a goal is: " + created);

        SyncReport byEditor = save(2, "STRAT", goal("g1", "ZIEL-MOB-1", "draft", "")
                + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "5"), EDITOR);
        assertEquals(1, byEditor.refused(), byEditor.toString());
        assertEquals(List.of(Message.of("cockpit.sync.error.indicator-definition", "MOB-1.1",
                Message.of(Indicators.NO_ROLE))), byEditor.problems());
        assertEquals(new BigDecimal("8.2"), indicators.find("MOB-1.1", Set.of(PAGE)).orElseThrow().baseline());

        SyncReport byStaff = save(3, "STRAT", goal("g1", "ZIEL-MOB-1", "draft", "")
                + indicator("i1", "MOB-1.1", "ZIEL-MOB-1", "5"), CDO);
        assertTrue(byStaff.clean(), byStaff.toString());
        assertEquals(new BigDecimal("5"), indicators.find("MOB-1.1", Set.of(PAGE)).orElseThrow().baseline());
    }
}
