package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file (RFC 4180: comma-separated, double-quoted fields that may hold commas, quotes and
 * line breaks) read into rows keyed by the header line.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<Map<String, String>> rows;

    private CsvTable(List<String> header, List<Map<String, String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Reader reader) throws IOException {
        // parse() looks one character ahead after a quote, which needs mark/reset.
        List<List<String>> records = parse(reader.markSupported() ? reader : new BufferedReader(reader));
        if (records.isEmpty()) {
            throw ValidationException.of("sandbox.seed.error.empty");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != header.size()) {
                throw ValidationException.of("sandbox.seed.error.columns", i + 1, header.size(), record.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), record.get(c).strip());
            }
            rows.add(Map.copyOf(row));
        }
        return new CsvTable(header, List.copyOf(rows));
    }

    public List<String> header() {
        return header;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** Checks that the columns the caller needs are there, naming the first that is missing. */
    public CsvTable require(String... columns) {
        for (String column : columns) {
            if (!header.contains(column)) {
                throw ValidationException.of("sandbox.seed.error.missing-column", column);
            }
        }
        return this;
    }

    private static List<List<String>> parse(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(stripCr(field));
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw ValidationException.of("sandbox.seed.error.unclosed-quote", records.size() + 1);
        }
        if (any) {
            record.add(stripCr(field));
            records.add(record);
        }
        return records;
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }
}
