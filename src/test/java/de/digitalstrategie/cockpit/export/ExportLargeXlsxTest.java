package de.digitalstrategie.cockpit.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export of 100,000 rows streams: the heap it needs does not grow with the rows. Read back with
 * StAX, because POI's in-memory reader would need about a gigabyte for this sheet.
 */
class ExportLargeXlsxTest {
    private static final int ROWS = 100_000;
    /** Far below what a workbook held in memory needs for 600,000 cells (several hundred MB). */
    private static final long HEAP_LIMIT = 64L << 20;

    @TempDir
    Path folder;

    @Test
    void aHundredThousandRowsStreamInLittleMemory() throws Exception {
        List<ExportColumn> columns = List.of(
                new ExportColumn("Nr.", ColumnType.TEXT),
                new ExportColumn("Titel", ColumnType.TEXT),
                new ExportColumn("Stimmen", ColumnType.INTEGER),
                new ExportColumn("Budget", ColumnType.MONEY_CENTS),
                new ExportColumn("Beschlossen am", ColumnType.DATE),
                new ExportColumn("Geändert", ColumnType.DATE_TIME));
        LocalDate start = LocalDate.of(2020, 1, 1);
        Instant changed = Instant.parse("2026-03-31T12:05:09Z");
        long before = usedHeap();
        long[] peak = {0};
        ExportTable table = new ExportTable("Beschlussregister", columns, row -> {
            for (int i = 1; i <= ROWS; i++) {
                row.accept(Arrays.asList("LK-" + i, "Beschluss Nummer " + i + " über die Digitalisierung der Ämter",
                        i % 13, i * 1234L, start.plusDays(i % 2000), changed.plusSeconds(i)));
                if (i % 50_000 == 0) {
                    peak[0] = Math.max(peak[0], usedHeap() - before);
                }
            }
        });

        Path file = folder.resolve("beschlussregister.xlsx");
        long started = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            new XlsxExport(Locale.GERMAN, ZoneId.of("Europe/Berlin")).write(table, out);
        }
        long after = usedHeap();
        System.out.printf("XLSX export of %,d rows: %,d ms, %,d bytes; heap used before %,d KB, "
                        + "peak growth while streaming %,d KB, after %,d KB%n", ROWS,
                (System.nanoTime() - started) / 1_000_000, Files.size(file), before >> 10, peak[0] >> 10,
                after >> 10);
        assertTrue(peak[0] < HEAP_LIMIT, "heap grew by " + (peak[0] >> 20) + " MB while streaming");

        SheetSummary sheet = summary(file);
        assertEquals(ROWS + 1, sheet.rows());
        assertEquals(ROWS + 1, sheet.lastRow());
        assertEquals("LK-" + ROWS, sheet.lastRowFirstText());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private record SheetSummary(int rows, int lastRow, String lastRowFirstText) {
    }

    /**
     * Counts the sheet's rows in its XML without building the sheet. Read with Java's streaming
     * ZipInputStream on purpose: it fails on POI's default Zip64 data descriptors.
     */
    private static SheetSummary summary(Path file) throws IOException, XMLStreamException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return summary(zip);
                }
            }
        }
        throw new AssertionError("no sheet in " + file);
    }

    private static SheetSummary summary(InputStream sheetXml) throws XMLStreamException {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(sheetXml);
        int rows = 0;
        int lastRow = 0;
        String firstText = null;
        boolean firstCellOfRow = false;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "row" -> {
                    rows++;
                    lastRow = Integer.parseInt(xml.getAttributeValue(null, "r"));
                    firstCellOfRow = true;
                }
                case "t" -> {
                    if (firstCellOfRow) {
                        firstText = xml.getElementText();
                        firstCellOfRow = false;
                    }
                }
                case "c" -> {
                    if (firstCellOfRow && !xml.getAttributeValue(null, "r").startsWith("A")) {
                        firstCellOfRow = false;
                    }
                }
                default -> {
                }
            }
        }
        return new SheetSummary(rows, lastRow, firstText);
    }
}
