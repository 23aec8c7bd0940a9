package de.digitalstrategie.cockpit.report.web;

import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.QuarterlyReport;
import de.digitalstrategie.cockpit.report.QuarterlyReports;
import de.digitalstrategie.cockpit.report.ReportTable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as templates/report/page.vm shows it: each section's table with its cells written as
 * the reader's language writes numbers, money and dates, and every value escaped.
 */
public final class ReportPage {
    static final String TEMPLATE = "templates/report/page.vm";
    /** The quarters the chooser offers back from today's: three years. */
    private static final int CHOICES = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final QuarterlyReports reports;

    ReportPage(QuarterlyReports reports) {
        this.reports = reports;
    }

    /** A quarter in the chooser. */
    public record Choice(String valueHtml, String labelHtml, boolean selected) {
    }

    /** A cell; {@code classHtml} right-aligns numbers, money and dates for reading down a column. */
    public record Cell(String textHtml, String classHtml) {
    }

    public record Row(List<Cell> cells) {
    }

    /** One section: {@code idHtml} its anchor, {@code countHtml} how many rows it has. */
    public record Part(String idHtml, String titleHtml, String countHtml, List<Cell> headers, List<Row> rows) {
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    /**
     * What the page shows; every printed value is pre-escaped.
     *
     * @param errorHtml    why the request was refused, or "" (then there are no parts)
     * @param uncheckedHtml the notice that Jira has not answered for all of the viewer's projects, or ""
     */
    public record View(String titleHtml, String madeHtml, String downloadHtml, List<Choice> choices,
                       String errorHtml, String uncheckedHtml, List<Part> parts) {
        public boolean hasError() {
            return !errorHtml.isEmpty();
        }

        public boolean hasUnchecked() {
            return !uncheckedHtml.isEmpty();
        }
    }

    View view(QuarterlyReport report, Texts texts) {
        Formats formats = new Formats(texts.locale());
        ZoneId zone = reports.zone();
        List<Part> parts = new ArrayList<>();
        for (ReportTable table : report.tables()) {
            List<Cell> headers = table.columns().stream().map(c -> new Cell(Html.text(c.header()), css(c.type())))
                    .toList();
            List<Row> rows = new ArrayList<>();
            for (List<Object> values : table.rows()) {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    ExportColumn column = table.columns().get(i);
                    cells.add(new Cell(Html.text(shown(values.get(i), column.type(), formats, zone)),
                            css(column.type())));
                }
                rows.add(new Row(cells));
            }
            parts.add(new Part(Html.text("report-" + table.key()), Html.text(table.title()),
                    Html.text(formats.number(rows.size())), headers, rows));
        }
        Quarter q = report.quarter();
        String made = texts.plain("cockpit.report.made", shown(report.made(), ColumnType.DATE_TIME, formats, zone));
        return new View(Html.text(texts.plain("cockpit.report.title", label(q, texts), formats.date(q.first()),
                formats.date(q.last()))), Html.text(made), Html.text("?quarter=" + q + "&format="
                + QuarterlyReportServlet.XLSX), choices(q, texts), "", report.unchecked() == 0 ? ""
                : Html.text(texts.plain("cockpit.access.unchecked", report.unchecked())), parts);
    }

    /** The page without a report: why it was refused, and the chooser to pick a quarter that is one. */
    View refused(String reason, Texts texts) {
        return new View(Html.text(texts.plain("cockpit.report.heading")), "", "", choices(null, texts),
                Html.text(reason), "", List.of());
    }

    private List<Choice> choices(Quarter chosen, Texts texts) {
        List<Quarter> offered = new ArrayList<>(reports.current().andBefore(CHOICES));
        if (chosen != null && !offered.contains(chosen)) {
            offered.add(chosen.compareTo(offered.get(0)) > 0 ? 0 : offered.size(), chosen);
        }
        return offered.stream().map(q -> new Choice(Html.text(q.toString()), Html.text(label(q, texts)),
                q.equals(chosen))).toList();
    }

    private static String label(Quarter q, Texts texts) {
        return texts.plain("cockpit.report.quarter", Integer.toString(q.year()), Integer.toString(q.number()));
    }

    private static String css(ColumnType type) {
        return type == ColumnType.TEXT ? "" : "num";
    }

    private static String shown(Object value, ColumnType type, Formats formats, ZoneId zone) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> (String) value;
            case INTEGER -> formats.number(((Number) value).longValue());
            case MONEY_CENTS -> formats.money(((Number) value).longValue());
            case DATE -> formats.date((LocalDate) value);
            case DATE_TIME -> {
                var at = ((Instant) value).atZone(zone);
                yield formats.date(at.toLocalDate()) + " " + TIME.format(at);
            }
        };
    }
}
