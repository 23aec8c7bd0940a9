package de.digitalstrategie.cockpit.export;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportTableTest {
    private static final List<ExportColumn> ONE = List.of(new ExportColumn("A", ColumnType.TEXT));

    private static String sheet(String title) {
        return new ExportTable(title, ONE, row -> { }).sheetName();
    }

    @Test
    void sheetNameKeepsWhatExcelAccepts() {
        assertEquals("Beschlussregister", sheet("Beschlussregister"));
        assertEquals("Beiratsempfehlungen – Übersicht", sheet("Beiratsempfehlungen – Übersicht"));
        assertEquals("Projekte (Stand 2026)", sheet("Projekte (Stand 2026)"));
    }

    @Test
    void sheetNameLosesWhatExcelRefuses() {
        assertEquals("a-b-c-d-e-f-g-h", sheet("a[b]c:d*e?f/g\\h"));
        assertEquals(31, sheet("Sitzungen des Lenkungskreises Digitalisierung 2026").length());
        assertEquals("Sitzungen des Lenkungskreises D", sheet("Sitzungen des Lenkungskreises Digitalisierung 2026"));
        assertEquals("Beirat", sheet("'Beirat'"));
        assertEquals("Zeile 1 Zeile 2", sheet("Zeile 1\nZeile 2"));
        assertEquals("-", sheet("'''"));
        assertEquals("History-", sheet("History"));
        // Cut before a surrogate pair rather than through it.
        assertEquals("x".repeat(30), sheet("x".repeat(30) + "\uD83D\uDE00"));
        // Trailing blanks left by the cut go too.
        assertEquals("Ein Titel", sheet("Ein Titel" + " ".repeat(22) + "und mehr"));
    }

    @Test
    void refusesATableWithoutTitleOrColumns() {
        assertThrows(IllegalArgumentException.class, () -> new ExportTable(" ", ONE, row -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ExportTable("T", List.of(), row -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ExportTable("T", ONE, null));
        assertThrows(IllegalArgumentException.class, () -> new ExportColumn(null, ColumnType.TEXT));
        assertThrows(IllegalArgumentException.class, () -> new ExportColumn("A", null));
    }

    @Test
    void checksEachRowAgainstTheColumns() {
        List<ExportColumn> columns = List.of(new ExportColumn("Text", ColumnType.TEXT),
                new ExportColumn("Zahl", ColumnType.INTEGER), new ExportColumn("Geld", ColumnType.MONEY_CENTS),
                new ExportColumn("Tag", ColumnType.DATE), new ExportColumn("Zeit", ColumnType.DATE_TIME));
        List<List<Object>> passed = new ArrayList<>();
        new ExportTable("T", columns, row -> {
            row.accept(Arrays.asList("a", 1, 2L, java.time.LocalDate.EPOCH, java.time.Instant.EPOCH));
            row.accept(Arrays.asList(null, (short) 1, 2, null, null));
        }).forEachChecked(passed::add);
        assertEquals(2, passed.size());

        for (List<Object> wrong : List.<List<Object>>of(
                Arrays.asList(1, null, null, null, null),
                Arrays.asList(null, 1.0, null, null, null),
                Arrays.asList(null, null, new java.math.BigDecimal("1.00"), null, null),
                Arrays.asList(null, null, null, java.time.LocalDateTime.now(), null),
                Arrays.asList(null, null, null, null, java.time.LocalDate.EPOCH),
                Arrays.asList("too", "short"))) {
            ExportTable table = new ExportTable("T", columns, row -> row.accept(wrong));
            assertThrows(IllegalArgumentException.class, () -> table.forEachChecked(row -> { }), wrong.toString());
        }
    }
}
