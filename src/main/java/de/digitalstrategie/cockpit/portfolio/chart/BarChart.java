package de.digitalstrategie.cockpit.portfolio.chart;

import de.digitalstrategie.cockpit.render.Html;

import java.util.List;

/**
 * A horizontal bar chart as inline SVG, drawn on the server: no scripts, prints and exports as
 * is. The SVG is labelled by its title and described by a sentence; the same numbers appear in
 * a table beside it as the text alternative (WCAG 1.1.1).
 */
public final class BarChart {
    /** One bar: its label and value, and the value as the viewer reads it ("1.234 €"). */
    public record Bar(String label, long value, String valueText) {
    }

    private static final int BAR_HEIGHT = 22;
    private static final int GAP = 8;
    private static final int LABEL_WIDTH = 220;
    private static final int VALUE_WIDTH = 110;
    // #0052CC on white: contrast 6.6:1 (AA needs 3:1 for graphics, 4.5:1 for text).
    private static final String BAR_COLOUR = "#0052CC";
    private static final String TEXT_COLOUR = "#172B4D";

    private BarChart() {
    }

    /**
     * @param id          a unique id on the page for the title and description elements
     * @param title       the chart's title (plain text)
     * @param description one sentence saying what the chart shows (plain text)
     */
    public static String svg(String id, String title, String description, List<Bar> bars, int width) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int plot = Math.max(40, width - LABEL_WIDTH - VALUE_WIDTH);
        int height = Math.max(BAR_HEIGHT, bars.size() * (BAR_HEIGHT + GAP));
        String safeId = Html.text(id);
        StringBuilder svg = new StringBuilder(256 + bars.size() * 256);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cockpit-chart\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" aria-labelledby=\"").append(safeId).append("-t ")
                .append(safeId).append("-d\"><title id=\"").append(safeId).append("-t\">").append(Html.text(title))
                .append("</title><desc id=\"").append(safeId).append("-d\">").append(Html.text(description))
                .append("</desc>");
        int y = 0;
        for (Bar bar : bars) {
            int length = max == 0 ? 0 : (int) Math.max(bar.value() > 0 ? 2 : 0, plot * bar.value() / max);
            int middle = y + BAR_HEIGHT / 2 + 5;
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(middle)
                    .append("\" text-anchor=\"end\" fill=\"").append(TEXT_COLOUR).append("\" font-size=\"13\">")
                    .append(Html.text(shorten(bar.label()))).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(length).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(BAR_COLOUR)
                    .append("\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + length + 6).append("\" y=\"").append(middle)
                    .append("\" fill=\"").append(TEXT_COLOUR).append("\" font-size=\"13\">")
                    .append(Html.text(bar.valueText())).append("</text>");
            y += BAR_HEIGHT + GAP;
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 32 ? label : label.substring(0, 31) + "…";
    }
}
