package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.strategy.Trajectory.Point;
import de.digitalstrategie.cockpit.strategy.Trajectory.Trend;
import de.digitalstrategie.cockpit.strategy.Trajectory.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrajectoryTest {
    private static final LocalDate BASELINE = LocalDate.of(2026, 1, 1);
    /** 100 days after the baseline, so that the line's value on day n is 20 + 0.4 n. */
    private static final LocalDate TARGET = LocalDate.of(2026, 4, 11);
    private static final LocalDate DAY_50 = BASELINE.plusDays(50);
    /** From 20 to 60, higher is better: the planned change is 40, 10 % of it 4, 25 % of it 10. */
    private static final Trajectory UP = new Trajectory(dec("20"), BASELINE, dec("60"), TARGET,
            Direction.HIGHER_IS_BETTER);

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static Point at(LocalDate day, String value) {
        return new Point(day, dec(value));
    }

    private static Assessment assess(Trajectory t, LocalDate today, Point... values) {
        return t.assess(List.of(values), today).assessment();
    }

    @Test
    void theLineRunsFromBaselineToTargetAndStaysThere() {
        assertEquals(0, dec("20").compareTo(UP.expectedAt(BASELINE.minusYears(1))));
        assertEquals(0, dec("20").compareTo(UP.expectedAt(BASELINE)));
        assertEquals(0, dec("40").compareTo(UP.expectedAt(DAY_50)));
        assertEquals(0, dec("60").compareTo(UP.expectedAt(TARGET)));
        assertEquals(0, dec("60").compareTo(UP.expectedAt(TARGET.plusYears(3))));
    }

    @Test
    void theIndicatorCardPlansTheCourse() {
        Indicator card = new Indicator(1, "m1", "MOB-1.1", "ZIEL-MOB-1", "Anteil E-Ladepunkte", "", "", "%",
                Direction.LOWER_IS_BETTER, dec("30"), BASELINE, dec("10"), TARGET, "Demowert", "Tiefbauamt",
                Rhythm.QUARTERLY, null, false);
        assertEquals(new Trajectory(dec("30"), BASELINE, dec("10"), TARGET, Direction.LOWER_IS_BETTER),
                Trajectory.of(card));
    }

    @Test
    void withoutValuesThereIsNoData() {
        Verdict v = UP.assess(List.of(), DAY_50);
        assertEquals(Assessment.NO_DATA, v.assessment());
        assertNull(v.latest());
        assertNull(v.expected());
        assertNull(v.trend());
        assertFalse(v.targetReached());
    }

    @Test
    void valuesOnlyBeforeTheBaselineAreNoData() {
        assertEquals(Assessment.NO_DATA, assess(UP, DAY_50, at(BASELINE.minusDays(1), "90"),
                at(BASELINE.minusYears(2), "10")));
    }

    @Test
    void valuesAfterTodayDoNotCountYet() {
        assertEquals(Assessment.NO_DATA, assess(UP, DAY_50, at(DAY_50.plusDays(1), "60")));
        Verdict v = UP.assess(List.of(at(DAY_50, "40"), at(DAY_50.plusDays(1), "10")), DAY_50);
        assertEquals(Assessment.ON_TRACK, v.assessment());
        assertEquals(DAY_50, v.latest().date());
    }

    @Test
    void aValueOnTheBaselineDateIsComparedWithTheBaseline() {
        Verdict same = UP.assess(List.of(at(BASELINE, "20")), BASELINE);
        assertEquals(Assessment.ON_TRACK, same.assessment());
        assertEquals(Trend.STEADY, same.trend());
        assertEquals(0, dec("20").compareTo(same.expected()));
        // 3 below the line is within the band (7.5 %), but it moved away from the target: one step worse.
        Verdict lower = UP.assess(List.of(at(BASELINE, "17")), BASELINE);
        assertEquals(Trend.WORSENING, lower.trend());
        assertEquals(Assessment.AT_RISK, lower.assessment());
    }

    @Test
    void oneValueIsJudgedAgainstTheLineAndItsTrendAgainstTheBaseline() {
        Verdict v = UP.assess(List.of(at(DAY_50, "40")), DAY_50.plusDays(10));
        assertEquals(Assessment.ON_TRACK, v.assessment());
        assertEquals(Trend.IMPROVING, v.trend());
        assertEquals(0, dec("40").compareTo(v.expected()));
        assertEquals(at(DAY_50, "40"), v.latest());
    }

    @Test
    void theToleranceBandsHaveInclusiveEdges() {
        assertEquals(Assessment.ON_TRACK, assess(UP, DAY_50, at(DAY_50, "45")), "ahead of the line");
        assertEquals(Assessment.ON_TRACK, assess(UP, DAY_50, at(DAY_50, "36")), "10 % behind");
        assertEquals(Assessment.AT_RISK, assess(UP, DAY_50, at(DAY_50, "35.99")), "just over 10 % behind");
        assertEquals(Assessment.AT_RISK, assess(UP, DAY_50, at(DAY_50, "30")), "25 % behind");
        assertEquals(Assessment.OFF_TRACK, assess(UP, DAY_50, at(DAY_50, "29.99")), "just over 25 % behind");
    }

    @Test
    void aTrendAwayFromTheTargetMakesAValueBehindTheLineOneStepWorse() {
        // 38 is within the band on day 50 and the trend over the last three points (30 → 39 → 38) improves.
        assertEquals(Assessment.ON_TRACK, assess(UP, DAY_50, at(BASELINE.plusDays(10), "30"),
                at(BASELINE.plusDays(30), "39"), at(DAY_50, "38")));
        // The same 38 after 44 and 41: moving away from the target.
        assertEquals(Assessment.AT_RISK, assess(UP, DAY_50, at(BASELINE.plusDays(10), "30"),
                at(BASELINE.plusDays(20), "44"), at(BASELINE.plusDays(30), "41"), at(DAY_50, "38")));
        // 33 (17.5 % behind) worsening becomes off track.
        assertEquals(Assessment.OFF_TRACK, assess(UP, DAY_50, at(BASELINE.plusDays(20), "44"),
                at(BASELINE.plusDays(30), "41"), at(DAY_50, "33")));
        // Ahead of the line a worsening trend does not count: the plan is still kept.
        assertEquals(Assessment.ON_TRACK, assess(UP, DAY_50, at(BASELINE.plusDays(20), "55"), at(DAY_50, "50")));
    }

    @Test
    void theTrendSpansTheLastThreePointsOnly() {
        Verdict v = UP.assess(List.of(at(BASELINE.plusDays(5), "50"), at(BASELINE.plusDays(10), "30"),
                at(BASELINE.plusDays(20), "33"), at(BASELINE.plusDays(25), "34")), BASELINE.plusDays(25));
        assertEquals(Trend.IMPROVING, v.trend(), "30 → 33 → 34, the 50 before is out of the window");
    }

    @Test
    void valuesAreTakenInDateOrderWhateverOrderTheyCome() {
        Verdict v = UP.assess(List.of(at(DAY_50, "40"), at(BASELINE.plusDays(10), "30")), DAY_50);
        assertEquals(DAY_50, v.latest().date());
        assertEquals(Trend.IMPROVING, v.trend());
    }

    @Test
    void aTargetReachedIsOnTrackWhateverTheDateAndTrend() {
        Verdict early = UP.assess(List.of(at(BASELINE.plusDays(10), "65"), at(BASELINE.plusDays(20), "70"),
                at(DAY_50, "60")), DAY_50);
        assertEquals(Assessment.ON_TRACK, early.assessment());
        assertTrue(early.targetReached());
        assertEquals(Trend.WORSENING, early.trend());
        assertEquals(Assessment.ON_TRACK, assess(UP, TARGET.plusYears(2), at(TARGET.plusDays(3), "61")));
    }

    @Test
    void aTargetDatePassedWithoutTheTargetIsOffTrack() {
        assertEquals(Assessment.OFF_TRACK, assess(UP, TARGET.plusDays(1), at(TARGET, "59")));
        // On the target date itself the line's end counts, and 59 is within 10 % of it.
        assertEquals(Assessment.ON_TRACK, assess(UP, TARGET, at(TARGET, "59")));
        // A value from long before, with the target date passed since.
        assertEquals(Assessment.OFF_TRACK, assess(UP, TARGET.plusMonths(1), at(DAY_50, "45")));
    }

    @Test
    void lowerIsBetterTurnsEveryComparison() {
        // Processing time from 30 days to 10: on day 50 the line is at 20.
        Trajectory down = new Trajectory(dec("30"), BASELINE, dec("10"), TARGET, Direction.LOWER_IS_BETTER);
        assertEquals(0, dec("20").compareTo(down.expectedAt(DAY_50)));
        assertEquals(Assessment.ON_TRACK, assess(down, DAY_50, at(DAY_50, "15")), "below the line is ahead");
        assertEquals(Assessment.ON_TRACK, assess(down, DAY_50, at(DAY_50, "22")), "10 % behind");
        assertEquals(Assessment.AT_RISK, assess(down, DAY_50, at(DAY_50, "25")), "25 % behind");
        assertEquals(Assessment.OFF_TRACK, assess(down, DAY_50, at(DAY_50, "35")), "worse than the baseline");
        Verdict reached = down.assess(List.of(at(DAY_50, "9")), DAY_50);
        assertTrue(reached.targetReached());
        assertEquals(Trend.IMPROVING, reached.trend());
        assertEquals(Assessment.OFF_TRACK, assess(down, TARGET.plusDays(1), at(TARGET, "11")));
    }

    @Test
    void baselineEqualToTargetMeansHoldingTheLevel() {
        // Hold 95 % satisfaction: shortfall measured in parts of 95.
        Trajectory hold = new Trajectory(dec("95"), BASELINE, dec("95"), TARGET, Direction.HIGHER_IS_BETTER);
        assertEquals(Assessment.ON_TRACK, assess(hold, DAY_50, at(DAY_50, "95")));
        assertEquals(Assessment.ON_TRACK, assess(hold, DAY_50, at(DAY_50, "97")));
        // 4 below is 4.2 %, in the band, but away from the level: at risk.
        assertEquals(Assessment.AT_RISK, assess(hold, DAY_50, at(DAY_50, "91")));
        // Back up towards the level after a drop: in the band and improving.
        assertEquals(Assessment.ON_TRACK, assess(hold, DAY_50, at(BASELINE.plusDays(10), "85"),
                at(BASELINE.plusDays(20), "88"), at(DAY_50, "91")));
        // Zero incidents to hold: any incident is off track.
        Trajectory none = new Trajectory(BigDecimal.ZERO, BASELINE, BigDecimal.ZERO, TARGET,
                Direction.LOWER_IS_BETTER);
        assertEquals(Assessment.ON_TRACK, assess(none, DAY_50, at(DAY_50, "0")));
        assertEquals(Assessment.OFF_TRACK, assess(none, DAY_50, at(DAY_50, "1")));
    }

    @Test
    void aTargetDateOnTheBaselineDateIsTheTargetFromTheStart() {
        Trajectory at = new Trajectory(dec("20"), BASELINE, dec("60"), BASELINE, Direction.HIGHER_IS_BETTER);
        assertEquals(0, dec("60").compareTo(at.expectedAt(BASELINE.plusDays(1))));
        assertEquals(Assessment.OFF_TRACK, assess(at, BASELINE.plusDays(1), at(BASELINE.plusDays(1), "40")));
        assertEquals(Assessment.ON_TRACK, assess(at, BASELINE.plusDays(1), at(BASELINE.plusDays(1), "60")));
    }
}
