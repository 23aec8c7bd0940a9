package de.digitalstrategie.cockpit.export;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports over real HTTP: the selection the viewer may see, as files German Excel opens. */
class ExportDownloadTest {
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    private static HttpResponse<byte[]> download(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/rest/cockpit/1.0"
                + path)).header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> csvLines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with BOM, for German Excel");
        return List.of(text.substring(1).split("\r\n"));
    }

    @Test
    void portfolioAsCsvForGermanExcel() throws Exception {
        HttpResponse<byte[]> r = download("/projects/export?format=csv&as=cdo");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().contains(".csv"));
        List<String> lines = csvLines(r.body());
        assertTrue(lines.get(0).startsWith("Schlüssel;Projekt;Handlungsfeld;"), lines.get(0));
        assertEquals(1 + 42, lines.size(), "a header and every project");
        assertEquals(401, download("/projects/export?format=csv").statusCode(), "not for anonymous visitors");
        List<String> filtered = csvLines(download("/projects/export?format=csv&phase=operation&as=cdo").body());
        assertTrue(filtered.size() > 1 && filtered.size() < 43);
        assertTrue(filtered.stream().skip(1).allMatch(l -> l.contains(";Betrieb;")), "the filter applies");
    }

    @Test
    void decisionsAsXlsxHoldOnlyWhatTheViewerMaySee() throws Exception {
        SandboxPage restricted = fixture.sandbox.pages.all().stream().filter(p -> !p.restrictedTo().isEmpty())
                .findFirst().orElseThrow();
        List<Decision> hidden = fixture.sandbox.decisions.ofPage(restricted.getId());
        HttpResponse<byte[]> r = download("/decisions/export?format=xlsx&as=mitarbeiterin");
        assertEquals(200, r.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Nr.", sheet.getRow(0).getCell(0).getStringCellValue());
            int rows = sheet.getLastRowNum();
            assertEquals(fixture.sandbox.decisions.count() - hidden.size(), rows);
            for (Row row : sheet) {
                String number = row.getCell(0).getStringCellValue();
                assertFalse(hidden.stream().anyMatch(d -> d.number().equals(number)), number + " leaks");
            }
        }
        List<String> csv = csvLines(download("/advisory/export?format=csv&unanswered=true&as=cdo").body());
        assertTrue(csv.get(0).contains("Tage offen"));
        assertTrue(csv.size() > 1);
        assertEquals(400, download("/decisions/export?format=pdf&as=cdo").statusCode());
    }
}
