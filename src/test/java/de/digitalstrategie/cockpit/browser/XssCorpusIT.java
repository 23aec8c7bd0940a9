package de.digitalstrategie.cockpit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input in a real browser: every payload of {@code hardening/xss-payloads.txt} goes into
 * every parameter and body of every macro, every page title, and every text field of the REST API
 * (through the real HTTP interface), reaches the registers through the page events, and every
 * resulting page is loaded in headless Chromium (a page fails if any script runs or any dialog
 * opens) and read over HTTP for markup a payload smuggled in unescaped.
 *
 * <p>Each payload's {@code __xss=1} is numbered {@code __xss=<line>} before use, so a script that
 * runs, or a tag that slipped through, names the payload it came from.
 */
class XssCorpusIT {
    private static final Path RUNNER = Path.of("src/test/browser");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USER = "cdo";

    /** A real start tag: escaped text cannot look like this (its "<" is "&lt;"). */
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>");
    /** An event handler attribute, as it stands in a tag once quoted values are blanked out. */
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)\\son[a-z]+\\s*=");
    /** What a script or style element holds: a marker there runs (or styles) as the payload meant. */
    private static final Pattern ELEMENT_CONTENT = Pattern.compile("(?is)<(script|style)\\b[^>]*>([^<]*)");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    /** A script URL in a link or source the page itself offers. */
    private static final Pattern SCRIPT_URL = Pattern.compile(
            "(?i)\\b(?:href|src|action|formaction|data|xlink:href)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):");
    private static final Pattern BROWSER_MARKER = Pattern.compile("__xss=(\\d+)");
    private static final List<String> STACK_TRACE = List.of("Exception", "\tat de.", "at org.apache.velocity",
            "Ein interner Fehler ist aufgetreten", "An internal error occurred");

    private static final int PER_MINUTES = 50;
    /** Goals per strategy page: each has an indicator with a chart, and a page of many charts is slow to check. */
    private static final int PER_STRATEGY_PAGE = 25;
    private final List<String> payloads = payloads();
    /** Injection point by page: which payload lines the page holds. */
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Set<String> leaks = new TreeSet<>();
    private final List<String> crashes = new ArrayList<>();
    private final List<String> unseen = new ArrayList<>();
    private int tried;

    /** A page to load: the injection points it shows and the payloads in them. */
    record Target(String name, String path, int combinations, Set<String> points, boolean browser) {
    }

    @Test
    void noPayloadRunsAnywhere(@TempDir Path data) throws Exception {
        assertTrue(Files.isDirectory(RUNNER.resolve("node_modules/playwright-core")),
                "Node packages missing: run 'npm ci' in src/test/browser (.ci/run does)");
        assertTrue(payloads.size() >= 100, "corpus too small: " + payloads.size());
        Path out = Path.of("target/browser-xss");
        Files.createDirectories(out);
        try (Sandbox sandbox = new Sandbox(Database.h2Memory("xss" + UUID.randomUUID().toString().replace("-", "")),
                data, Clock.systemDefaultZone())) {
            sandbox.seedDemo(Path.of("src/sandbox/seed/worms"));
            long t0 = System.nanoTime();
            // The corpus's minutes live in DIGI beside its other pages: named as both bodies' minutes
            // place (as a city may keep them together), and saved by the secretary, whose status
            // changes the registers take.
            sandbox.minutesPlaces.save(WormsDemo.STEERING, new Places(Set.of(WormsDemo.STEERING_SPACE, "DIGI"), Set.of()));
            sandbox.minutesPlaces.save(WormsDemo.ADVISORY, new Places(Set.of(WormsDemo.ADVISORY_SPACE, "DIGI"), Set.of()));
            sandbox.users.actAs(sandbox.users.user(WormsDemo.SECRETARY).orElseThrow());
            List<Decision> restDecisions;
            Corpus corpus = new Corpus(sandbox);
            try {
                corpus.recordingMacros();
                corpus.viewingMacros();
                corpus.pageTitles();
                corpus.publicProfiles();
                corpus.meetingCalendars();
                corpus.strategyGoals();
                corpus.evidenceFlags();
                restDecisions = corpus.restTargets();
                corpus.strategyValues();
                indicator(sandbox);
            } finally {
                sandbox.users.actAs(null);
            }
            phase("pages recorded", t0);
            try (SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0)) {
                server.start();
                String base = "http://127.0.0.1:" + server.port();
                rest(base, restDecisions, sandbox.advisory.all().stream()
                        .filter(i -> i.number().startsWith("BR-REST-")).toList());
                values(base);
                publicAnswers(base);
                acknowledgements(base, sandbox);
                flagFilters(base);
                calendarFeeds(base, sandbox);
                phase("REST calls", t0);
                corpus.registers();
                corpus.preparations();
                corpus.quarterlyReports();
                // Pages the browser loads are checked in the HTML it received; the others are read here.
                for (Target t : targets.values()) {
                    if (!t.browser()) {
                        readOverHttp(base, t);
                    }
                }
                phase("pages read over HTTP", t0);
                browser(base, out);
                phase("browser", t0);
            }
        }
        System.out.println("hardening xss: tried " + tried + ", leaked " + leaks.size() + ", crashed " + crashes.size()
                + ", not seen by the browser " + unseen.size());
        assertEquals(Set.of(), leaks, "payloads that ran or were written out as markup");
        assertEquals(List.of(), crashes, "pages or calls the server failed");
        assertEquals(List.of(), unseen, "pages the browser could not check");
    }

    // ---------------------------------------------------------------- the corpus on pages

    private final class Corpus {
        private final Sandbox sandbox;
        private int project = 1;

        Corpus(Sandbox sandbox) {
            this.sandbox = sandbox;
        }

        /** committee-decision and advisory-input: each parameter and the body, recorded through the page events. */
        void recordingMacros() {
            List<String> decisionParams = List.of("number", "title", "status", "vote", "projects", "owner", "due",
                    "successor", "inputs", "date", "public");
            for (String param : decisionParams) {
                String key = "DIGI-" + project++;
                String point = "committee-decision." + param;
                minutes(point, key, i -> decision(point, i, key, param, payloads.get(i), "<p>Begründung</p>"), true);
            }
            String bodyKey = "DIGI-" + project++;
            minutes("committee-decision.body", bodyKey,
                    i -> decision("committee-decision.body", i, bodyKey, null, null, "<p>" + xml(payloads.get(i)) + "</p>"),
                    true);
            String markupKey = "DIGI-" + project++;
            minutes("committee-decision.body-markup", markupKey, i -> wellFormed(payloads.get(i))
                    ? decision("committee-decision.body-markup", i, markupKey, null, null, "<p>" + payloads.get(i) + "</p>")
                    : null, true);

            List<String> inputParams = List.of("number", "title", "topic", "sectors", "projects", "received",
                    "answer-status", "reported", "public");
            for (String param : inputParams) {
                String key = "DIGI-" + project++;
                String point = "advisory-input." + param;
                minutes(point, key, i -> input(point, i, key, Map.of(param, payloads.get(i)), "<p>Empfehlung</p>"), false);
            }
            // The answer counts once the city has taken a position: under review first, then declined with it.
            String answerKey = "DIGI-" + project++;
            List<SandboxPage> answers = minutes("advisory-input.answer", answerKey, i -> input("advisory-input.answer",
                    i, answerKey, Map.of("answer-status", "under-review"), "<p>Empfehlung</p>"), false);
            for (int c = 0; c < answers.size(); c++) {
                StringBuilder declined = new StringBuilder();
                for (int i = c * PER_MINUTES; i < Math.min(payloads.size(), (c + 1) * PER_MINUTES); i++) {
                    declined.append(input("advisory-input.answer", i, answerKey, Map.of("answer-status", "declined",
                            "answer", payloads.get(i)), "<p>Empfehlung</p>"));
                }
                sandbox.pages.update(answers.get(c).getId(), declined.toString());
            }
            String inputBody = "DIGI-" + project++;
            minutes("advisory-input.body", inputBody, i -> input("advisory-input.body", i, inputBody, Map.of(),
                    "<p>" + xml(payloads.get(i)) + "</p>"), false);
            String inputMarkup = "DIGI-" + project++;
            minutes("advisory-input.body-markup", inputMarkup, i -> wellFormed(payloads.get(i))
                    ? input("advisory-input.body-markup", i, inputMarkup, Map.of(), "<p>" + payloads.get(i) + "</p>")
                    : null, false);
        }

        /** Portfolio, profile and both registers: every parameter, many macros per page. */
        void viewingMacros() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("digital-portfolio", List.of("field", "department", "phase", "status", "health", "text",
                    "group", "sort", "order", "page-size", "charts", "as-of", "health-trend"));
            params.put("digital-roadmap", List.of("field", "department", "phase", "status", "health", "text", "group",
                    "from", "to", "limit", "as-of"));
            params.put("project-profile", List.of("key"));
            params.put("decision-register", List.of("year", "meeting", "status", "project", "owner", "text", "sort",
                    "order", "page-size", "page", "withdrawn", "implementation"));
            params.put("advisory-register", List.of("year", "status", "sector", "project", "text", "unanswered",
                    "awaiting-report", "sort", "order", "page-size", "page", "withdrawn"));
            params.put("advisory-trace", List.of("input"));
            params.put("advisory-followup", List.of("meeting"));
            params.put("meeting-preparation", List.of("body", "days"));
            params.put("strategy-goals", List.of("field", "status", "assessment"));
            params.put("evidence-flags", List.of("rule", "field"));
            params.put("strategy-goal", List.of("number", "title", "field", "status", "reason", "projects", "decisions",
                    "public"));
            params.put("strategy-indicator", List.of("key", "goal", "name", "measures", "rationale", "unit", "direction",
                    "baseline", "baseline-date", "target", "target-date", "source", "responsible", "rhythm"));
            params.forEach((name, list) -> {
                for (String param : list) {
                    String point = name + "." + param;
                    StringBuilder body = new StringBuilder("<p>" + xml(point) + "</p>");
                    for (int i = 0; i < payloads.size(); i++) {
                        Map<String, String> p = new LinkedHashMap<>();
                        // Small pages keep the page quick; the payload decides what is shown.
                        if (name.equals("digital-portfolio")) {
                            p.put("page-size", "3");
                            p.put("charts", "false");
                        } else if (name.equals("digital-roadmap")) {
                            p.put("limit", "3");
                        } else if (name.equals("meeting-preparation")) {
                            p.put("body", "lenkungskreis");
                        } else if (name.endsWith("-register")) {
                            // A year without records keeps each of the many registers on the page small.
                            p.put("page-size", "3");
                            p.put("year", "2001");
                        }
                        p.put(param, payloads.get(i));
                        body.append(macro(name, p, null));
                    }
                    page(point, "Ansicht " + point, body.toString(), payloads.size(), Set.of(point));
                }
            });
            // A goal's description, as text and (where it is well-formed) as the page's own markup.
            StringBuilder goals = new StringBuilder("<p>strategy-goal.body</p>");
            StringBuilder markup = new StringBuilder("<p>strategy-goal.body-markup</p>");
            int wellFormed = 0;
            for (int i = 0; i < payloads.size(); i++) {
                Map<String, String> p = Map.of("number", "ZIEL-XSSB-" + (i + 1), "title", "Ziel " + (i + 1), "field", "3.4");
                goals.append(macro("strategy-goal", p, "<p>" + xml(payloads.get(i)) + "</p>"));
                if (wellFormed(payloads.get(i))) {
                    markup.append(macro("strategy-goal", p, "<p>" + payloads.get(i) + "</p>"));
                    wellFormed++;
                }
            }
            page("strategy-goal.body", "Ansicht strategy-goal.body", goals.toString(), payloads.size(),
                    Set.of("strategy-goal.body"));
            page("strategy-goal.body-markup", "Ansicht strategy-goal.body-markup", markup.toString(), wellFormed,
                    Set.of("strategy-goal.body-markup"));
        }

        /**
         * Minutes pages titled with a payload: a title that is no valid meeting number is refused (the
         * macros say so, quoting it); one that is becomes the meeting's, shown in the registers.
         */
        void pageTitles() {
            String key = "DIGI-" + project++;
            for (int i = 0; i < payloads.size(); i++) {
                String body = decision("page-title", i, key, null, null, "<p>Begründung</p>")
                        + input("page-title", i, key, Map.of(), "<p>Empfehlung</p>");
                try {
                    SandboxPage p = sandbox.pages.create("DIGI", payloads.get(i), body, Set.of(), "steering-minutes");
                    // Read over HTTP one by one; the browser sees every title at once on the start page and the registers.
                    targets.put("page-title-" + i, new Target("page-title-" + i, "/pages/viewpage.action?pageId="
                            + p.getId(), 1, Set.of("page-title"), false));
                } catch (RuntimeException e) {
                    crashes.add("page-title #" + (i + 1) + ": " + e);
                }
                tried++;
            }
            target("start", "/", payloads.size(), Set.of("page-title"));
            pointsByProject.computeIfAbsent(key, k -> new LinkedHashSet<>()).add("page-title");
        }

        /**
         * Published projects whose title and Steckbrief texts are the payloads, seven to a project:
         * their public pages are loaded in the browser, their JSON and feeds read over HTTP.
         */
        void publicProfiles() {
            for (int from = 0; from < payloads.size(); from += 7) {
                String key = "PUB-" + (from / 7 + 1);
                String[] v = new String[7];
                for (int j = 0; j < 7; j++) {
                    v[j] = payloads.get(Math.min(from + j, payloads.size() - 1));
                }
                de.digitalstrategie.cockpit.portfolio.ProjectProfile profile =
                        new de.digitalstrategie.cockpit.portfolio.ProjectProfile(v[1], v[2], v[3],
                                v[4].replaceAll("[\\r\\n]", " "), v[5], v[6]);
                de.digitalstrategie.cockpit.portfolio.DigitalProject project;
                try {
                    project = publicProject(key, v[0], profile);
                } catch (RuntimeException e) {
                    // A payload that is no valid title (a line break, blank): the texts carry it.
                    project = publicProject(key, "Projekt " + key, profile);
                }
                sandbox.projects.save(project);
                sandbox.projects.publish(key, true, USER);
                publicKeys.add(key);
                target("public-profile-" + key, "/rest/cockpit/1.0/public/projects/" + key + "/profile",
                        Math.min(7, payloads.size() - from), Set.of("public-profile"));
            }
        }

        private de.digitalstrategie.cockpit.portfolio.DigitalProject publicProject(String key, String title,
                de.digitalstrategie.cockpit.portfolio.ProjectProfile profile) {
            return new de.digitalstrategie.cockpit.portfolio.DigitalProject(key, title, profile, null, 100_00, 0,
                    de.digitalstrategie.cockpit.portfolio.ProjectStatus.RUNNING,
                    de.digitalstrategie.cockpit.portfolio.Phase.IMPLEMENTATION,
                    de.digitalstrategie.cockpit.portfolio.Health.AMBER, null, null, null);
        }

        /**
         * Public bodies named with the payloads, each with one public meeting whose title and place are
         * the payload: their calendars are read by ical4j (calendarFeeds), the subscribe macros and the
         * calendar page, which name the bodies, loaded in the browser.
         */
        void meetingCalendars() {
            StringBuilder macros = new StringBuilder("<p>Sitzungskalender</p>");
            for (int i = 0; i < payloads.size(); i++) {
                String text = payloads.get(i).replaceAll("[\\r\\n]", " ");
                String key = "xss-" + (i + 1);
                try {
                    sandbox.committee.save(new de.digitalstrategie.cockpit.committee.Body(key,
                            de.digitalstrategie.cockpit.committee.BodyKind.ADVISORY_BOARD, text, true));
                } catch (RuntimeException e) {
                    // A payload that is no valid name (blank): the meeting's texts carry it.
                    sandbox.committee.save(new de.digitalstrategie.cockpit.committee.Body(key,
                            de.digitalstrategie.cockpit.committee.BodyKind.ADVISORY_BOARD, "Gremium " + (i + 1), true));
                }
                String title = text.isBlank() ? "Sitzung " + (i + 1) : text;
                sandbox.committee.save(new de.digitalstrategie.cockpit.committee.Meeting(0, key, "XSS " + (i + 1),
                        title, java.time.LocalDate.of(2027, 1, 1).plusDays(i), text, 0, true));
                macros.append(macro("meeting-calendar", Map.of("body", key), null));
            }
            page("meeting-calendar", "Sitzungskalender", macros.toString(), payloads.size(), Set.of("meeting-calendar"));
            target("calendar-page", de.digitalstrategie.cockpit.calendar.CalendarLinks.PAGE, payloads.size(),
                    Set.of("calendar-page"));
        }

        /**
         * Strategy pages whose goals and indicator cards carry the payloads (a goal's title and text,
         * an indicator's name, what it measures, its unit, responsible unit and source), recorded
         * through the page events ({@link #restTargets} settles them), each page with the achievement
         * macro over its own field; {@link #strategyValues} gives each card a value with the payload
         * as its source.
         */
        void strategyGoals() {
            for (int from = 0; from < payloads.size(); from += PER_STRATEGY_PAGE) {
                String field = "X" + (from / PER_STRATEGY_PAGE + 1);
                StringBuilder body = new StringBuilder(macro("strategy-goals", Map.of("field", field), null));
                int n = 0;
                for (int i = from; i < Math.min(payloads.size(), from + PER_STRATEGY_PAGE); i++, n++) {
                    String v = payloads.get(i);
                    Map<String, String> goal = new LinkedHashMap<>();
                    goal.put("number", "ZIEL-XSS-" + (i + 1));
                    goal.put("title", v);
                    goal.put("field", field);
                    goal.put("status", "adopted");
                    body.append(macro("strategy-goal", goal, "<p>" + xml(v) + "</p>"));
                    Map<String, String> card = new LinkedHashMap<>();
                    card.put("key", "XSS-" + (i + 1));
                    card.put("goal", "ZIEL-XSS-" + (i + 1));
                    card.put("name", v);
                    card.put("measures", v);
                    // A unit longer than a unit may be would refuse the whole card: the name still carries it.
                    card.put("unit", v.length() <= 40 ? v : "%");
                    card.put("direction", "higher-is-better");
                    card.put("baseline", "1");
                    card.put("baseline-date", "2024-12-31");
                    card.put("target", "9");
                    card.put("target-date", "2028-12-31");
                    card.put("source", v);
                    card.put("responsible", v);
                    card.put("rhythm", "yearly");
                    body.append(macro("strategy-indicator", card, null));
                }
                SandboxPage p = sandbox.pages.create("STRAT", "Ziele " + field, body.toString(), Set.of(), "page");
                target("strategy-goals-" + field, "/pages/viewpage.action?pageId=" + p.getId(), n,
                        Set.of("strategy-goals"));
            }
        }

        /** One value for each card the corpus's strategy pages recorded, with the payload as its source. */
        void strategyValues() {
            List<de.digitalstrategie.cockpit.strategy.store.Measurements.Row> rows = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                try {
                    rows.add(new de.digitalstrategie.cockpit.strategy.store.Measurements.Row(i + 1,
                            new de.digitalstrategie.cockpit.strategy.Measurement("XSS-" + (i + 1),
                                    java.math.BigDecimal.valueOf(3), java.time.LocalDate.of(2025, 12, 31),
                                    payloads.get(i), payloads.get(i), USER, java.time.Instant.now())));
                } catch (RuntimeException e) {
                    // A payload that is no valid source (a line break): the card's texts carry it.
                    rows.add(new de.digitalstrategie.cockpit.strategy.store.Measurements.Row(i + 1,
                            new de.digitalstrategie.cockpit.strategy.Measurement("XSS-" + (i + 1),
                                    java.math.BigDecimal.valueOf(3), java.time.LocalDate.of(2025, 12, 31), "",
                                    "", USER, java.time.Instant.now())));
                }
            }
            sandbox.plugin.bean(de.digitalstrategie.cockpit.strategy.store.Measurements.class).recordAll(rows);
        }

        /**
         * Projects titled with the payloads, each flagged (its end date passed while it runs): the
         * flag list shows them all, their profiles show their flags, and the staff unit's
         * acknowledgements (made over HTTP later) carry the payloads as comments.
         */
        void evidenceFlags() {
            StringBuilder profiles = new StringBuilder();
            for (int i = 0; i < payloads.size(); i++) {
                String key = "EVIDENCE-" + (i + 1);
                de.digitalstrategie.cockpit.portfolio.DigitalProject project;
                try {
                    project = overdueProject(key, payloads.get(i));
                } catch (RuntimeException e) {
                    // A payload that is no valid title (a line break, blank): the comment carries it.
                    project = overdueProject(key, "Projekt " + key);
                }
                sandbox.projects.save(project);
                evidenceKeys.add(key);
                profiles.append(macro("project-profile", Map.of("key", key), null));
                if ((i + 1) % PER_MINUTES == 0 || i == payloads.size() - 1) {
                    page("evidence-profiles-" + i, "Steckbriefe mit Hinweisen " + i, profiles.toString(),
                            Math.min(PER_MINUTES, i % PER_MINUTES + 1), Set.of("evidence.title", "evidence.comment"));
                    profiles.setLength(0);
                }
            }
            flagList = page("evidence-flags.list", "Gemeldeter Stand und Belege (Korpus)",
                    macro("evidence-flags", Map.of(), null), payloads.size(), Set.of("evidence.title", "evidence.comment"));
        }

        private de.digitalstrategie.cockpit.portfolio.DigitalProject overdueProject(String key, String title) {
            return new de.digitalstrategie.cockpit.portfolio.DigitalProject(key, title, null,
                    new de.digitalstrategie.cockpit.portfolio.TimeFrame(java.time.LocalDate.of(2024, 1, 1),
                            java.time.LocalDate.of(2025, 1, 1)), 100_00, 0,
                    de.digitalstrategie.cockpit.portfolio.ProjectStatus.RUNNING,
                    de.digitalstrategie.cockpit.portfolio.Phase.IMPLEMENTATION,
                    de.digitalstrategie.cockpit.portfolio.Health.GREEN, null, null, null);
        }

        /** Decisions and inputs with harmless texts for the REST calls to write into. */
        List<Decision> restTargets() {
            String key = "DIGI-" + project++;
            minutes("rest", key, i -> decision("rest", i, key, "status", "ready-for-vote", "<p>Begründung</p>")
                    + input("rest", i, key, Map.of(), "<p>Empfehlung</p>"), true);
            // The registers take all the saved pages on the scheduler; a run that failed is a crash too.
            sandbox.settle();
            sandbox.scheduler.runs().stream().filter(r -> r.outcome() == com.atlassian.scheduler.status.RunOutcome.FAILED)
                    .forEach(r -> crashes.add("job " + r.jobId() + ": " + r.message()));
            return sandbox.decisions.all().stream().filter(d -> d.number().startsWith("LK-REST-")).toList();
        }

        /** The registers and the project profile of every injection point's project. */
        void registers() {
            for (int k = 1; k < project; k++) {
                registerPages("DIGI-" + k, "DIGI-" + k);
            }
            // The trace of each input whose title is a payload, with the decisions that take it up.
            StringBuilder traces = new StringBuilder("<p>Wege der Empfehlungen</p>");
            for (int i = 0; i < payloads.size(); i++) {
                traces.append(macro("advisory-trace", Map.of("input", "BR-" + tag("advisory-input.title") + "-"
                        + (i + 1)), null));
            }
            page("advisory-trace.traces", "Wege der Empfehlungen", traces.toString(), 0,
                    Set.of("advisory-input.title", "committee-decision.title"));
        }

        /**
         * Both bodies' meeting preparations over everything recorded: the open items, taken and
         * overdue decisions and unanswered input among them carry the payloads of their texts.
         */
        void preparations() {
            String body = macro("meeting-preparation", Map.of("body", "lenkungskreis", "days", "0"), null)
                    + macro("meeting-preparation", Map.of("body", "beirat", "days", "0"), null);
            SandboxPage p = sandbox.pages.create("DIGI", "Sitzungsvorbereitung", body, Set.of(), "page");
            target("preparations", "/pages/viewpage.action?pageId=" + p.getId(), 0, Set.of());
        }

        /**
         * The quarterly report of every quarter the corpus's decisions and inputs were filed in (their
         * titles, owners, answers are payloads), loaded in the browser; and each payload as the
         * quarter asked for, which the refusal names, read over HTTP.
         */
        void quarterlyReports() {
            java.util.SortedSet<String> quarters = new java.util.TreeSet<>();
            sandbox.decisions.all().forEach(d -> sandbox.committee.meeting(d.meetingId()).ifPresent(m ->
                    quarters.add(de.digitalstrategie.cockpit.report.Quarter.of(m.date()).toString())));
            sandbox.advisory.all().forEach(i -> quarters.add(de.digitalstrategie.cockpit.report.Quarter.of(i.receivedOn())
                    .toString()));
            for (String q : quarters) {
                target("quarterly-report-" + q, "/plugins/servlet/cockpit/report?quarter=" + q, 0, Set.of());
            }
            for (int i = 0; i < payloads.size(); i++) {
                String name = "quarterly-report-refused-" + (i + 1);
                targets.put(name, new Target(name, "/plugins/servlet/cockpit/report?quarter="
                        + java.net.URLEncoder.encode(payloads.get(i), java.nio.charset.StandardCharsets.UTF_8), 1,
                        Set.of("report.quarter"), false));
                tried++;
            }
        }

        private void registerPages(String name, String key) {
            Set<String> points = pointsOf(key);
            String body = macro("decision-register", Map.of("project", key, "page-size", "500"), null)
                    + macro("advisory-register", Map.of("project", key, "page-size", "500"), null)
                    + macro("project-profile", Map.of("key", key), null);
            SandboxPage p = sandbox.pages.create("DIGI", "Register " + name, body, Set.of(), "page");
            target("registers-" + name, "/pages/viewpage.action?pageId=" + p.getId(), 0, points);
        }

        private final Map<String, Set<String>> pointsByProject = new LinkedHashMap<>();

        private Set<String> pointsOf(String key) {
            return pointsByProject.getOrDefault(key, Set.of());
        }

        /**
         * Minutes pages for one injection point, {@link #PER_MINUTES} macros each: every macro looks up
         * the records of its page, so one page holding the whole corpus would take long to render.
         */
        private List<SandboxPage> minutes(String point, String key, java.util.function.IntFunction<String> macroFor,
                                          boolean steering) {
            pointsByProject.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(point);
            List<SandboxPage> made = new ArrayList<>();
            for (int from = 0; from < payloads.size(); from += PER_MINUTES) {
                StringBuilder body = new StringBuilder("<p>" + xml(point) + "</p>");
                int n = 0;
                for (int i = from; i < Math.min(payloads.size(), from + PER_MINUTES); i++) {
                    String m = macroFor.apply(i);
                    if (m != null) {
                        body.append(m);
                        n++;
                    }
                }
                if (!steering) {
                    // The board's view of the page's own meeting: every input's texts, its answer, and the
                    // decisions (all of which take up input) with their titles.
                    body.append(macro("advisory-followup", Map.of(), null));
                }
                made.add(page(point + "-" + from, (steering ? "Protokoll LK " : "Protokoll Beirat ") + point + " "
                        + from, body.toString(), n, Set.of(point)));
            }
            return made;
        }

        private SandboxPage page(String point, String title, String body, int combinations, Set<String> points) {
            SandboxPage p = sandbox.pages.create("DIGI", title, body, Set.of(), "page");
            target(point, "/pages/viewpage.action?pageId=" + p.getId(), combinations, points);
            return p;
        }

        private String decision(String point, int i, String project, String param, String value, String body) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("number", "LK-" + tag(point) + "-" + (i + 1));
            p.put("title", "Beschluss " + (i + 1));
            p.put("projects", project);
            p.put("owner", "Amt für Digitalisierung");
            p.put("due", "2026-12-31");
            // Each decision takes up the input of the same position whose title is a payload.
            p.put("inputs", "BR-" + tag("advisory-input.title") + "-" + (i + 1));
            if (param != null) {
                p.put(param, value);
            }
            return macro("committee-decision", p, body);
        }

        private String input(String point, int i, String project, Map<String, String> extra, String body) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("number", "BR-" + tag(point) + "-" + (i + 1));
            p.put("title", "Empfehlung " + (i + 1));
            p.put("sectors", "kommunen");
            p.put("projects", project);
            p.put("received", "2026-10-01");
            p.putAll(extra);
            return macro("advisory-input", p, body);
        }
    }

    private static String tag(String point) {
        return point.equals("rest") ? "REST" : Integer.toHexString(point.hashCode());
    }

    private void target(String name, String path, int combinations, Set<String> points) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        targets.put(safe, new Target(safe, path, combinations, points, true));
        tried += combinations;
    }

    // ---------------------------------------------------------------- REST text fields

    private void rest(String base, List<Decision> decisions, List<AdvisoryInput> inputs) throws Exception {
        assertEquals(payloads.size(), decisions.size(), "REST decisions recorded");
        assertEquals(payloads.size(), inputs.size(), "REST inputs recorded");
        for (Decision d : decisions) {
            int i = Integer.parseInt(d.number().substring("LK-REST-".length())) - 1;
            String payload = payloads.get(i);
            String path = "/decisions/" + d.id() + "/status";
            // The comment on the way, a refused vote echoed back, and the successor of a superseded decision.
            post(base, path, "schriftfuehrung", Map.of("status", "decided", "vote", payload, "comment", payload),
                    "decision.vote");
            post(base, path, "schriftfuehrung", Map.of("status", "decided", "vote", "7/1/0", "comment", payload),
                    "decision.comment");
            // In force now: how far it has been carried out, a refused state echoed back, and the comment.
            post(base, "/decisions/" + d.id() + "/implementation", "schriftfuehrung",
                    Map.of("state", payload, "comment", payload), "decision.implementation-state");
            post(base, "/decisions/" + d.id() + "/implementation", "schriftfuehrung",
                    Map.of("state", "in-progress", "comment", payload), "decision.implementation-comment");
            post(base, path, "schriftfuehrung", Map.of("status", "superseded", "successor", payload,
                    "comment", payload), "decision.successor");
            post(base, path, "schriftfuehrung", Map.of("status", payload), "decision.status");
            readJson(base, "/decisions/" + d.id(), "decision.read");
        }
        for (AdvisoryInput in : inputs) {
            int i = Integer.parseInt(in.number().substring("BR-REST-".length())) - 1;
            String payload = payloads.get(i);
            String path = "/advisory/" + in.id();
            post(base, path + "/answer", USER, Map.of("status", "under-review", "text", payload), "advisory.text");
            post(base, path + "/answer", USER, Map.of("status", "declined", "text", payload), "advisory.reason");
            post(base, path + "/report", USER, Map.of("on", payload), "advisory.report");
            post(base, path + "/report", USER, Map.of("on", "2026-12-01"), "advisory.report-valid");
            post(base, path + "/answer", USER, Map.of("status", payload), "advisory.status");
            readJson(base, "/advisory/" + in.id(), "advisory.read");
        }
        for (String list : List.of("/decisions?status=", "/advisory?sector=", "/projects?text=", "/decisions?owner=",
                "/decisions?implementation=")) {
            for (String payload : payloads) {
                readJson(base, list + URLEncoder.encode(payload, StandardCharsets.UTF_8) + "&page-size=3",
                        "query" + list);
            }
        }
    }

    /** The indicator the measured values' payloads go to, collected by the staff unit. */
    private static final String INDICATOR = "XSS-1.1";

    /** An indicator card recorded on a page of its own, for the measured values sent over REST. */
    private static void indicator(Sandbox sandbox) {
        SandboxPage page = sandbox.pages.create("DIGI", "Kennzahl " + INDICATOR, "<p>Kennzahl</p>", Set.of(), "page");
        sandbox.plugin.bean(de.digitalstrategie.cockpit.strategy.store.Indicators.class).applyPage(page.getId(),
                List.of(new de.digitalstrategie.cockpit.strategy.Indicator(0, "xss-indicator", INDICATOR, "ZIEL-XSS-1",
                        "Kennzahl", "", "", "%", de.digitalstrategie.cockpit.strategy.Direction.HIGHER_IS_BETTER,
                        java.math.BigDecimal.ONE, java.time.LocalDate.of(2000, 1, 1), java.math.BigDecimal.TEN,
                        java.time.LocalDate.of(2030, 12, 31), "Statistik", "Stabsabteilung",
                        de.digitalstrategie.cockpit.strategy.Rhythm.MONTHLY,
                        new de.digitalstrategie.cockpit.minutes.PageRef(page.getId(), 1, "DIGI", page.getTitle()),
                        false)), true);
    }

    /**
     * Measured values whose source and comment are the payloads, each on a day of its own: as JSON,
     * then a file of them (every text quoted as RFC 4180 says, a line break being the end of a line
     * there), the refusals that quote a payload given as the value or day, and the values read back.
     */
    private void values(String base) throws Exception {
        String path = "/indicators/" + INDICATOR + "/values";
        java.time.LocalDate day = java.time.LocalDate.of(2001, 1, 1);
        StringBuilder file = new StringBuilder("indicator;date;value;source;comment\r\n");
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            post(base, path, USER, Map.of("value", "1", "date", day.plusDays(i).toString(), "source", payload,
                    "comment", payload), "values.json");
            post(base, path, USER, Map.of("value", payload, "date", payload), "values.refused");
            String csvText = "\"" + payload.replaceAll("[\r\n]", " ").replace("\"", "\"\"") + "\"";
            file.append(INDICATOR).append(';').append(day.plusYears(10).plusDays(i)).append(";2;").append(csvText)
                    .append(';').append(csvText).append("\r\n");
            String refused = "indicator;date;value\r\n" + INDICATOR + ";" + csvText + ";" + csvText + "\r\n";
            postCsv(base, refused, "values.csv-refused");
        }
        postCsv(base, file.toString(), "values.csv");
        readJson(base, path, "values.read");
    }

    private void postCsv(String base, String file, String point) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/cockpit/1.0/indicators/values?as=" + USER))
                .header("Content-Type", "text/csv; charset=utf-8").header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofString(file)).build();
        answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), "POST /indicators/values " + point);
    }

    private final List<String> publicKeys = new ArrayList<>();
    private final List<String> evidenceKeys = new ArrayList<>();
    private SandboxPage flagList;

    /**
     * The staff unit acknowledges each payload project's flag through the list's form (the real
     * servlet, with the form's XSRF token in the session), a payload as its comment: the list and
     * the profiles show the comments.
     */
    private void acknowledgements(String base, Sandbox sandbox) throws Exception {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String list = session.send(HttpRequest.newBuilder(URI.create(base + "/pages/viewpage.action?pageId="
                + flagList.getId() + "&as=" + USER + "&lang=de")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(list);
        assertTrue(token.find(), "no XSRF token on the flag list: " + abbreviate(list));
        Map<String, de.digitalstrategie.cockpit.evidence.Flag> byKey = new LinkedHashMap<>();
        sandbox.plugin.bean(de.digitalstrategie.cockpit.evidence.store.EvidenceFlags.class)
                .open(sandbox.projects.jiraProjects()).forEach(s -> byKey.put(s.flag().issueKey(), s.flag()));
        for (int i = 0; i < evidenceKeys.size(); i++) {
            de.digitalstrategie.cockpit.evidence.Flag flag = byKey.get(evidenceKeys.get(i));
            tried++;
            if (flag == null) {
                crashes.add("evidence flag of " + evidenceKeys.get(i) + " not open");
                continue;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("atl_token", token.group(1));
            form.put("rule", flag.rule().name());
            form.put("key", flag.issueKey());
            form.put("occurrence", flag.occurrence());
            form.put("comment", payloads.get(i).replaceAll("[\\r\\n]", " "));
            form.put("pageId", "");
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
            HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(base
                    + de.digitalstrategie.cockpit.evidence.macro.FlagLinks.PATH))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            // 400 is a comment the form refuses (too long, control characters), shown back as such.
            if (r.statusCode() != 204 && r.statusCode() != 400 || hasStackTrace(r.body())) {
                crashes.add("acknowledge " + flag.issueKey() + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
    }

    /** The flag list's filter form sent with each payload as rule and as field, read over HTTP one by one. */
    private void flagFilters(String base) throws Exception {
        String list = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/pages/viewpage.action?pageId="
                + flagList.getId() + "&as=" + USER + "&lang=de")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher name = Pattern.compile("name=\"([A-Za-z0-9]+)\\.rule\"").matcher(list);
        assertTrue(name.find(), "no filter form on the flag list: " + abbreviate(list));
        for (String param : List.of("rule", "field")) {
            for (int i = 0; i < payloads.size(); i++) {
                String t = "evidence-flags.filter-" + param + "-" + i;
                targets.put(t, new Target(t, "/pages/viewpage.action?pageId=" + flagList.getId() + "&" + name.group(1)
                        + "." + param + "=" + URLEncoder.encode(payloads.get(i), StandardCharsets.UTF_8), 1,
                        Set.of("evidence-flags.filter-" + param), false));
                tried++;
            }
        }
    }

    /**
     * The public answers of the published payload projects, as anyone fetches them: JSON that is
     * JSON, feeds that are well-formed Atom holding no element but Atom's, and every payload as the
     * {@code lang} parameter.
     */
    private void publicAnswers(String base) throws Exception {
        for (String key : publicKeys) {
            readJson(base, "/public/projects/" + key, "public.json");
            HttpResponse<String> feed = HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/rest/cockpit/1.0/public/projects/" + key + "/feed")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            tried++;
            String type = feed.headers().firstValue("Content-Type").orElse("");
            if (feed.statusCode() != 200 || !type.startsWith("application/atom+xml")) {
                crashes.add("GET feed " + key + ": HTTP " + feed.statusCode() + " " + type + " " + abbreviate(feed.body()));
                continue;
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.NodeList all = factory.newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new StringReader(feed.body()))).getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                if (!"http://www.w3.org/2005/Atom".equals(all.item(i).getNamespaceURI())) {
                    leaks.add("feed " + key + ": element " + all.item(i).getNodeName() + " written as markup");
                }
            }
        }
        readJson(base, "/public/projects", "public.list");
        for (String payload : payloads) {
            readJson(base, "/public/projects?lang=" + URLEncoder.encode(payload, StandardCharsets.UTF_8), "public.lang");
        }
    }

    /**
     * The meeting calendars of the bodies named with the payloads, read by ical4j: valid, one event
     * per meeting and nothing injected beside it, and every text (calendar name, title, place, the
     * body in the description) given back exactly as stored, which only escaping per RFC 5545 does.
     */
    private void calendarFeeds(String base, Sandbox sandbox) throws Exception {
        String feeds = base + "/rest/cockpit/1.0/public/calendar/";
        readCalendar(feeds + "meetings.ics", null, sandbox);
        for (de.digitalstrategie.cockpit.committee.Body b : sandbox.committee.bodies()) {
            if (b.key().startsWith("xss-")) {
                readCalendar(feeds + b.key() + "/meetings.ics", b, sandbox);
                tried++;
            }
        }
    }

    private void readCalendar(String url, de.digitalstrategie.cockpit.committee.Body body, Sandbox sandbox)
            throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() != 200 || !type.startsWith("text/calendar")) {
            crashes.add("GET " + url + ": HTTP " + r.statusCode() + " " + type + " " + abbreviate(r.body()));
            return;
        }
        net.fortuna.ical4j.model.Calendar calendar;
        try {
            calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new StringReader(r.body()));
            net.fortuna.ical4j.validate.ValidationResult valid = calendar.validate();
            if (valid.hasErrors()) {
                leaks.add("calendar " + url + ": not valid iCalendar: " + abbreviate(valid.toString()));
            }
        } catch (Exception e) {
            leaks.add("calendar " + url + ": not iCalendar: " + e);
            return;
        }
        List<de.digitalstrategie.cockpit.committee.Meeting> expected = sandbox.committee.bodies().stream()
                .filter(b -> body == null ? b.isPublic() : b.key().equals(body.key()))
                .flatMap(b -> sandbox.committee.meetings(b.key()).stream())
                .filter(de.digitalstrategie.cockpit.committee.Meeting::isPublic).toList();
        List<net.fortuna.ical4j.model.component.VEvent> events = calendar.getComponents("VEVENT");
        if (events.size() > expected.size()) {
            leaks.add("calendar " + url + ": " + events.size() + " events for " + expected.size() + " meetings");
        }
        if (body != null) {
            String name = calendar.getProperty("X-WR-CALNAME").map(p -> ((net.fortuna.ical4j.model.Property) p)
                    .getValue()).orElse("");
            if (!name.equals("Sitzungen: " + body.name() + " (öffentlich)")) {
                leaks.add("calendar " + url + ": its name reads " + abbreviate(name));
            }
        }
        for (de.digitalstrategie.cockpit.committee.Meeting m : expected) {
            if (!m.bodyKey().startsWith("xss-")) {
                continue;
            }
            String bodyName = sandbox.committee.body(m.bodyKey()).orElseThrow().name();
            net.fortuna.ical4j.model.component.VEvent event = events.stream().filter(e -> e.getProperty("UID")
                    .map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElse("")
                    .startsWith("meeting-" + m.id() + "@")).findFirst().orElse(null);
            if (event == null) {
                leaks.add("calendar " + url + ": no event for meeting " + m.number());
                continue;
            }
            Map<String, String> want = new LinkedHashMap<>();
            want.put("SUMMARY", m.title());
            want.put("LOCATION", m.location().isBlank() ? "" : m.location());
            want.put("DESCRIPTION", bodyName + ", " + m.number());
            want.forEach((property, value) -> {
                String got = event.getProperty(property).map(p -> ((net.fortuna.ical4j.model.Property) p).getValue())
                        .orElse("");
                if (!got.equals(value)) {
                    leaks.add("calendar " + url + " " + m.number() + ": " + property + " reads " + abbreviate(got)
                            + " for " + abbreviate(value));
                }
            });
        }
    }

    private void post(String base, String path, String as, Map<String, String> body, String point) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/cockpit/1.0" + path + "?as=" + as))
                .header("Content-Type", "application/json").header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), "POST " + path + " " + point);
    }

    private void readJson(String base, String path, String point) throws Exception {
        String sep = path.contains("?") ? "&" : "?";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/cockpit/1.0" + path + sep + "as=" + USER))
                .GET().build();
        answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), "GET " + path + " " + point);
    }

    /** A JSON answer cannot run script in a browser, as long as it is declared JSON and holds no stack trace. */
    private void answer(HttpResponse<String> r, String what) throws IOException {
        tried++;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500 || !type.startsWith("application/json") || hasStackTrace(r.body())) {
            crashes.add(what + ": HTTP " + r.statusCode() + " " + type + " " + abbreviate(r.body()));
            return;
        }
        JSON.readTree(r.body());
    }

    // ---------------------------------------------------------------- reading the pages

    private void readOverHttp(String base, Target t) throws Exception {
        String sep = t.path().contains("?") ? "&" : "?";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + t.path() + sep + "as=" + USER
                + "&lang=de")).GET().build(), HttpResponse.BodyHandlers.ofString());
        checkHtml(t, r.statusCode(), r.body());
    }

    /** The page as the server wrote it: no stack trace, no payload as markup, no script URL. */
    private void checkHtml(Target t, int status, String body) {
        if (status >= 500 || hasStackTrace(body)) {
            crashes.add(t.name() + ": HTTP " + status + " " + abbreviate(body));
        }
        Matcher tag = TAG.matcher(body);
        while (tag.find()) {
            Matcher marker = BROWSER_MARKER.matcher(tag.group());
            if (!marker.find()) {
                continue;
            }
            // Escaped text inside a quoted attribute value is harmless; the tag itself, its unquoted
            // attributes, an event handler or a script or style element carrying a payload are not.
            String outside = QUOTED.matcher(tag.group()).replaceAll("\"\"");
            String name = tag.group(1).toLowerCase(java.util.Locale.ROOT);
            if (BROWSER_MARKER.matcher(outside).find() || EVENT_HANDLER.matcher(outside).find()
                    || name.equals("script") || name.equals("style")) {
                leaks.add(t.name() + " " + t.points() + ": payload " + marker.group(1) + " written as markup: "
                        + abbreviate(tag.group()));
            }
        }
        Matcher content = ELEMENT_CONTENT.matcher(body);
        while (content.find()) {
            Matcher marker = BROWSER_MARKER.matcher(content.group(2));
            if (marker.find()) {
                leaks.add(t.name() + " " + t.points() + ": payload " + marker.group(1) + " inside a "
                        + content.group(1) + " element: " + abbreviate(content.group()));
            }
        }
        Matcher url = SCRIPT_URL.matcher(body);
        while (url.find()) {
            leaks.add(t.name() + " " + t.points() + ": script URL in markup: "
                    + abbreviate(body.substring(Math.max(0, url.start() - 60), Math.min(body.length(), url.end() + 60))));
        }
    }

    private void browser(String base, Path out) throws Exception {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("baseUrl", base);
        spec.put("timeoutSeconds", 900);
        ArrayNode pages = spec.putArray("pages");
        List<Target> shown = targets.values().stream().filter(Target::browser).toList();
        for (Target t : shown) {
            String sep = t.path().contains("?") ? "&" : "?";
            ObjectNode page = pages.addObject();
            page.put("name", t.name());
            page.put("path", t.path() + sep + "as=" + USER + "&lang=de");
            page.putArray("checks");
            // Only script execution counts here; a screenshot of a page with a hundred macros costs more than loading it.
            page.put("screenshot", false);
            page.put("saveHtml", true);
        }
        Path specFile = out.resolve("spec.json");
        Files.writeString(specFile, spec.toPrettyString());
        Process node = new ProcessBuilder("node", RUNNER.resolve("run.mjs").toString(), specFile.toString(),
                out.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "browser run did not finish");
        assertTrue(output.contains("browser: "), output);
        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertEquals(shown.size(), results.get("pages").size(), output);
        for (JsonNode r : results.get("pages")) {
            Target t = targets.get(r.get("name").asText());
            if (r.get("xss").asBoolean()) {
                for (JsonNode evidence : r.get("xssEvidence")) {
                    Matcher m = BROWSER_MARKER.matcher(evidence.asText());
                    leaks.add(t.name() + " " + t.points() + ": ran in the browser: "
                            + (m.find() ? "payload " + m.group(1) + " " : "") + evidence.asText());
                }
            }
            if (r.hasNonNull("error")) {
                // The browser gave up on the page (a time-out): the page was not seen, which is no leak but no pass.
                unseen.add(t.name() + ": " + r.get("error").asText());
            }
            if (r.hasNonNull("html")) {
                checkHtml(t, r.get("status").asInt(), Files.readString(Path.of(r.get("html").asText())));
            } else {
                unseen.add(t.name() + ": no HTML received (HTTP " + r.get("status") + ")");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void phase(String what, long since) {
        System.out.printf("xss corpus: %s after %d s%n", what, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since));
    }

    private static boolean hasStackTrace(String body) {
        return STACK_TRACE.stream().anyMatch(body::contains);
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** Text for storage format: what an editor stores when a person types the payload. */
    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Whether a payload can stand as markup in a page's storage format (which must be well-formed XML). */
    private static boolean wellFormed(String payload) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            builder.parse(new org.xml.sax.InputSource(new StringReader(
                    "<!DOCTYPE x [<!ENTITY nbsp \"&#160;\">]><x xmlns:ac=\"a\" xmlns:ri=\"r\" xmlns:xlink=\"l\">"
                            + payload + "</x>")));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The corpus, one payload a line, each {@code __xss=1} numbered by its line. */
    private static List<String> payloads() {
        try (InputStream in = XssCorpusIT.class.getResourceAsStream("/hardening/xss-payloads.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> result = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    result.add(lines.get(i).replace("__xss=1", "__xss=" + (i + 1)));
                }
            }
            return result;
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("corpus missing: hardening/xss-payloads.txt", e);
        }
    }
}
