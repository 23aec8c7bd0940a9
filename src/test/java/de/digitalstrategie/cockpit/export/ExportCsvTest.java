package de.digitalstrategie.cockpit.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCsvTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<ExportColumn> COLUMNS = List.of(
            new ExportColumn("Nr.", ColumnType.TEXT),
            new ExportColumn("Stimmen", ColumnType.INTEGER),
            new ExportColumn("Budget", ColumnType.MONEY_CENTS),
            new ExportColumn("Beschlossen am", ColumnType.DATE),
            new ExportColumn("Geändert", ColumnType.DATE_TIME));
    /** 2026-03-31 14:05:09 in Berlin (summer time, UTC+2). */
    private static final Instant CHANGED = Instant.parse("2026-03-31T12:05:09Z");

    @SafeVarargs
    private static ExportTable table(List<ExportColumn> columns, List<Object>... rows) {
        return new ExportTable("Beschlussregister", columns, consumer -> Arrays.asList(rows).forEach(consumer));
    }

    private static byte[] bytes(Locale locale, ExportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(locale, BERLIN).write(table, out);
        return out.toByteArray();
    }

    /** The file as text after its byte order mark. */
    private static String csv(Locale locale, ExportTable table) throws IOException {
        byte[] bytes = bytes(locale, table);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void startsWithAByteOrderMarkSoExcelReadsUtf8() throws IOException {
        byte[] bytes = bytes(Locale.GERMAN, table(COLUMNS));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    }

    @Test
    void germanUsesSemicolonsDecimalCommasAndGermanDates() throws IOException {
        String csv = csv(Locale.GERMANY, table(COLUMNS, row("LK-2026-01", 7L, 123456L, LocalDate.of(2026, 3, 31), CHANGED),
                row("LK-2026-02", 12, -1250, LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T07:00:00Z"))));
        assertEquals("Nr.;Stimmen;Budget;Beschlossen am;Geändert\r\n"
                + "LK-2026-01;7;1234,56;31.03.2026;31.03.2026 14:05:09\r\n"
                + "LK-2026-02;12;-12,50;01.12.2026;01.12.2026 08:00:00\r\n", csv);
    }

    @Test
    void englishUsesCommasDecimalPointsAndIsoDates() throws IOException {
        String csv = csv(Locale.ENGLISH, table(COLUMNS, row("LK-2026-01", 7L, 123456L, LocalDate.of(2026, 3, 31), CHANGED),
                row("a;b, c", 0, 5, null, null)));
        assertEquals("Nr.,Stimmen,Budget,Beschlossen am,Geändert\r\n"
                + "LK-2026-01,7,1234.56,2026-03-31,2026-03-31 14:05:09\r\n"
                + "\"a;b, c\",0,0.05,,\r\n", csv);
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() throws IOException {
        List<ExportColumn> text = List.of(new ExportColumn("A", ColumnType.TEXT), new ExportColumn("B", ColumnType.TEXT));
        String csv = csv(Locale.GERMAN, table(text, row("Ja; mit Auflagen", "Der „Beirat“ sagt \"nein\""),
                row("Zeile 1\nZeile 2", "Zeile 1\r\nZeile 2"), row("a,b", "ohne")));
        assertEquals("A;B\r\n"
                + "\"Ja; mit Auflagen\";\"Der „Beirat“ sagt \"\"nein\"\"\"\r\n"
                + "\"Zeile 1\nZeile 2\";\"Zeile 1\r\nZeile 2\"\r\n"
                + "a,b;ohne\r\n", csv);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() throws IOException {
        List<ExportColumn> columns = List.of(new ExportColumn("Text", ColumnType.TEXT),
                new ExportColumn("Betrag", ColumnType.MONEY_CENTS), new ExportColumn("Zahl", ColumnType.INTEGER));
        String csv = csv(Locale.GERMAN, table(columns,
                row("=1+1", -100L, -3L),
                row("+49 6241 853-0", null, null),
                row("-Sonderfall", null, null),
                row("@SUM(A1:A9)", null, null),
                row("\t=cmd|' /C calc'!A0", null, null),
                row("\r=1", null, null),
                row("=HYPERLINK(\"http://evil.example\";\"klick\")", null, null),
                row("Summe = 3", null, null)));
        assertEquals("Text;Betrag;Zahl\r\n"
                + "'=1+1;-1,00;-3\r\n"
                + "'+49 6241 853-0;;\r\n"
                + "'-Sonderfall;;\r\n"
                + "'@SUM(A1:A9);;\r\n"
                + "'\t=cmd|' /C calc'!A0;;\r\n"
                + "\"'\r=1\";;\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"klick\"\")\";;\r\n"
                + "Summe = 3;;\r\n", csv);
    }

    @Test
    void nullIsAnEmptyField() throws IOException {
        String csv = csv(Locale.GERMAN, table(COLUMNS, row(null, null, null, null, null), row("", 1, null, null, null)));
        assertEquals("Nr.;Stimmen;Budget;Beschlossen am;Geändert\r\n;;;;\r\n;1;;;\r\n", csv);
    }

    @Test
    void umlautsAndSymbolsSurviveAsUtf8() throws IOException {
        List<ExportColumn> columns = List.of(new ExportColumn("Maßnahme", ColumnType.TEXT));
        String text = "Größere Übersicht für Ämter – Straßen, Öffentlichkeit, 5 € · 😀";
        String csv = csv(Locale.GERMAN, table(columns, row(text)));
        assertEquals("Maßnahme\r\n" + text + "\r\n", csv);
    }

    @Test
    void aWronglyTypedValueBreaksTheExportOff() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> csv(Locale.GERMAN, table(COLUMNS, row("LK-1", "sieben", null, null, null))));
        assertTrue(e.getMessage().contains("Stimmen"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> csv(Locale.GERMAN, table(COLUMNS, row("LK-1"))));
    }

    @Test
    void leavesTheStreamOpenForItsOwner() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new CsvExport(Locale.GERMAN).write(table(COLUMNS, row("LK-1", 1, 1, null, null)), out);
        assertFalse(closed[0]);
        assertTrue(bytes.size() > 3);
    }

    @Test
    void writesRowsAsTheyComeWithoutCollectingThem() throws IOException {
        // The rows watch the stream grow: with 2,000 rows of 200 characters, the 64 KiB write
        // buffer must have been emptied into the stream long before the last row.
        int[] seenAtEnd = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = "x".repeat(200);
        ExportTable table = new ExportTable("T", List.of(new ExportColumn("T", ColumnType.TEXT)), consumer -> {
            for (int i = 0; i < 2000; i++) {
                consumer.accept(List.of(text));
            }
            seenAtEnd[0] = out.size();
        });
        new CsvExport(Locale.GERMAN).write(table, out);
        assertTrue(seenAtEnd[0] > 300_000, "written while streaming: " + seenAtEnd[0]);
    }
}
