package de.digitalstrategie.cockpit.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportXlsxTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<ExportColumn> COLUMNS = List.of(
            new ExportColumn("Nr.", ColumnType.TEXT),
            new ExportColumn("Titel", ColumnType.TEXT),
            new ExportColumn("Stimmen", ColumnType.INTEGER),
            new ExportColumn("Budget", ColumnType.MONEY_CENTS),
            new ExportColumn("Beschlossen am", ColumnType.DATE),
            new ExportColumn("Geändert", ColumnType.DATE_TIME));
    private static final Instant CHANGED = Instant.parse("2026-03-31T12:05:09Z");

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private static XSSFWorkbook written(Locale locale, String title, List<Object>... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport(locale, BERLIN).write(new ExportTable(title, COLUMNS,
                consumer -> Arrays.asList(rows).forEach(consumer)), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static XSSFWorkbook register() throws IOException {
        return written(Locale.GERMAN, "Beschlussregister",
                row("LK-2026-01", "Glasfaser für alle Schulen", 7L, 123456L, LocalDate.of(2026, 3, 31), CHANGED),
                row("LK-2026-02", "=HYPERLINK(\"http://evil.example\";\"klick\")", 12, -1250, null, null),
                row(null, "@SUM(A1:A9)", null, null, LocalDate.of(2026, 12, 1), null));
    }

    @Test
    void headerRowIsBoldAndHoldsTheColumnHeaders() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertEquals(List.of("Nr.", "Titel", "Stimmen", "Budget", "Beschlossen am", "Geändert"),
                    Stream.iterate(0, i -> i + 1).limit(6).map(i -> header.getCell(i).getStringCellValue()).toList());
            for (Cell cell : header) {
                assertTrue(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold(), "bold " + cell);
            }
            assertEquals(3, sheet.getLastRowNum());
            assertEquals(1, workbook.getNumberOfSheets());
        }
    }

    @Test
    void numbersAndEurosAreTypedNumbersWithFormats() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            Row first = workbook.getSheetAt(0).getRow(1);
            Cell votes = first.getCell(2);
            assertEquals(CellType.NUMERIC, votes.getCellType());
            assertEquals(7.0, votes.getNumericCellValue());
            assertEquals("#,##0", votes.getCellStyle().getDataFormatString());

            Cell budget = first.getCell(3);
            assertEquals(CellType.NUMERIC, budget.getCellType());
            assertEquals(1234.56, budget.getNumericCellValue());
            assertEquals("#,##0.00 \"€\"", budget.getCellStyle().getDataFormatString());
            assertFalse(DateUtil.isCellDateFormatted(budget));
            assertEquals(-12.5, workbook.getSheetAt(0).getRow(2).getCell(3).getNumericCellValue());
        }
    }

    @Test
    void datesAreRealDateCells() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            Row first = workbook.getSheetAt(0).getRow(1);
            Cell decided = first.getCell(4);
            assertEquals(CellType.NUMERIC, decided.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(decided));
            assertEquals(LocalDate.of(2026, 3, 31).atStartOfDay(), decided.getLocalDateTimeCellValue());
            assertEquals("dd.mm.yyyy", decided.getCellStyle().getDataFormatString());

            Cell changed = first.getCell(5);
            assertTrue(DateUtil.isCellDateFormatted(changed));
            assertEquals(LocalDateTime.of(2026, 3, 31, 14, 5, 9), changed.getLocalDateTimeCellValue());
            assertEquals("dd.mm.yyyy hh:mm:ss", changed.getCellStyle().getDataFormatString());
        }
    }

    @Test
    void englishDatesUseIsoFormats() throws IOException {
        try (XSSFWorkbook workbook = written(Locale.ENGLISH, "Decisions",
                row("LK-1", "t", 1, 1, LocalDate.of(2026, 3, 31), CHANGED))) {
            Row first = workbook.getSheetAt(0).getRow(1);
            assertEquals("yyyy-mm-dd", first.getCell(4).getCellStyle().getDataFormatString());
            assertEquals("yyyy-mm-dd hh:mm:ss", first.getCell(5).getCellStyle().getDataFormatString());
            assertTrue(DateUtil.isCellDateFormatted(first.getCell(4)));
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Cell hyperlink = sheet.getRow(2).getCell(1);
            assertEquals(CellType.STRING, hyperlink.getCellType());
            assertEquals("=HYPERLINK(\"http://evil.example\";\"klick\")", hyperlink.getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(3).getCell(1).getCellType());
            assertEquals("@SUM(A1:A9)", sheet.getRow(3).getCell(1).getStringCellValue());
        }
    }

    @Test
    void nullLeavesTheCellEmpty() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertNull(sheet.getRow(2).getCell(4));
            assertNull(sheet.getRow(3).getCell(0));
        }
    }

    @Test
    void sheetNameFollowsExcelsRules() throws IOException {
        try (XSSFWorkbook workbook = written(Locale.GERMAN, "Beschlüsse [2026/27]: Lenkungskreis*? der Stadt Worms")) {
            assertEquals("Beschlüsse -2026-27-- Lenkungsk", workbook.getSheetName(0));
        }
    }

    @Test
    void headerIsFrozenAndFilterable() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane);
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());
            assertEquals(0, pane.getVerticalSplitPosition());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
            assertEquals("A1:F4", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void columnsAreWideEnoughForTheirHeaderAndFirstValues() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            // "Glasfaser für alle Schulen" is 26 characters, the HYPERLINK text 41.
            assertTrue(sheet.getColumnWidth(1) >= 41 * 256, "title column " + sheet.getColumnWidth(1));
            assertTrue(sheet.getColumnWidth(1) <= 60 * 256);
            assertTrue(sheet.getColumnWidth(5) >= 19 * 256, "date-time column " + sheet.getColumnWidth(5));
            assertTrue(sheet.getColumnWidth(2) >= ("Stimmen".length() + 3) * 256);
        }
    }

    @Test
    void documentPropertiesNameTheTitleAndTheCockpit() throws IOException {
        try (XSSFWorkbook workbook = register()) {
            var core = workbook.getProperties().getCoreProperties();
            assertEquals("Beschlussregister", core.getTitle());
            assertEquals("Digitalstrategie-Cockpit", core.getCreator());
        }
    }

    @Test
    void overlongTextIsCutVisiblyAndOddCharactersDoNotBreakTheFile() throws IOException {
        String minutes = "Protokolltext ".repeat(3000);
        try (XSSFWorkbook workbook = written(Locale.GERMAN, "Protokolle",
                row("LK-1", minutes, null, null, LocalDate.of(1899, 12, 31), null),
                row("LK-2", "Steuer\u0001zeichen\u0000 und \uD83D\uDE00", null, null, null, null))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            String cut = sheet.getRow(1).getCell(1).getStringCellValue();
            assertEquals(32_767, cut.length());
            assertTrue(cut.endsWith("…"));
            assertTrue(minutes.startsWith(cut.substring(0, cut.length() - 1)));
            // Excel has no serial number before 1900: such a date is written as text.
            assertEquals("31.12.1899", sheet.getRow(1).getCell(4).getStringCellValue());
            assertTrue(sheet.getRow(2).getCell(1).getStringCellValue().endsWith("und \uD83D\uDE00"));
        }
    }

    @Test
    void aWronglyTypedValueBreaksTheExportOffAndLeavesNoTemporaryFile() throws IOException {
        // POI's temporary files in a folder of this test's own: the machine's is shared with every
        // other JVM running tests at the same time, whose exports come and go there.
        Path poiFiles = Files.createTempDirectory("export-poifiles");
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(
                new org.apache.poi.util.DefaultTempFileCreationStrategy(poiFiles.toFile()));
        try {
            assertThrows(IllegalArgumentException.class, () -> written(Locale.GERMAN, "T",
                    row("LK-1", "t", 1.5, null, null, null)));
            register().close();
            assertEquals(0, temporaryFiles(poiFiles));
        } finally {
            org.apache.poi.util.TempFile.setTempFileCreationStrategy(
                    new org.apache.poi.util.DefaultTempFileCreationStrategy());
        }
    }

    private static long temporaryFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
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
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new XlsxExport(Locale.GERMAN).write(new ExportTable("T", COLUMNS, consumer -> { }), out);
        assertFalse(closed[0]);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(0, workbook.getSheetAt(0).getLastRowNum());
        }
    }

    // Several tables as one workbook's sheets (the quarterly report)

    @Test
    void severalTablesBecomeSheetsInTheirOrderEachWithItsHeaderAndTypes() throws IOException {
        ExportTable first = new ExportTable("Projekte", COLUMNS, c -> c.accept(row("DIGI-1", "Portal", 1, 500L,
                LocalDate.of(2026, 10, 1), CHANGED)));
        ExportTable second = new ExportTable("Beschlüsse: Quartal", List.of(new ExportColumn("Nr.", ColumnType.TEXT)),
                c -> {
                    c.accept(row("LK-2026-10"));
                    c.accept(row("LK-2026-11"));
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport(Locale.GERMAN, BERLIN).write(List.of(first, second), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(2, workbook.getNumberOfSheets());
            assertEquals("Projekte", workbook.getSheetAt(0).getSheetName());
            assertEquals("Beschlüsse- Quartal", workbook.getSheetAt(1).getSheetName());
            assertEquals(5.0, workbook.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue());
            assertEquals("LK-2026-11", workbook.getSheetAt(1).getRow(2).getCell(0).getStringCellValue());
            assertTrue(workbook.getFontAt(workbook.getSheetAt(1).getRow(0).getCell(0).getCellStyle().getFontIndex())
                    .getBold());
            assertEquals("Projekte", workbook.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void sheetsExcelWouldTakeForOneAreRefused() {
        ExportTable a = new ExportTable("Projekte", COLUMNS, c -> { });
        ExportTable b = new ExportTable("PROJEKTE", COLUMNS, c -> { });
        assertThrows(IllegalArgumentException.class, () -> new XlsxExport(Locale.GERMAN, BERLIN)
                .write(List.of(a, b), new ByteArrayOutputStream()));
        assertThrows(IllegalArgumentException.class, () -> new XlsxExport(Locale.GERMAN, BERLIN)
                .write(List.of(), new ByteArrayOutputStream()));
    }
}
