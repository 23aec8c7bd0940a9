package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A file of measured values, one per line, for any number of indicators, read and checked as a
 * whole: {@code indicator;date;value;source;comment} (and optionally {@code unit}, checked against
 * the indicator's), the first line naming the columns in any order, separated by semicolons (as a
 * spreadsheet in German writes it) or commas, fields quoted as RFC 4180 quotes them (but a line
 * break always ends a line, see {@link #lines}). Every line
 * that cannot be taken is named with its number and reason; whether a value of that indicator and
 * day is already stored is decided where it is stored ({@code Measurements.recordAll}).
 */
public final class MeasurementCsv {
    /** More lines are no upload of measured values but a mistake (or an attack). */
    public static final int MAX_LINES = 10_000;
    private static final List<String> REQUIRED = List.of("indicator", "date", "value");
    private static final List<String> KNOWN = List.of("indicator", "date", "value", "unit", "source", "comment");

    private MeasurementCsv() {
    }

    /** What a file holds: its values with their lines, and every problem found in it. */
    public record Parsed(List<Measurement> values, List<Integer> lines, List<RowProblem> problems) {
        public Parsed {
            values = List.copyOf(values);
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads the file.
     *
     * @param indicators the indicators the uploader may see, by key: any other key is unknown
     * @param mayRecord  whether the uploader may enter values of an indicator
     * @param today      no value may hold for a later day
     */
    public static Parsed parse(String text, Map<String, Indicator> indicators, Predicate<Indicator> mayRecord,
                               LocalDate today, String actor, Instant now) {
        List<RowProblem> problems = new ArrayList<>();
        List<Measurement> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> rows = lines(text);
        if (rows.isEmpty() || rows.get(0).isBlank()) {
            problems.add(new RowProblem(1, Message.of("cockpit.measurement.csv.header", String.join(";", REQUIRED))));
            return new Parsed(values, lines, problems);
        }
        if (rows.size() > MAX_LINES + 1) {
            problems.add(new RowProblem(MAX_LINES + 2, Message.of("cockpit.measurement.csv.too-many", MAX_LINES)));
            return new Parsed(values, lines, problems);
        }
        char separator = rows.get(0).indexOf(';') >= 0 || rows.get(0).indexOf(',') < 0 ? ';' : ',';
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = fields(rows.get(0), separator).orElse(List.of());
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
            if (!KNOWN.contains(name) || columns.putIfAbsent(name, i) != null) {
                problems.add(new RowProblem(1, Message.of("cockpit.measurement.csv.column", header.get(i).strip(),
                        String.join(";", KNOWN))));
            }
        }
        if (!columns.keySet().containsAll(REQUIRED)) {
            problems.add(new RowProblem(1, Message.of("cockpit.measurement.csv.header", String.join(";", REQUIRED))));
        }
        if (!problems.isEmpty()) {
            return new Parsed(values, lines, problems);
        }
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        int data = 0;
        for (int n = 1; n < rows.size(); n++) {
            int line = n + 1;
            if (rows.get(n).isBlank()) {
                continue;
            }
            data++;
            Optional<List<String>> read = fields(rows.get(n), separator);
            if (read.isEmpty() || read.get().size() != header.size()) {
                problems.add(new RowProblem(line, Message.of("cockpit.measurement.csv.fields", header.size(),
                        read.map(List::size).orElse(0))));
                continue;
            }
            List<String> f = read.get();
            int before = problems.size();
            String key = f.get(columns.get("indicator")).strip();
            Indicator indicator = indicators.get(key);
            if (indicator == null) {
                problems.add(new RowProblem(line, Message.of("cockpit.measurement.error.unknown-indicator", key)));
            } else if (!mayRecord.test(indicator)) {
                problems.add(new RowProblem(line, Message.of("cockpit.measurement.error.not-responsible", key,
                        indicator.responsibleUnit())));
            } else if (columns.containsKey("unit")) {
                String unit = f.get(columns.get("unit")).strip();
                if (!unit.isEmpty() && !unit.equals(indicator.unit())) {
                    problems.add(new RowProblem(line, Message.of("cockpit.measurement.error.unit", unit, key,
                            indicator.unit())));
                }
            }
            LocalDate date = null;
            try {
                date = MeasuredDay.parse(f.get(columns.get("date")), today);
            } catch (ValidationException e) {
                problems.add(new RowProblem(line, e.userMessage()));
            }
            String valueText = f.get(columns.get("value"));
            Optional<java.math.BigDecimal> value = Values.read(valueText);
            if (value.isEmpty()) {
                problems.add(new RowProblem(line, Message.of("cockpit.measurement.error.number", valueText.strip())));
            }
            String source = columns.containsKey("source") ? f.get(columns.get("source")) : "";
            String comment = columns.containsKey("comment") ? f.get(columns.get("comment")) : "";
            if (source.strip().length() > 255 || comment.strip().length() > 2000) {
                problems.add(new RowProblem(line, Message.of("cockpit.measurement.csv.too-long")));
            }
            if (indicator != null && date != null) {
                Integer first = firstLine.putIfAbsent(key + "|" + date, line);
                if (first != null) {
                    problems.add(new RowProblem(line, Message.of("cockpit.measurement.error.duplicate-in-file", key,
                            date.toString(), first)));
                }
            }
            if (problems.size() == before) {
                values.add(new Measurement(key, value.get(), date, source, comment, actor, now));
                lines.add(line);
            }
        }
        if (data == 0) {
            problems.add(new RowProblem(2, Message.of("cockpit.measurement.csv.empty")));
        }
        return new Parsed(values, lines, problems);
    }

    /**
     * The file's lines. A line break always ends a line, even inside quotes: a value's line holds
     * no line break, and a quotation mark left open then spoils its own line only, so every other
     * line keeps the number the user sees in an editor.
     */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() > MAX_LINES + 1) {
                    return lines;
                }
            } else {
                line.append(c);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A line's fields, or empty if its quotes do not close. */
    private static Optional<List<String>> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        fields.add(field.toString());
        return Optional.of(fields);
    }

    /** The keys a file names, before it is checked: which indicators to look up for it. */
    public static Set<String> keys(String text) {
        Set<String> keys = new java.util.HashSet<>();
        List<String> rows = lines(text);
        if (rows.isEmpty()) {
            return keys;
        }
        char separator = rows.get(0).indexOf(';') >= 0 || rows.get(0).indexOf(',') < 0 ? ';' : ',';
        List<String> header = fields(rows.get(0), separator).orElse(List.of());
        int column = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "").equals("indicator")) {
                column = i;
            }
        }
        for (int n = 1; column >= 0 && n < rows.size() && n <= MAX_LINES; n++) {
            List<String> f = fields(rows.get(n), separator).orElse(List.of());
            if (f.size() > column && f.get(column).strip().length() <= Indicator.KEY_LENGTH) {
                keys.add(f.get(column).strip());
            }
        }
        return keys;
    }
}
