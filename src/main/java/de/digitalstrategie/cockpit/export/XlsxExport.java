package de.digitalstrategie.cockpit.export;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Writes a table as an XLSX workbook with one sheet, or several tables as its sheets: a bold,
 * frozen header row with filters, and typed cells (numbers, euros, dates) that sort and add up in
 * the spreadsheet. Streamed with POI's SXSSF: only the last {@value #WINDOW} rows are in memory,
 * the rest go to a temporary file that is deleted when the export ends.
 */
public final class XlsxExport implements ExportWriter {
    static final String CREATOR = "Digitalstrategie-Cockpit";
    /** Rows kept in memory; the header row is among the first and never needs to be reached again. */
    static final int WINDOW = 200;
    /** Column widths are taken from the header and the first rows: measuring all rows would mean keeping them. */
    private static final int SAMPLE_ROWS = 100;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;
    /** Room for the filter button beside the header text. */
    private static final int FILTER_BUTTON = 3;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** Excel's serial dates start in 1900; before that it shows ####. */
    private static final int FIRST_EXCEL_YEAR = 1900;

    private final ExportNotation notation;

    /** Times in the server's zone, as the rest of the plugin shows them. */
    public XlsxExport(Locale locale) {
        this(locale, ZoneId.systemDefault());
    }

    /**
     * @param zone where the reader is: XLSX has no time zones, so {@link ColumnType#DATE_TIME}
     *             values are written as local times there
     */
    public XlsxExport(Locale locale, ZoneId zone) {
        this.notation = new ExportNotation(locale, zone);
    }

    @Override
    public void write(ExportTable table, OutputStream out) throws IOException {
        write(List.of(table), out);
    }

    /**
     * Writes the tables as the sheets of one workbook, in their order, each as {@link
     * #write(ExportTable, OutputStream)} writes its one sheet; the workbook's title is the first's.
     *
     * @throws IllegalArgumentException for no table, or two whose sheet names Excel takes for one
     *                                  (it compares them ignoring case and refuses the file)
     */
    public void write(List<ExportTable> tables, OutputStream out) throws IOException {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ExportTable table : tables) {
            if (!names.add(table.sheetName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two sheets named " + table.sheetName());
            }
        }
        // Inline strings, not the shared-strings table: that one would keep every distinct text
        // of the export in memory. Temporary files compressed: 100,000 rows of text are large.
        // close() also deletes the temporary files (SXSSFWorkbook.dispose).
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false)) {
            // POI's default (Zip64 as needed) writes 8-byte sizes after each entry without announcing
            // them (apache/poi#1018): readers that stream the zip, Java's ZipInputStream among them,
            // then fail. Plain zip holds 4 GB per entry; 100,000 rows need a few dozen MB.
            workbook.setZip64Mode(Zip64Mode.Never);
            CellStyle headerStyle = headerStyle(workbook);
            for (ExportTable table : tables) {
                sheet(workbook, table, headerStyle);
            }
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(tables.get(0).title());
            properties.setCreator(CREATOR);
            workbook.write(out);
        }
    }

    private void sheet(SXSSFWorkbook workbook, ExportTable table, CellStyle headerStyle) {
        List<ExportColumn> columns = table.columns();
        CellStyle[] styles = styles(workbook, columns);
        SXSSFSheet sheet = workbook.createSheet(table.sheetName());
        int[] widths = new int[columns.size()];

        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headerStyle);
            widths[i] = columns.get(i).header().length() + FILTER_BUTTON;
        }

        int[] last = {0};
        table.forEachChecked(values -> {
            Row row = sheet.createRow(++last[0]);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value != null) {
                    writeCell(row.createCell(i), value, columns.get(i).type(), styles[i]);
                    if (last[0] <= SAMPLE_ROWS) {
                        widths[i] = Math.max(widths[i], shownLength(value, columns.get(i).type()));
                    }
                }
            }
        });

        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, last[0], 0, columns.size() - 1));
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i] + 1)) * 256);
        }
    }

    private void writeCell(Cell cell, Object value, ColumnType type, CellStyle style) {
        switch (type) {
            // A string cell is never evaluated: text that looks like a formula stays text.
            case TEXT -> cell.setCellValue(limited((String) value));
            case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
            // Exact for every sum below 90 trillion euros (a double's 53 bits).
            case MONEY_CENTS -> cell.setCellValue(((Number) value).longValue() / 100.0);
            case DATE -> {
                LocalDate day = (LocalDate) value;
                if (day.getYear() < FIRST_EXCEL_YEAR) {
                    cell.setCellValue(notation.date(day));
                    return;
                }
                cell.setCellValue(day);
            }
            case DATE_TIME -> {
                LocalDateTime time = notation.local((Instant) value);
                if (time.getYear() < FIRST_EXCEL_YEAR) {
                    cell.setCellValue(notation.dateTime((Instant) value));
                    return;
                }
                cell.setCellValue(time);
            }
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Excel refuses cells over 32,767 characters; longer texts (up to 100,000) are cut, visibly. */
    private static String limited(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private int shownLength(Object value, ColumnType type) {
        return switch (type) {
            case TEXT -> longestLine((String) value);
            // Digits, grouping marks every three digits, and for money ",00 €".
            case INTEGER -> grouped(Long.toString(((Number) value).longValue()).length());
            case MONEY_CENTS -> grouped(Long.toString(((Number) value).longValue() / 100).length()) + 5;
            case DATE -> notation.excelDateFormat().length();
            case DATE_TIME -> notation.excelDateTimeFormat().length();
        };
    }

    private static int grouped(int digits) {
        return digits + (digits - 1) / 3;
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }

    private CellStyle[] styles(SXSSFWorkbook workbook, List<ExportColumn> columns) {
        DataFormat formats = workbook.createDataFormat();
        CellStyle integer = numberStyle(workbook, formats, "#,##0");
        // Excel's codes are the same in every language: German Excel shows this as 1.234,56 €.
        CellStyle money = numberStyle(workbook, formats, "#,##0.00 \"€\"");
        CellStyle date = numberStyle(workbook, formats, notation.excelDateFormat());
        CellStyle dateTime = numberStyle(workbook, formats, notation.excelDateTimeFormat());
        return columns.stream().map(column -> switch (column.type()) {
            case TEXT -> null;
            case INTEGER -> integer;
            case MONEY_CENTS -> money;
            case DATE -> date;
            case DATE_TIME -> dateTime;
        }).toArray(CellStyle[]::new);
    }

    private static CellStyle numberStyle(SXSSFWorkbook workbook, DataFormat formats, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        return style;
    }
}
