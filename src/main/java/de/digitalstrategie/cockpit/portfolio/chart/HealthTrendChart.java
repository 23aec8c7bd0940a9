package de.digitalstrategie.cockpit.portfolio.chart;

import de.digitalstrategie.cockpit.render.Html;

import java.util.List;

/**
 * The health of a group of projects over time as inline SVG, drawn on the server: one column per
 * day (e.g. month's end), split into the shares of projects on track, at risk and critical, with
 * a legend. Like {@link BarChart}, labelled by its title, described by a sentence, and given its
 * numbers as a table beside it (WCAG 1.1.1); colour is never the only cue (the legend names the
 * order of the parts, bottom to top).
 */
public final class HealthTrendChart {
    /** One column: its label ("11/26") and how many projects were green, amber and red. */
    public record Column(String label, int green, int amber, int red) {
        int total() {
            return green + amber + red;
        }
    }

    private static final int PLOT_HEIGHT = 120;
    private static final int AXIS = 20;
    private static final int LEGEND = 22;
    private static final int LEFT = 36;
    // Darker than the lozenges' backgrounds: each 3:1 or more against white (WCAG 1.4.11).
    private static final String[] COLOURS = {"#006644", "#974F0C", "#AE2A19"};
    private static final String TEXT_COLOUR = "#172B4D";

    private HealthTrendChart() {
    }

    /**
     * @param legend the three parts' names, in the order green, amber, red (plain text)
     */
    public static String svg(String id, String title, String description, List<Column> columns, List<String> legend,
                             int width) {
        int plot = Math.max(40, width - LEFT);
        double step = columns.isEmpty() ? plot : (double) plot / columns.size();
        int bar = (int) Math.max(2, Math.floor(step * 0.7));
        int height = LEGEND + PLOT_HEIGHT + AXIS;
        String safeId = Html.text(id);
        StringBuilder svg = new StringBuilder(512 + columns.size() * 400);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cockpit-chart\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" aria-labelledby=\"").append(safeId).append("-t ")
                .append(safeId).append("-d\"><title id=\"").append(safeId).append("-t\">").append(Html.text(title))
                .append("</title><desc id=\"").append(safeId).append("-d\">").append(Html.text(description))
                .append("</desc>");
        int x = LEFT;
        for (int i = 0; i < 3; i++) {
            svg.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[i]).append("\"/><text x=\"").append(x + 16).append("\" y=\"15\" fill=\"")
                    .append(TEXT_COLOUR).append("\" font-size=\"12\">").append(Html.text(legend.get(i)))
                    .append("</text>");
            x += 24 + 7 * legend.get(i).length();
        }
        int base = LEGEND + PLOT_HEIGHT;
        svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(LEGEND + 10)
                .append("\" text-anchor=\"end\" fill=\"").append(TEXT_COLOUR).append("\" font-size=\"11\">100 %</text>")
                .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(base)
                .append("\" text-anchor=\"end\" fill=\"").append(TEXT_COLOUR).append("\" font-size=\"11\">0 %</text>");
        int labelEvery = Math.max(1, (int) Math.ceil(columns.size() / 12.0));
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            int left = LEFT + (int) Math.round(c * step + (step - bar) / 2);
            int y = base;
            int[] parts = {column.green(), column.amber(), column.red()};
            for (int i = 0; i < 3; i++) {
                if (column.total() == 0 || parts[i] == 0) {
                    continue;
                }
                int h = (int) Math.round((double) PLOT_HEIGHT * parts[i] / column.total());
                y -= h;
                svg.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"").append(bar)
                        .append("\" height=\"").append(h).append("\" fill=\"").append(COLOURS[i]).append("\"/>");
            }
            if (c % labelEvery == 0 || c == columns.size() - 1) {
                svg.append("<text x=\"").append(left + bar / 2).append("\" y=\"").append(base + 14)
                        .append("\" text-anchor=\"middle\" fill=\"").append(TEXT_COLOUR).append("\" font-size=\"11\">")
                        .append(Html.text(column.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }
}
