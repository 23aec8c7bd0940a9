package de.digitalstrategie.cockpit.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.digitalstrategie.cockpit.evidence.Rule;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's pages in headless Chromium, as a person sees and uses them: grouping, totals,
 * paging, sorting, filters, permissions, a page made from a blueprint; axe-core checks every page
 * against WCAG 2.1 AA; no injected script may run. Screenshots land in target/browser/.
 */
class BrowserIT {
    private static final Path RUNNER = Path.of("src/test/browser");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pagesWorkInARealBrowserAndMeetWcag21AA(@TempDir Path data) throws Exception {
        assertTrue(Files.isDirectory(RUNNER.resolve("node_modules/playwright-core")),
                "Node packages missing: run 'npm ci' in src/test/browser (.ci/run does)");
        assertTrue(Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"))),
                "Chromium missing: apt-get install chromium (.ci/run does)");
        Path out = Path.of("target/browser");
        Files.createDirectories(out);
        try (Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, Clock.systemDefaultZone())) {
            sandbox.seedDemo(Path.of("src/sandbox/seed/worms"));
            // Due jobs run on the scheduler's threads, as in Confluence: pages the browser creates reach the registers.
            sandbox.start();
            long hostile = sandbox.pages.create("DIGI", "Testseite <script>window.__xss=1</script>",
                    "<p>Eingaben wie aus feindlicher Hand.</p>" + macro("committee-decision", Map.of("number", "LK-XSS-1",
                            "title", "\"><script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">",
                            "owner", "<svg onload=window.__xss=3>", "projects", "DIGI-1"),
                            "<p>Text <script>window.__xss=4</script></p>"), Set.of(), "test").getId();
            sandbox.settle();
            try (SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0)) {
                server.start();
                run(out, "spec.json", spec(sandbox, server.port(), hostile));
            }
        }
    }

    /**
     * The staff unit's flag list on the demo page, on its own (so that it can be run alone): the
     * list, its filter form, acknowledging a flag with a comment, English, someone outside the staff
     * unit, and a flagged project's profile.
     */
    @Test
    void theFlagListWorksInARealBrowserAndMeetsWcag21AA(@TempDir Path data) throws Exception {
        assertTrue(Files.isDirectory(RUNNER.resolve("node_modules/playwright-core")),
                "Node packages missing: run 'npm ci' in src/test/browser (.ci/run does)");
        Path out = Path.of("target/browser");
        Files.createDirectories(out);
        try (Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, Clock.systemDefaultZone())) {
            sandbox.seedDemo(Path.of("src/sandbox/seed/worms"));
            List<EvidenceFlags.Shown> open = sandbox.plugin.bean(EvidenceFlags.class).open(sandbox.projects.jiraProjects());
            assertFalse(open.isEmpty(), "the demo has flags");
            long overdue = open.stream().filter(s -> s.flag().rule() == Rule.OVERDUE).count();
            String flagged = open.get(0).flag().issueKey();
            long ofFlagged = open.stream().filter(s -> s.flag().issueKey().equals(flagged)).count();
            long profile = sandbox.pages.create("DIGI", "Steckbrief " + flagged, macro("project-profile",
                    Map.of("key", flagged), null), Set.of(), "page").getId();
            long list = page(sandbox, "Gemeldeter Stand und Belege");
            try (SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0)) {
                server.start();
                ObjectNode spec = JSON.createObjectNode();
                spec.put("baseUrl", "http://127.0.0.1:" + server.port());
                spec.put("timeoutSeconds", 180);
                ArrayNode pages = spec.putArray("pages");
                String path = "/pages/viewpage.action?pageId=" + list;
                add(pages, "evidence-flags", path + "&as=cdo&lang=de", List.of(
                        text(".cockpit-evidence h2", "Gemeldeter Stand und Belege"),
                        text(".cockpit-evidence caption", "Offene Auffälligkeiten: " + open.size()),
                        count(".cockpit-evidence tbody tr", open.size()),
                        count(".cockpit-acknowledge-form", open.size()),
                        count(".cockpit-evidence .cockpit-downloads a[download]", 1)));
                add(pages, "evidence-flags-filter", path + "&as=cdo&lang=de", List.of(
                        select(".cockpit-evidence .cockpit-filter select[name$='.rule']", "overdue"),
                        submit(".cockpit-evidence .cockpit-filter"),
                        url("pageId=" + list),
                        count(".cockpit-evidence tbody tr", (int) overdue),
                        text(".cockpit-evidence tbody td", "Enddatum überschritten")));
                add(pages, "evidence-flags-acknowledge", path + "&as=cdo&lang=de", List.of(
                        fill(".cockpit-acknowledge-form input[name=comment]", "Mit dem Fachbereich geklärt"),
                        submit(".cockpit-acknowledge-form"),
                        url("pageId=" + list),
                        text(".cockpit-evidence caption", "davon zur Kenntnis genommen: 1"),
                        text(".cockpit-evidence tbody", "Mit dem Fachbereich geklärt"),
                        count(".cockpit-acknowledge-form", open.size() - 1)));
                add(pages, "evidence-flags-english", path + "&as=schriftfuehrung&lang=en", List.of(
                        text(".cockpit-evidence h2", "Reported status against the evidence"),
                        text(".cockpit-evidence caption", "of them acknowledged: 1")));
                add(pages, "evidence-flags-staff", path + "&as=mitarbeiterin&lang=de", List.of(
                        text("main", "Nur die Stabsstelle Digitalisierung"), count(".cockpit-evidence table", 0)));
                add(pages, "evidence-profile", "/pages/viewpage.action?pageId=" + profile + "&as=mitarbeiterin&lang=de",
                        List.of(text(".cockpit-evidence-profile h3", "von den Belegen in Frage gestellt"),
                                count(".cockpit-evidence-profile li", (int) ofFlagged)));
                run(out, "spec-evidence.json", spec);
            }
        }
    }

    private static void run(Path out, String name, ObjectNode spec) throws Exception {
        Path file = out.resolve(name);
        Files.writeString(file, spec.toPrettyString());
        Process node = new ProcessBuilder("node", RUNNER.resolve("run.mjs").toString(), file.toString(),
                out.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "browser run did not finish");
        System.out.println(output);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("browser: " + spec.get("pages").size() + " passed, 0 failed"), output);
    }

    private static long page(Sandbox sandbox, String titleStart) {
        return sandbox.pages.all().stream().filter(p -> p.getTitle().startsWith(titleStart)).findFirst()
                .map(SandboxPage::getId).orElseThrow(() -> new AssertionError("no page " + titleStart));
    }

    private static ObjectNode spec(Sandbox sandbox, int port, long hostile) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("baseUrl", "http://127.0.0.1:" + port);
        spec.put("timeoutSeconds", 360);
        ArrayNode pages = spec.putArray("pages");
        long portfolio = page(sandbox, "Portfolio der Digitalprojekte");
        long register = page(sandbox, "Beschlussregister");
        long advisory = page(sandbox, "Empfehlungen des Beirats");
        long open = page(sandbox, "Offene Empfehlungen");
        long profile = page(sandbox, "Steckbrief DIGI-1");
        long roadmap = page(sandbox, "Roadmap der Digitalstrategie");
        long minutes = page(sandbox, "Protokoll LK 2025/1");
        long followUp = page(sandbox, "Was wurde aus unseren Empfehlungen?");
        long trace = page(sandbox, "Weg der Empfehlung");
        long preparation = page(sandbox, "Vorbereitung der nächsten Sitzung");
        SandboxPage restricted = sandbox.pages.all().stream().filter(p -> !p.restrictedTo().isEmpty()).findFirst()
                .orElseThrow();
        int decisions = sandbox.decisions.count();
        int hidden = sandbox.decisions.ofPage(restricted.getId()).size();

        add(pages, "start", "/?lang=de", List.of(
                text("h1", "Digitalstrategie-Cockpit"), text("main", "Digitalprojekte")));
        add(pages, "portfolio", "/pages/viewpage.action?pageId=" + portfolio + "&as=cdo&lang=de", List.of(
                text(".cockpit-totals tfoot th", "Gesamt"),
                text(".cockpit-totals tfoot td", "42"),
                count(".cockpit-totals tbody tr", 8),
                count("svg.cockpit-chart[role=img]", 3),
                count(".cockpit-projects tbody tr:not(.cockpit-group)", 25),
                text(".cockpit-pager-summary", "1–25 von 42"),
                click(".cockpit-pager a[rel=next]"),
                text(".cockpit-pager-summary", "26–42 von 42"),
                count(".cockpit-projects tbody tr:not(.cockpit-group)", 17)));
        // The portfolio as it stood at the end of a past day, chosen in the filter form, and the health over time.
        add(pages, "portfolio-as-of", "/pages/viewpage.action?pageId=" + portfolio + "&as=cdo&lang=de", List.of(
                fill(".cockpit-portfolio .cockpit-filter input[name$='.as-of']", "31.12.2025"),
                submit(".cockpit-portfolio .cockpit-filter"),
                text(".cockpit-portfolio .cockpit-as-of", "Stand: 31.12.2025"),
                text(".cockpit-totals tfoot th", "Gesamt"),
                count(".cockpit-portfolio .cockpit-downloads a[download]", 0),
                url("as-of=31.12.2025")));
        add(pages, "portfolio-history", "/pages/viewpage.action?pageId=" + page(sandbox, "Portfolio im Zeitverlauf")
                + "&as=cdo&lang=de", List.of(
                text(".cockpit-portfolio .cockpit-as-of", "Stand:"),
                text(".cockpit-health-trends figcaption", "Ampel im Zeitverlauf"),
                text(".cockpit-roadmap .cockpit-as-of", "Stand:")));
        add(pages, "roadmap", "/pages/viewpage.action?pageId=" + roadmap + "&as=cdo&lang=de", List.of(
                text(".cockpit-roadmap h2", "Roadmap der Digitalprojekte"),
                text(".cockpit-roadmap-caption", "42 Projekte"),
                count(".cockpit-roadmap-table tbody tr", 42),
                text(".cockpit-roadmap-table caption", "Mobilität"),
                text(".cockpit-roadmap-waits", "wartet auf:"),
                count(".cockpit-roadmap .cockpit-downloads a[download]", 2),
                select(".cockpit-roadmap .cockpit-filter select[name$='.phase']", "operation"),
                select(".cockpit-roadmap .cockpit-filter select[name$='.group']", "phase"),
                submit(".cockpit-roadmap .cockpit-filter"),
                count(".cockpit-roadmap-table", 1),
                text(".cockpit-roadmap-table caption", "Betrieb"),
                url("pageId=" + roadmap)));
        add(pages, "portfolio-sort", "/pages/viewpage.action?pageId=" + portfolio + "&as=cdo&lang=de", List.of(
                click(".cockpit-projects thead th:nth-child(7) a"),
                attribute(".cockpit-projects thead th:nth-child(7)", "aria-sort", "ascending"),
                click(".cockpit-projects thead th:nth-child(7) a"),
                attribute(".cockpit-projects thead th:nth-child(7)", "aria-sort", "descending")));
        add(pages, "portfolio-filter", "/pages/viewpage.action?pageId=" + portfolio + "&as=cdo&lang=de", List.of(
                select(".cockpit-filter select[name$='.phase']", "operation"),
                select(".cockpit-filter select[name$='.group']", "phase"),
                submit(".cockpit-filter"),
                count(".cockpit-totals tbody tr", 1),
                text(".cockpit-totals tbody th", "Betrieb"),
                url("pageId=" + portfolio)));
        add(pages, "portfolio-anonymous", "/pages/viewpage.action?pageId=" + portfolio + "&as=anonymous&lang=de",
                List.of(text(".cockpit-portfolio", "Keine Projekte"), count(".cockpit-projects", 0)));
        add(pages, "portfolio-english", "/pages/viewpage.action?pageId=" + portfolio + "&as=cdo&lang=en", List.of(
                text(".cockpit-totals tfoot th", "Total"), text(".cockpit-totals tfoot td", "42"),
                text(".cockpit-pager-summary", "1–25 of 42")));
        add(pages, "decision-register", "/pages/viewpage.action?pageId=" + register + "&as=cdo&lang=de", List.of(
                text(".cockpit-decisions caption", "Beschlüsse (" + decisions + ")"),
                count(".cockpit-decisions tbody tr", 10),
                select(".cockpit-filter select[name$='.status']", "decided"),
                submit(".cockpit-filter"),
                text(".cockpit-decisions tbody", "Beschlossen"),
                text(".cockpit-decisions caption", "Beschlüsse (")));
        // The implementation form: the CDO finds the open decisions and sets one, and comes back to the
        // same selection with the notice beside the form; axe checks the forms and the notice.
        add(pages, "decision-register-implementation", "/pages/viewpage.action?pageId=" + register
                + "&as=cdo&lang=de", List.of(
                select(".cockpit-filter select[name$='.implementation']", "open"),
                submit(".cockpit-filter"),
                text(".cockpit-decisions caption", "in Kraft:"),
                check("attribute", ".cockpit-implementation-form select[name=state]").put("name", "id")
                        .put("contains", "implementation-"),
                fill(".cockpit-implementation-form input[name=comment]", "Vergabe läuft")));
        add(pages, "decision-register-implementation-saved", "/pages/viewpage.action?pageId=" + register
                + "&as=cdo&lang=de", List.of(
                fill(".cockpit-filter input[name$='.owner']", "Finanzen"),
                submit(".cockpit-filter"),
                select(".cockpit-implementation-form select[name=state]", "done"),
                submit(".cockpit-implementation-form"),
                url("cockpit-implementation=saved"),
                url("owner=Finanzen"),
                text(".cockpit-implementation-form [role=status]", "ist gespeichert")));
        add(pages, "decision-register-staff", "/pages/viewpage.action?pageId=" + register + "&as=mitarbeiterin&lang=de",
                List.of(text(".cockpit-decisions caption", "Beschlüsse (" + (decisions - hidden) + ")")));
        add(pages, "advisory-register", "/pages/viewpage.action?pageId=" + advisory + "&as=cdo&lang=de", List.of(
                text(".cockpit-inputs caption", "Empfehlungen (18)"),
                select(".cockpit-filter select[name$='.sector']", "kommunen"),
                submit(".cockpit-filter"),
                text(".cockpit-inputs tbody", "Kommunen")));
        add(pages, "open-inputs", "/pages/viewpage.action?pageId=" + open + "&as=cdo&lang=de", List.of(
                text(".cockpit-inputs", "Tagen")));
        add(pages, "profile", "/pages/viewpage.action?pageId=" + profile + "&as=cdo&lang=de", List.of(
                text(".cockpit-profile h2", "DIGI-1"), text(".cockpit-profile", "Zeitlicher Rahmen")));
        // What became of the board's input: the board's view of a meeting and the trace of one input.
        add(pages, "board-followup", "/pages/viewpage.action?pageId=" + followUp + "&as=expertin-wirtschaft&lang=de",
                List.of(text(".cockpit-followup h2", "Was wurde aus unseren Empfehlungen?"),
                        text(".cockpit-followup-table caption", "5 Empfehlungen dieser Sitzung"),
                        count(".cockpit-followup-table tbody tr", 5),
                        count(".cockpit-followup-table thead th[scope=col]", 6),
                        // the decisions that took the input up (their state is the golden files' and TraceTest's)
                        text(".cockpit-followup-table tbody", "LK-"),
                        text(".cockpit-followup-table tbody", "Tage")));
        add(pages, "board-followup-english", "/pages/viewpage.action?pageId=" + followUp + "&as=cdo&lang=en",
                List.of(text(".cockpit-followup h2", "What became of our recommendations?"),
                        text(".cockpit-followup-table thead", "Until the decision")));
        add(pages, "trace", "/pages/viewpage.action?pageId=" + trace + "&as=cdo&lang=de", List.of(
                text(".cockpit-trace h2", "Weg der Empfehlung"),
                text(".cockpit-trace-table caption", "Beschlüsse, die die Empfehlung aufgreifen"),
                text(".cockpit-trace-table tbody", "Ampel"),
                text(".cockpit-trace dl", "Bis zum Beschluss")));
        add(pages, "minutes", "/pages/viewpage.action?pageId=" + minutes + "&as=cdo&lang=de", List.of(
                count(".cockpit-decision", 4), text(".cockpit-decision .aui-lozenge", "")));
        ObjectNode missing = add(pages, "restricted-minutes-staff", "/pages/viewpage.action?pageId=" + restricted.getId()
                + "&as=mitarbeiterin&lang=de", List.of(text("main", "gibt es nicht")));
        missing.put("status", 404);
        add(pages, "restricted-minutes-member", "/pages/viewpage.action?pageId=" + restricted.getId()
                + "&as=leitung-finanzen&lang=de", List.of(count(".cockpit-decision", 5)));
        add(pages, "hostile-input", "/pages/viewpage.action?pageId=" + hostile + "&as=cdo&lang=de", List.of(
                text(".cockpit-decision h3", "<script>window.__xss=1</script>"), text("h1", "<script>"),
                // outside the committee's minutes places: not recorded, and the page says so
                text(".cockpit-decision .cockpit-not-recorded", "Nicht erfasst: Diese Seite gehört nicht zu den "
                        + "Protokollen des Lenkungskreises"), count(".cockpit-decision .aui-lozenge", 0)));
        add(pages, "minutes-places-admin", "/plugins/servlet/cockpit/admin/minutes?as=admin&lang=de", List.of(
                text("h1", "Orte der Protokolle"), text("form.aui", "Strategieseiten"),
                // Spaces and pages for each body, and for the strategy pages that record goals.
                count("form.aui input[type=text]", 6),
                attribute("#places-spaces-lenkungskreis", "value", "LK")));
        add(pages, "minutes-places-admin-errors", "/plugins/servlet/cockpit/admin/minutes?as=admin&lang=en", List.of(
                fill("#places-spaces-lenkungskreis", "L K!"),
                fill("#places-pages-beirat", "12x"),
                submit("form.aui"),
                text("[role=alert]", "Nothing was saved"),
                text("#places-spaces-lenkungskreis-error", "is not a space key"),
                attribute("#places-spaces-lenkungskreis", "aria-invalid", "true"),
                attribute("#places-pages-beirat", "aria-describedby", "places-pages-beirat-help places-pages-beirat-error")));
        // The public profile as the participation platform shows it, in both languages, and embedded.
        add(pages, "public-profile", "/rest/cockpit/1.0/public/projects/DIGI-1/profile?lang=de", List.of(
                text("h1", "Onlinezugangsgesetz"), text("dl", "Zeitlicher Rahmen"), text(".health", "Ampel"),
                attribute("html", "lang", "de")));
        add(pages, "public-profile-english", "/rest/cockpit/1.0/public/projects/DIGI-1/profile?lang=en", List.of(
                text("dl", "Time frame"), attribute("html", "lang", "en")));
        add(pages, "public-profile-example", "/public-profile-example.html", List.of(
                check("visible", "#projects li"), count("#projects li", 2),
                attribute("iframe#profile", "title", "Projektsteckbrief DIGI-1")));
        // The staff unit withdraws the publication on the profile and publishes it again.
        add(pages, "profile-publication", "/pages/viewpage.action?pageId=" + profile + "&as=cdo&lang=de", List.of(
                text(".cockpit-publication", "Dieser Steckbrief ist öffentlich"),
                submit(".cockpit-publication form"),
                url("#publication-DIGI-1"),
                text(".cockpit-publication", "nicht öffentlich"),
                submit(".cockpit-publication form"),
                text(".cockpit-publication", "Dieser Steckbrief ist öffentlich")));
        // The meeting preparation: a member's and staff's view (staff's span starts a meeting earlier).
        add(pages, "meeting-preparation", "/pages/viewpage.action?pageId=" + preparation + "&as=cdo&lang=de", List.of(
                text(".cockpit-preparation h2", "Seit der letzten Sitzung: Lenkungskreis"),
                count(".cockpit-preparation h3", 6),
                text("#preparation-lenkungskreis-health + ul", "von Im Plan auf"),
                text("#preparation-lenkungskreis-open + ul", "aus der Sitzung")));
        add(pages, "meeting-preparation-staff-english", "/pages/viewpage.action?pageId=" + preparation
                + "&as=mitarbeiterin&lang=en", List.of(
                text(".cockpit-preparation h2", "Since the last meeting"),
                text("#preparation-lenkungskreis-overdue + ul", "due on")));
        // The quarterly report: the page to print, its quarter chooser and, in English, a quarter that
        // is none (400). The quarter is that of the committee's latest meeting before the current
        // quarter: the demo's projects were mirrored today, so that quarter's page has its decisions
        // and goals without every project's first values, and its full-page screenshot stays small.
        de.digitalstrategie.cockpit.report.Quarter current = de.digitalstrategie.cockpit.report.Quarter.of(
                java.time.LocalDate.now());
        String earlier = sandbox.committee.meetings(de.digitalstrategie.cockpit.sandbox.demo.WormsDemo.STEERING)
                .stream().map(m -> de.digitalstrategie.cockpit.report.Quarter.of(m.date()))
                .filter(q -> q.compareTo(current) < 0).findFirst().orElseThrow().toString();
        add(pages, "quarterly-report", "/plugins/servlet/cockpit/report?as=cdo&lang=de", List.of(
                text("h1", "Quartalsbericht"),
                count(".cockpit-report-part", 5),
                count(".cockpit-report-controls a[download]", 1),
                select("#report-quarter", earlier),
                submit(".cockpit-report-controls"),
                url("quarter=" + earlier),
                // The demo's goals were adopted on the day it was seeded: no goals of an earlier quarter.
                text("#report-goals + .cockpit-empty", "In diesem Quartal nichts."),
                text("#report-decisions + table tbody", "LK-")));
        add(pages, "quarterly-report-refused-english", "/plugins/servlet/cockpit/report?quarter=2026-Q9"
                + "&as=mitarbeiterin&lang=en", List.of(
                text(".aui-message-error", "[2026-Q9] is not a quarter"),
                count(".cockpit-report-part", 0))).put("status", 400);
        add(pages, "blueprint", "/create?blueprint=steering-minutes&as=schriftfuehrung&lang=de", List.of(
                fill("#create-title", "Protokoll LK 2026/9 – Testsitzung"),
                fill("#create-date", "2026-12-01"),
                submit("form.aui"),
                url("/pages/viewpage.action?pageId="),
                text("h1", "Protokoll LK 2026/9"),
                text(".cockpit-decision h3", "LK-JJJJ-NN"),
                text(".cockpit-preparation h2", "Seit der letzten Sitzung: Lenkungskreis"),
                text("h2 + ol li a", "LK-")));
        // The achievement of goals: every field's goals and their indicators' course, filtered by the
        // viewer, in English, and for anonymous visitors without any project.
        long goals = page(sandbox, "Zielerreichung der Digitalstrategie");
        add(pages, "strategy-goals", "/pages/viewpage.action?pageId=" + goals + "&as=cdo&lang=de", List.of(
                text(".cockpit-strategy h2", "Zielerreichung"),
                count(".cockpit-strategy-field", 7),
                count(".cockpit-goal", 9),
                count("svg.cockpit-trend[role=img]", 10),
                text(".cockpit-indicators tr.cockpit-overdue", "überfällig"),
                text(".cockpit-strategy", "Nicht im Plan"),
                text(".cockpit-strategy", "Keine Daten"),
                count(".cockpit-strategy .cockpit-downloads a[download]", 2),
                select(".cockpit-strategy .cockpit-filter select[name$='.assessment']", "no-data"),
                submit(".cockpit-strategy .cockpit-filter"),
                count(".cockpit-goal", 1),
                text(".cockpit-goal h4", "ZIEL-DIG-2"),
                url("pageId=" + goals)));
        add(pages, "strategy-goals-english", "/pages/viewpage.action?pageId=" + goals + "&as=leitung-finanzen&lang=en",
                List.of(text(".cockpit-strategy h2", "Achievement of goals"), text(".cockpit-strategy", "On track"),
                        text(".cockpit-chart-data summary", "table")));
        add(pages, "strategy-goals-anonymous", "/pages/viewpage.action?pageId=" + goals + "&as=anonymous&lang=de",
                List.of(text(".cockpit-strategy", "ZIEL-MOB-1"), count(".cockpit-projects", 0)));
        return spec;
    }

    private static ObjectNode add(ArrayNode pages, String name, String path, List<ObjectNode> checks) {
        ObjectNode page = pages.addObject();
        page.put("name", name);
        page.put("path", path);
        page.putArray("checks").addAll(checks);
        page.put("axe", true);
        return page;
    }

    private static ObjectNode check(String type, String selector) {
        ObjectNode c = JSON.createObjectNode();
        c.put("type", type);
        if (selector != null) {
            c.put("selector", selector);
        }
        return c;
    }

    private static ObjectNode text(String selector, String contains) {
        return check("text", selector).put("contains", contains);
    }

    private static ObjectNode count(String selector, int equals) {
        return check("count", selector).put("equals", equals);
    }

    private static ObjectNode click(String selector) {
        return check("click", selector).put("navigation", true);
    }

    private static ObjectNode attribute(String selector, String name, String equals) {
        return check("attribute", selector).put("name", name).put("equals", equals);
    }

    private static ObjectNode select(String selector, String value) {
        return check("select", selector).put("value", value);
    }

    private static ObjectNode fill(String selector, String value) {
        return check("fill", selector).put("value", value);
    }

    private static ObjectNode submit(String selector) {
        return check("submit", selector);
    }

    private static ObjectNode url(String contains) {
        return check("url", null).put("contains", contains);
    }
}
