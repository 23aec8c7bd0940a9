package de.digitalstrategie.cockpit.export;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExportFormatTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void namesTheContentTypeAndExtension() {
        assertEquals("text/csv; charset=UTF-8", ExportFormat.CSV.contentType());
        assertEquals("csv", ExportFormat.CSV.extension());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportFormat.XLSX.contentType());
        assertEquals("xlsx", ExportFormat.XLSX.extension());
        assertInstanceOf(CsvExport.class, ExportFormat.CSV.writer(Locale.GERMAN, ZoneId.of("Europe/Berlin")));
        assertInstanceOf(XlsxExport.class, ExportFormat.XLSX.writer(Locale.GERMAN, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void fileNamesAreAsciiWithTheDay() {
        assertEquals("beschlussregister-2026-11-27.xlsx", ExportFormat.XLSX.fileName("Beschlussregister", DAY));
        assertEquals("beschluesse-empfehlungen-des-beirats-2026-11-27.csv",
                ExportFormat.CSV.fileName("Beschlüsse & Empfehlungen des Beirats", DAY));
        assertEquals("strasse-oeffentlichkeit-aemter-2026-11-27.csv",
                ExportFormat.CSV.fileName("Straße/Öffentlichkeit: Ämter", DAY));
        assertEquals("cafe-elysee-2026-11-27.csv", ExportFormat.CSV.fileName("  Café „Élysée“ ", DAY));
        assertEquals("2026-11-27.csv", ExportFormat.CSV.fileName("«»", DAY));
        assertEquals("2026-11-27.xlsx", ExportFormat.XLSX.fileName(null, DAY));
    }

    @Test
    void longNamesAreCut() {
        String name = ExportFormat.XLSX.fileName("Projekt ".repeat(30), DAY);
        assertEquals(80 + "-2026-11-27.xlsx".length() - 1, name.length(), name);
        assertEquals("projekt-projekt", name.substring(0, 15));
    }
}
