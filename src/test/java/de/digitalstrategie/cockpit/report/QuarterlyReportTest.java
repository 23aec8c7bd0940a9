package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quarterly report of the fourth quarter of 2026, fetched over HTTP as the workbook and as the
 * page, on H2 and PostgreSQL, by a member of the steering committee and by staff, read in January
 * 2027. The committee met on 15 October (public minutes), on 28 November (confidential minutes:
 * only the CDO and the secretary may read them) and in June; the board in June and on 20 October.
 * Everything on the confidential minutes carries {@link #SECRET} in its title, which must reach no
 * one else, not even as a count. Each sheet is read with POI and checked against the stores.
 */
class QuarterlyReportTest {
    private static final String SECRET = ReportWorld.SECRET;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** German money as the plugin writes it everywhere (12.000 € with a no-break space). */
    private static final Formats EURO = new Formats(java.util.Locale.GERMAN);
    private static final Pattern SECTION = Pattern.compile(
            "<h2 id=\"report-([a-z]+)\">[^<]*<span class=\"aui-badge\">([0-9]+)</span></h2>");

    static List<DatabaseTarget> databases() {
        return DatabaseTarget.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachViewerGetsTheQuarterHeMaySeeAsWorkbookAndPage(DatabaseTarget target) throws Exception {
        MovableClock clock = new MovableClock(); // 27 November 2026, UTC
        try (Sandbox s = new Sandbox(target.fresh(), Files.createTempDirectory("cockpit-report"), clock)) {
            ReportWorld.write(s, clock);
            try (SandboxServer server = new SandboxServer(s, "127.0.0.1", 0)) {
                server.start();
                String base = "http://127.0.0.1:" + server.port() + "/plugins/servlet/cockpit/report";

                HttpResponse<byte[]> file = get(base + "?quarter=2026-Q4&format=xlsx&as=cdo&lang=de");
                assertEquals(200, file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
                assertEquals("attachment; filename=\"quartalsbericht-2026-q4-2027-01-10.xlsx\"",
                        file.headers().firstValue("Content-Disposition").orElseThrow(), "dated by the clock");
                List<List<List<Object>>> cdo = sheets(file.body(), List.of("Bericht", "Zielerreichung", "Projekte",
                        "Änderungen an Projekten", "Beschlüsse des Quartals", "Empfehlungen des Beirats"));
                assertEquals(List.of(List.of("Quartal", "Von", "Bis", "Stand"), List.of("2026-Q4",
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), LocalDateTime.of(2027, 1, 10, 9, 0))),
                        cdo.get(0));
                // Goals: assessed at the quarter's end, by the values measured by then; the confidential
                // goal to the CDO, who may read its page.
                List<List<Object>> goals = cdo.get(1);
                assertEquals(List.of("ZIEL-1", "ZIEL-9"), column(goals, 1));
                assertEquals(List.of("K-1.1", "Anteil digitaler Akten", "%"), goals.get(1).subList(4, 7));
                assertEquals(List.of("40", LocalDate.of(2026, 9, 30)), goals.get(1).subList(11, 13),
                        "the value of January counts from January on");
                assertEquals("Im Plan", goals.get(1).get(14));
                assertEquals("DIGI-1", goals.get(1).get(17));
                // Projects: DIGI-4 was first mirrored after the quarter; DIGI-1 was red at its end, amber now.
                List<List<Object>> projects = cdo.get(2);
                assertEquals(List.of("DIGI-1", "DIGI-2", "DIGI-3"), column(projects, 0));
                assertEquals(List.of("Kritisch", "Im Plan", "Im Plan"), column(projects, 4));
                assertEquals(List.of("Gefährdet", "Im Plan", "Im Plan"), column(projects, 5));
                assertEquals(List.of(12000.0, 0.0, 0.0), column(projects, 6), "euros, as numbers");
                ProjectHistory history = s.plugin.bean(ProjectHistory.class);
                Instant start = Instant.parse("2026-10-01T00:00:00Z");
                Instant end = Instant.parse("2027-01-01T00:00:00Z");
                List<ProjectChange> expected = new ArrayList<>();
                for (String key : List.of("DIGI-1", "DIGI-2", "DIGI-3", "DIGI-4")) {
                    List<ProjectChange> within = history.of(key, 100).stream().filter(c -> c.field() != ChangeField.PUBLIC
                            && !c.at().isBefore(start) && c.at().isBefore(end)).toList();
                    if (!key.equals("DIGI-4")) {
                        assertEquals((double) within.size(), projects.get(List.of("DIGI-1", "DIGI-2", "DIGI-3")
                                .indexOf(key) + 1).get(8), key + ": the changes the history holds for the quarter");
                    } else {
                        assertTrue(within.isEmpty());
                    }
                    expected.addAll(within);
                }
                expected.sort(java.util.Comparator.comparing(ProjectChange::at).thenComparing(ProjectChange::id));
                // Changes: every one the history holds for the quarter, oldest first, and nothing of later.
                List<List<Object>> changes = cdo.get(3);
                assertEquals(expected.size() + 1, changes.size());
                for (int i = 0; i < expected.size(); i++) {
                    ProjectChange c = expected.get(i);
                    assertEquals(c.issueKey(), changes.get(i + 1).get(0));
                    assertEquals(LocalDateTime.ofInstant(c.at(), ZoneOffset.UTC), changes.get(i + 1).get(2));
                }
                assertTrue(changes.contains(List.of("DIGI-1", "Projekt DIGI-1", LocalDateTime.of(2026, 11, 29, 9, 0),
                        "Ampel", "Im Plan", "Kritisch", "aus Jira")), changes.toString());
                assertTrue(changes.contains(List.of("DIGI-1", "Projekt DIGI-1", LocalDateTime.of(2026, 11, 29, 9, 0),
                        "Budget", EURO.money(0), EURO.money(1_200_000), "aus Jira")), changes.toString());
                assertFalse(changes.toString().contains("DIGI-4"), "DIGI-4 came after the quarter");
                // Decisions: those taken in the quarter's meetings, with their implementation.
                List<List<Object>> decisions = cdo.get(4);
                assertEquals(List.of("LK-2026-10", "LK-2026-11", "LK-2026-20"), column(decisions, 0));
                assertEquals(List.of("Nummer", "Titel", "Sitzung", "Datum", "Status", "Umsetzung", "Verantwortlich",
                        "Fällig"), decisions.get(0));
                assertEquals(List.of("LK-2026-10", "Digitale Akte", "LK 2026/3", LocalDate.of(2026, 10, 15),
                        "Beschlossen", "In Umsetzung", "Stabsabteilung", LocalDate.of(2027, 3, 31)), decisions.get(1));
                assertEquals("", decisions.get(2).get(5), "a rejected motion is not carried out");
                assertTrue(decisions.get(3).get(1).toString().contains(SECRET));
                // Advisory input: received in the quarter, or answered in it.
                List<List<Object>> inputs = cdo.get(5);
                assertEquals(List.of("BR-2026-01", "BR-2026-05", "BR-2026-09"), column(inputs, 0));
                assertEquals(List.of("BR-2026-01", "Open Data", "", LocalDate.of(2026, 6, 1), "Übernommen",
                        "Wird umgesetzt.", LocalDate.of(2026, 11, 2), ""), inputs.get(1));
                checkAgainstStores(s, cdo);

                // Staff may not read the confidential minutes: nothing of them, not even counted.
                HttpResponse<byte[]> staffFile = get(base + "?quarter=2026-Q4&format=xlsx&as=mitarbeiterin&lang=de");
                List<List<List<Object>>> staff = sheets(staffFile.body(), null);
                assertEquals(List.of("ZIEL-1"), column(staff.get(1), 1));
                assertEquals(List.of("LK-2026-10", "LK-2026-11"), column(staff.get(4), 0));
                assertEquals(List.of("BR-2026-01", "BR-2026-05"), column(staff.get(5), 0));
                assertFalse(staff.toString().contains(SECRET), staff.toString());
                checkAgainstStores(s, staff);

                // The page: the same rows, each section counted as the viewer may see it.
                String page = text(get(base + "?quarter=2026-Q4&as=mitarbeiterin&lang=de"));
                assertTrue(page.contains("<h1>Quartalsbericht 4. Quartal 2026 (01.10.2026 bis 31.12.2026)</h1>"), page);
                assertFalse(page.contains(SECRET), page);
                assertEquals(List.of("goals=1", "projects=3", "changes=" + expected.size(), "decisions=2", "advisory=2"),
                        counts(page));
                assertTrue(page.contains("<option value=\"2026-Q4\" selected>4. Quartal 2026</option>"), page);
                assertTrue(page.contains("href=\"?quarter=2026-Q4&amp;format=xlsx\""), page);
                String member = text(get(base + "?quarter=2026-Q4&as=cdo&lang=en"));
                assertEquals(List.of("goals=2", "projects=3", "changes=" + expected.size(), "decisions=3", "advisory=3"),
                        counts(member));
                assertTrue(member.contains("Quarterly report Q4 2026"), member);
                assertTrue(member.contains(SECRET), "the member sees the confidential minutes' records");
                // By default the quarter today lies in: January 2027 has had no meeting yet; DIGI-1 got better
                // and DIGI-4 came with its five first values.
                String now = text(get(base + "?as=cdo&lang=de"));
                assertTrue(now.contains("1. Quartal 2027"), now);
                assertTrue(now.contains("<td>41</td><td class=\"num\">05.01.2027</td>"), "today the January value counts");
                assertEquals(List.of("goals=2", "projects=4", "changes=6", "decisions=0", "advisory=0"), counts(now));

                // Refused: a quarter or format that is not one (in the reader's language), and anonymous visitors.
                HttpResponse<byte[]> bad = get(base + "?quarter=2026-Q5&as=cdo&lang=de");
                assertEquals(400, bad.statusCode());
                assertTrue(text(bad).contains("[2026-Q5] ist kein Quartal"), text(bad));
                HttpResponse<byte[]> badEn = get(base + "?quarter=%3Cb%3Ex%3C%2Fb%3E&as=cdo&lang=en");
                assertEquals(400, badEn.statusCode());
                assertTrue(text(badEn).contains("[&lt;b&gt;x&lt;/b&gt;] is not a quarter"), text(badEn));
                HttpResponse<byte[]> badFormat = get(base + "?quarter=2026-Q4&format=pdf&as=cdo&lang=de");
                assertEquals(400, badFormat.statusCode());
                assertTrue(text(badFormat).contains("[pdf] ist kein Format des Quartalsberichts"), text(badFormat));
                HttpResponse<byte[]> anonymous = get(base + "?quarter=2026-Q4&format=xlsx");
                assertEquals(403, anonymous.statusCode());
                assertFalse(text(anonymous).contains("DIGI-") || text(anonymous).contains("LK-"), text(anonymous));
            }
        }
    }

    /**
     * A project removed from the portfolio after the quarter stood in it at the quarter's end; one
     * removed and back again was there all along; a goal adopted after the quarter is not one of its
     * goals; a quarter that has not begun is refused, as a page and as a file, in the reader's language.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void removedProjectsStayInTheirQuarterAndQuartersToComeAreRefused(DatabaseTarget target) throws Exception {
        MovableClock clock = new MovableClock();
        try (Sandbox s = new Sandbox(target.fresh(), Files.createTempDirectory("cockpit-report"), clock)) {
            ReportWorld.write(s, clock);
            // 10 January 2027: Jira no longer counts DIGI-2 and DIGI-3 to the portfolio; DIGI-3 returns a day later.
            DigitalProject digi3 = s.projects.find("DIGI-3").orElseThrow();
            assertTrue(s.projects.remove("DIGI-2"));
            assertTrue(s.projects.remove("DIGI-3"));
            clock.advance(java.time.Duration.ofDays(1));
            s.projects.mirror(List.of(new de.digitalstrategie.cockpit.portfolio.store.ProjectStore.Mirrored(digi3,
                    "10003")));
            // 11 January: a goal adopted after the quarter.
            s.pages.create(3203, "STRAT", 0, "Neue Ziele", "<p>Ziele.</p>" + ReportWorld.goal("ZIEL-2",
                    "Neues Ziel", ""), java.util.Set.of(), "strategy", "cdo");
            s.settle();
            try (SandboxServer server = new SandboxServer(s, "127.0.0.1", 0)) {
                server.start();
                String base = "http://127.0.0.1:" + server.port() + "/plugins/servlet/cockpit/report";

                HttpResponse<byte[]> file = get(base + "?quarter=2026-Q4&format=xlsx&as=cdo&lang=de");
                assertEquals(200, file.statusCode(), text(file));
                assertEquals(List.of("ZIEL-1", "ZIEL-9"), column(sheets(file.body(), null).get(1), 1),
                        "only the goals adopted by the quarter's end");
                List<List<Object>> projects = sheets(file.body(), null).get(2);
                assertEquals(List.of("DIGI-1", "DIGI-2", "DIGI-3"), column(projects, 0),
                        "the removed one and the returned one were part of the quarter");
                assertEquals(List.of("Kritisch", "Im Plan", "Im Plan"), column(projects, 4), "health at the end");
                assertEquals(List.of("Gefährdet", "aus dem Portfolio genommen (in Jira gelöscht oder nicht mehr Teil "
                        + "des Portfolios)", "Im Plan"), column(projects, 5), "health now");
                assertEquals(List.of(7.0, 6.0, 5.0), column(projects, 8), "its changes in the quarter still count");
                HttpResponse<byte[]> fileEn = get(base + "?quarter=2027-Q1&format=xlsx&as=cdo&lang=en");
                assertEquals(200, fileEn.statusCode(), "the quarter running today");
                assertEquals(List.of("ZIEL-1", "ZIEL-2", "ZIEL-9"), column(sheets(fileEn.body(), null).get(1), 1));
                List<List<Object>> changes = sheets(fileEn.body(), null).get(3);
                assertTrue(changes.stream().anyMatch(r -> r.get(0).equals("DIGI-2") && r.get(3).equals("Portfolio")
                        && r.get(5).equals("removed from the portfolio (deleted in Jira or no longer part of it)")),
                        changes.toString());
                assertEquals(List.of("DIGI-1", "DIGI-3", "DIGI-4"), column(sheets(fileEn.body(), null).get(2), 0),
                        "removed before the quarter's end: not part of it");

                HttpResponse<byte[]> future = get(base + "?quarter=2027-Q2&as=cdo&lang=de");
                assertEquals(400, future.statusCode());
                assertTrue(text(future).contains("[2027-Q2] hat noch nicht begonnen: Der Bericht zeigt Quartale bis "
                        + "zum laufenden (2027-Q1)."), text(future));
                HttpResponse<byte[]> futureEn = get(base + "?quarter=2030-Q1&as=cdo&lang=en");
                assertEquals(400, futureEn.statusCode());
                assertTrue(text(futureEn).contains("[2030-Q1] has not begun yet"), text(futureEn));
                assertFalse(text(futureEn).contains("DIGI-"), "no report under a later name");
                HttpResponse<byte[]> futureFile = get(base + "?quarter=2027-Q2&format=xlsx&as=cdo&lang=de");
                assertEquals(400, futureFile.statusCode());
                assertFalse(futureFile.headers().firstValue("Content-Disposition").isPresent(), "no file");
            }
        }
    }

    /**
     * Each decision and input row is a record on a page the viewer may read, as the register holds
     * it; each project row a mirrored project as the store holds it now.
     */
    private static void checkAgainstStores(Sandbox s, List<List<List<Object>>> book) {
        GoalStore goals = s.plugin.bean(GoalStore.class);
        Indicators indicators = s.plugin.bean(Indicators.class);
        for (List<Object> row : book.get(1).subList(1, book.get(1).size())) {
            Goal g = goals.all().stream().filter(x -> x.number().equals(row.get(1))).findFirst().orElseThrow();
            assertEquals(g.title(), row.get(2));
            Indicator i = indicators.ofPage(g.page().pageId()).stream().filter(x -> x.key().equals(row.get(4)))
                    .findFirst().orElseThrow();
            assertEquals(i.name(), row.get(5));
            assertEquals(i.targetDate(), row.get(10));
        }
        for (List<Object> row : book.get(2).subList(1, book.get(2).size())) {
            DigitalProject p = s.projects.find((String) row.get(0)).orElseThrow();
            assertEquals(p.title(), row.get(1));
            assertEquals(p.budgetCents() / 100.0, row.get(6));
            assertEquals(p.fundingCents() / 100.0, row.get(7));
        }
        for (List<Object> row : book.get(4).subList(1, book.get(4).size())) {
            Decision d = s.decisions.all().stream().filter(x -> x.number().equals(row.get(0))).findFirst().orElseThrow();
            assertEquals(d.title(), row.get(1));
            assertEquals(s.committee.meeting(d.meetingId()).orElseThrow().date(), row.get(3));
            assertEquals(d.dueDate() == null ? "" : d.dueDate(), row.get(7));
        }
        for (List<Object> row : book.get(5).subList(1, book.get(5).size())) {
            AdvisoryInput i = s.advisory.all().stream().filter(x -> x.number().equals(row.get(0))).findFirst().orElseThrow();
            assertEquals(i.title(), row.get(1));
            assertEquals(i.receivedOn(), row.get(3));
            assertEquals(i.answer().text().isEmpty() ? "" : i.answer().text(), row.get(5));
        }
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Each section's key and count, in the page's order; each count the number of its table's rows. */
    private static List<String> counts(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = SECTION.matcher(html);
        while (m.find()) {
            found.add(m.group(1) + "=" + m.group(2));
            int from = m.end();
            int next = html.indexOf("</section>", from);
            String part = html.substring(from, next);
            int rows = part.split("<tr>", -1).length - 1;
            assertEquals(Integer.parseInt(m.group(2)), Math.max(0, rows - 1), m.group(1) + ": the count is its rows");
        }
        return found;
    }

    /**
     * The workbook as its cells' values: text as strings, numbers as doubles, dates as LocalDate
     * (LocalDateTime where the cell holds a time of day), an empty cell as "".
     */
    private static List<List<List<Object>>> sheets(byte[] xlsx, List<String> names) throws Exception {
        List<List<List<Object>>> book = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                found.add(sheet.getSheetName());
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < row.getLastCellNum(); i++) {
                        values.add(value(row.getCell(i)));
                    }
                    int width = sheet.getRow(0).getLastCellNum();
                    while (values.size() < width) {
                        values.add("");
                    }
                    rows.add(values);
                }
                book.add(rows);
            }
        }
        if (names != null) {
            assertEquals(names, found);
        }
        return book;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && !cell.getCellStyle().getDataFormatString()
                    .contains("hh") ? t.toLocalDate() : t;
        }
        return cell.getNumericCellValue();
    }

    private static List<Object> column(List<List<Object>> rows, int i) {
        return rows.subList(1, rows.size()).stream().map(r -> r.get(i)).toList();
    }
}
