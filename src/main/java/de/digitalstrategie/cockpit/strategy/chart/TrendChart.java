package de.digitalstrategie.cockpit.strategy.chart;

import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.strategy.Trajectory;
import de.digitalstrategie.cockpit.strategy.Trajectory.Point;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * An indicator's measured values over time against its planned course, as inline SVG drawn on the
 * server (no scripts; prints and exports as is), like the portfolio's {@code BarChart}. The SVG is
 * labelled by its title and described by a sentence; the caller prints the same values in a table
 * beside it as the text alternative (WCAG 1.1.1). Colour is never the only difference: the plan is
 * a dashed line ending in a square at the target, the values a solid line with round markers, and a
 * legend in words names both.
 */
public final class TrendChart {
    /**
     * The chart's words, plain text (escaped here).
     *
     * @param description one sentence saying what the chart shows
     * @param measured    the legend's name of the measured values
     * @param planned     the legend's name of the line from baseline to target
     */
    public record Labels(String title, String description, String measured, String planned) {
    }

    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 12;
    private static final int BOTTOM = 52;
    // Both on white: #0052CC 6.6:1, #505F79 6.1:1 (graphics need 3:1, text 4.5:1).
    private static final String MEASURED_COLOUR = "#0052CC";
    private static final String PLAN_COLOUR = "#505F79";
    private static final String TEXT_COLOUR = "#172B4D";

    private TrendChart() {
    }

    /**
     * @param id     a unique id on the page for the title and description elements
     * @param values the measured values in any order, those before the baseline included (they show
     *               where the indicator came from)
     * @param number how the viewer reads a value ("37,5")
     * @param date   how the viewer reads a date
     */
    public static String svg(String id, Labels labels, Trajectory plan, List<Point> values, int width, int height,
                             Function<BigDecimal, String> number, Function<LocalDate, String> date) {
        List<Point> sorted = values.stream().sorted(Comparator.comparing(Point::date)).toList();
        LocalDate from = plan.baselineDate();
        LocalDate to = plan.targetDate().isAfter(from) ? plan.targetDate() : from.plusDays(1);
        BigDecimal low = plan.baselineValue().min(plan.targetValue());
        BigDecimal high = plan.baselineValue().max(plan.targetValue());
        for (Point p : sorted) {
            from = p.date().isBefore(from) ? p.date() : from;
            to = p.date().isAfter(to) ? p.date() : to;
            low = low.min(p.value());
            high = high.max(p.value());
        }
        if (low.compareTo(high) == 0) {
            // A flat chart still needs a scale: one unit either side of the only value.
            low = low.subtract(BigDecimal.ONE);
            high = high.add(BigDecimal.ONE);
        }
        Scale scale = new Scale(from, to, low, high, LEFT, width - RIGHT, TOP, height - BOTTOM);
        String safeId = Html.text(id);
        StringBuilder svg = new StringBuilder(1024 + sorted.size() * 128);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cockpit-chart cockpit-trend\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" aria-labelledby=\"").append(safeId).append("-t ")
                .append(safeId).append("-d\"><title id=\"").append(safeId).append("-t\">")
                .append(Html.text(labels.title())).append("</title><desc id=\"").append(safeId).append("-d\">")
                .append(Html.text(labels.description())).append("</desc>");
        axes(svg, scale, low, high, from, to, number, date);
        int bx = scale.x(plan.baselineDate());
        int by = scale.y(plan.baselineValue());
        int tx = scale.x(plan.targetDate());
        int ty = scale.y(plan.targetValue());
        svg.append("<line x1=\"").append(bx).append("\" y1=\"").append(by).append("\" x2=\"").append(tx)
                .append("\" y2=\"").append(ty).append("\" stroke=\"").append(PLAN_COLOUR)
                .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>")
                .append("<rect x=\"").append(tx - 5).append("\" y=\"").append(ty - 5)
                .append("\" width=\"10\" height=\"10\" fill=\"none\" stroke=\"").append(PLAN_COLOUR)
                .append("\" stroke-width=\"2\"/>");
        if (sorted.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(MEASURED_COLOUR).append("\" stroke-width=\"2\" points=\"");
            for (int i = 0; i < sorted.size(); i++) {
                Point p = sorted.get(i);
                svg.append(i == 0 ? "" : " ").append(scale.x(p.date())).append(',').append(scale.y(p.value()));
            }
            svg.append("\"/>");
        }
        for (Point p : sorted) {
            svg.append("<circle cx=\"").append(scale.x(p.date())).append("\" cy=\"").append(scale.y(p.value()))
                    .append("\" r=\"4\" fill=\"").append(MEASURED_COLOUR).append("\"/>");
        }
        legend(svg, labels, height);
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, Scale s, BigDecimal low, BigDecimal high, LocalDate from, LocalDate to,
                             Function<BigDecimal, String> number, Function<LocalDate, String> date) {
        svg.append("<line x1=\"").append(s.left).append("\" y1=\"").append(s.bottom).append("\" x2=\"").append(s.right)
                .append("\" y2=\"").append(s.bottom).append("\" stroke=\"").append(TEXT_COLOUR).append("\"/>")
                .append("<line x1=\"").append(s.left).append("\" y1=\"").append(s.top).append("\" x2=\"").append(s.left)
                .append("\" y2=\"").append(s.bottom).append("\" stroke=\"").append(TEXT_COLOUR).append("\"/>");
        text(svg, s.left - 6, s.top + 5, "end", number.apply(high));
        text(svg, s.left - 6, s.bottom, "end", number.apply(low));
        text(svg, s.left, s.bottom + 18, "start", date.apply(from));
        text(svg, s.right, s.bottom + 18, "end", date.apply(to));
    }

    private static void legend(StringBuilder svg, Labels labels, int height) {
        int y = height - 10;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(LEFT + 24)
                .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(MEASURED_COLOUR)
                .append("\" stroke-width=\"2\"/><circle cx=\"").append(LEFT + 12).append("\" cy=\"").append(y - 4)
                .append("\" r=\"4\" fill=\"").append(MEASURED_COLOUR).append("\"/>");
        text(svg, LEFT + 30, y, "start", labels.measured());
        int x = LEFT + 190;
        svg.append("<line x1=\"").append(x).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(x + 24)
                .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(PLAN_COLOUR)
                .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        text(svg, x + 30, y, "start", labels.planned());
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(TEXT_COLOUR).append("\" font-size=\"12\">").append(Html.text(text))
                .append("</text>");
    }

    /** Days to x and values to y (upwards), in whole pixels so the markup is stable. */
    private record Scale(LocalDate from, LocalDate to, BigDecimal low, BigDecimal high, int left, int right, int top,
                         int bottom) {
        int x(LocalDate day) {
            long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return left + (int) Math.round((right - left) * (double) ChronoUnit.DAYS.between(from, day) / span);
        }

        int y(BigDecimal value) {
            BigDecimal part = value.subtract(low).divide(high.subtract(low), MathContext.DECIMAL64);
            return bottom - (int) Math.round((bottom - top) * part.doubleValue());
        }
    }
}
