package de.digitalstrategie.cockpit.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Writes a table as CSV (RFC 4180) that Excel opens correctly in the reader's language: UTF-8 with
 * a byte order mark (without it, Excel reads Windows-1252 and garbles umlauts), separated by
 * semicolons in German (German Excel splits on ';' because ',' is its decimal mark) and by commas
 * in English. Rows go straight to the stream; nothing is held back but a write buffer.
 */
public final class CsvExport implements ExportWriter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String LINE_END = "\r\n";

    private final ExportNotation notation;
    private final char separator;

    /** Times in the server's zone, as the rest of the plugin shows them. */
    public CsvExport(Locale locale) {
        this(locale, ZoneId.systemDefault());
    }

    /** @param zone where the reader is, for the date and time of {@link ColumnType#DATE_TIME} values */
    public CsvExport(Locale locale, ZoneId zone) {
        this.notation = new ExportNotation(locale, zone);
        this.separator = notation.german() ? ';' : ',';
    }

    @Override
    public void write(ExportTable table, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<ExportColumn> columns = table.columns();
        try {
            writeLine(writer, columns.stream().map(c -> (Object) c.header()).toList(),
                    columns.stream().map(c -> ColumnType.TEXT).toList());
            List<ColumnType> types = columns.stream().map(ExportColumn::type).toList();
            table.forEachChecked(row -> writeLine(writer, row, types));
        } catch (WriteFailure e) {
            throw e.getCause();
        }
        // Flushed, not closed: the stream is the caller's (a servlet response, say).
        writer.flush();
    }

    private void writeLine(Writer writer, List<Object> values, List<ColumnType> types) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(separator);
                }
                writer.write(field(values.get(i), types.get(i)));
            }
            writer.write(LINE_END);
        } catch (IOException e) {
            throw new WriteFailure(e);
        }
    }

    private String field(Object value, ColumnType type) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> quoted(neutralised((String) value));
            case INTEGER -> value.toString();
            case MONEY_CENTS -> notation.euros(((Number) value).longValue());
            case DATE -> notation.date((LocalDate) value);
            case DATE_TIME -> notation.dateTime((Instant) value);
        };
    }

    /**
     * CSV injection (OWASP): a spreadsheet runs text starting with = + - @ (or a tab or CR before
     * one) as a formula, and a formula can fetch URLs or start programs. A leading apostrophe makes
     * it text again. Numbers and dates are written by this class and never start so as text could.
     */
    private static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private String quoted(String text) {
        boolean needsQuotes = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Carries a write error out of the row callback, apart from whatever the rows themselves throw. */
    private static final class WriteFailure extends RuntimeException {
        WriteFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
