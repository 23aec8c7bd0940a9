package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Labelled;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An indicator's planned course: the straight line from its baseline (value and date) to its target
 * (value and date), and which way is better. {@link #assess} judges the measured values against it.
 *
 * <p>The rule, in this order (the README repeats it for the city's staff):
 * <ol>
 *   <li>Only values measured on or after the baseline date and not after today count; values before
 *       the baseline describe a time the target was not yet set for. None: <b>no data</b>.</li>
 *   <li>The latest counted value reaches or passes the target (in the better direction):
 *       <b>on track</b>, whatever the date and the trend.</li>
 *   <li>The target date has passed and the latest value does not reach the target: <b>off track</b>.</li>
 *   <li>Otherwise the latest value is compared with the line's value on the latest value's date
 *       (the baseline before the baseline date, the target after the target date). Its shortfall
 *       against the line is measured in parts of the planned change |target − baseline| (where baseline
 *       equals target, a level to hold, in parts of |target|; where that is zero too, any shortfall
 *       is off track): on or ahead of the line, or behind it by at most {@link #TOLERANCE} (10 %):
 *       <b>on track</b>; behind by at most {@link #AT_RISK_LIMIT} (25 %): <b>at risk</b>; further:
 *       <b>off track</b>.</li>
 *   <li>The trend is the latest value against the first of the last {@value #TREND_WINDOW} points
 *       (the baseline being the point before the first value). A value behind the line whose trend
 *       runs away from the target is one step worse (on track becomes at risk, at risk off track):
 *       falling behind a line is one thing, moving away from the target another.</li>
 * </ol>
 * The tolerance is a band around the line rather than exact arithmetic because values are measured
 * with noise and a line from baseline to target is a plan, not a forecast.
 *
 * @param direction which way is better (lower, e.g., for days of processing time)
 */
public record Trajectory(BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                         LocalDate targetDate, Direction direction) {

    /** Behind the line by at most this part of the planned change still counts as on track. */
    public static final BigDecimal TOLERANCE = new BigDecimal("0.10");
    /** Behind the line by at most this part of the planned change is at risk; further is off track. */
    public static final BigDecimal AT_RISK_LIMIT = new BigDecimal("0.25");
    /** How many of the last points, the baseline included, the trend spans. */
    public static final int TREND_WINDOW = 3;

    /** One measured value on its day. */
    public record Point(LocalDate date, BigDecimal value) {
        public Point {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Which way the last values move, seen from the target. */
    public enum Trend implements Labelled {
        IMPROVING, STEADY, WORSENING;

        @Override
        public String labelPrefix() {
            return "cockpit.strategy.trend";
        }
    }

    /**
     * The outcome of {@link #assess}.
     *
     * @param latest   the latest counted value, null for no data
     * @param expected the line's value on the latest value's date, null for no data
     * @param trend    null for no data
     */
    public record Verdict(Assessment assessment, Point latest, BigDecimal expected, Trend trend, boolean targetReached) {
        static final Verdict NO_DATA = new Verdict(Assessment.NO_DATA, null, null, null, false);
    }

    public Trajectory {
        Objects.requireNonNull(baselineValue, "baselineValue");
        Objects.requireNonNull(baselineDate, "baselineDate");
        Objects.requireNonNull(targetValue, "targetValue");
        Objects.requireNonNull(targetDate, "targetDate");
        Objects.requireNonNull(direction, "direction");
    }

    /** The course its indicator card plans. */
    public static Trajectory of(Indicator indicator) {
        return new Trajectory(indicator.baseline(), indicator.baselineDate(), indicator.target(),
                indicator.targetDate(), indicator.direction());
    }

    /** The line's value on a day: the baseline up to its date, the target from its date on. */
    public BigDecimal expectedAt(LocalDate day) {
        if (!day.isAfter(baselineDate)) {
            return baselineValue;
        }
        if (!day.isBefore(targetDate)) {
            return targetValue;
        }
        long total = ChronoUnit.DAYS.between(baselineDate, targetDate);
        long elapsed = ChronoUnit.DAYS.between(baselineDate, day);
        return baselineValue.add(targetValue.subtract(baselineValue)
                .multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64));
    }

    /** The values that count on {@code today}, oldest first (rule 1). */
    public List<Point> counted(List<Point> values, LocalDate today) {
        return values.stream()
                .filter(p -> !p.date().isBefore(baselineDate) && !p.date().isAfter(today))
                .sorted(Comparator.comparing(Point::date))
                .toList();
    }

    /** Judges the measured values (in any order) on {@code today} by the rule above. */
    public Verdict assess(List<Point> values, LocalDate today) {
        List<Point> counted = counted(values, today);
        if (counted.isEmpty()) {
            return Verdict.NO_DATA;
        }
        Point latest = counted.get(counted.size() - 1);
        BigDecimal expected = expectedAt(latest.date());
        Trend trend = trend(counted);
        boolean reached = gain(latest.value()).compareTo(gain(targetValue)) >= 0;
        Assessment assessment;
        if (reached) {
            assessment = Assessment.ON_TRACK;
        } else if (today.isAfter(targetDate)) {
            assessment = Assessment.OFF_TRACK;
        } else {
            BigDecimal shortfall = gain(expected).subtract(gain(latest.value()));
            if (shortfall.signum() <= 0) {
                assessment = Assessment.ON_TRACK;
            } else {
                assessment = byShortfall(shortfall);
                if (trend == Trend.WORSENING) {
                    assessment = assessment.worse();
                }
            }
        }
        return new Verdict(assessment, latest, expected, trend, reached);
    }

    private Assessment byShortfall(BigDecimal shortfall) {
        BigDecimal scale = targetValue.subtract(baselineValue).abs();
        if (scale.signum() == 0) {
            scale = targetValue.abs();
        }
        if (scale.signum() == 0) {
            return Assessment.OFF_TRACK;
        }
        BigDecimal part = shortfall.divide(scale, MathContext.DECIMAL64);
        if (part.compareTo(TOLERANCE) <= 0) {
            return Assessment.ON_TRACK;
        }
        return part.compareTo(AT_RISK_LIMIT) <= 0 ? Assessment.AT_RISK : Assessment.OFF_TRACK;
    }

    private Trend trend(List<Point> counted) {
        List<BigDecimal> series = new ArrayList<>(counted.size() + 1);
        series.add(baselineValue);
        counted.forEach(p -> series.add(p.value()));
        BigDecimal first = series.get(Math.max(0, series.size() - TREND_WINDOW));
        int direction = gain(series.get(series.size() - 1)).compareTo(gain(first));
        return direction > 0 ? Trend.IMPROVING : direction == 0 ? Trend.STEADY : Trend.WORSENING;
    }

    /** The value turned so that more is always better. */
    private BigDecimal gain(BigDecimal value) {
        return direction == Direction.HIGHER_IS_BETTER ? value : value.negate();
    }
}
