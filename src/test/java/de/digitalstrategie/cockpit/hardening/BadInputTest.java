package de.digitalstrategie.cockpit.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input through the real sandbox, in German and in English: broken query parameters and JSON
 * bodies at REST, broken macro parameters on pages and in the registers' filter requests. Every
 * answer must be a localised message (REST: a 4xx JSON with the error's key and its text from the
 * bundle of the asked language; macros: the error box in that language), never a 5xx, a stack
 * trace or a bare key, and nothing stored may change.
 */
class BadInputTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "x".repeat(20_000);
    /** Over-long, yet short enough for the host's URI limit (a 414 from the container is not the plugin's). */
    private static final String LONG_QUERY = "x".repeat(3_000);
    /** Unicode edge cases, URL-encoded as a browser would send them. */
    private static final List<String> UNICODE = List.of("\u202Eevil\u202C", "\u05E9\u05DC\u05D5\u05DD", "a\u200Db\u200B",
            "e\u0301\u0308", "\uD83D\uDC68\u200D\uD83D\uDC69", "\u0000", "\uFFFF", "\u001B[31m");

    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static Properties german;
    private static Properties english;
    private static SandboxPage badMacros;
    private static SandboxPage decisionRegister;
    private static SandboxPage advisoryRegister;
    private static SandboxPage portfolio;
    private static String before;
    private static int tried;
    private static int crashed;
    private static int lost;
    private static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        german = bundle("i18n/cockpit_de.properties");
        english = bundle("i18n/cockpit.properties");
        fixture = new SandboxFixture();
        Map<String, Map<String, String>> bad = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder("<p>Fehlerhafte Makros</p>");
        for (Map.Entry<String, String> p : Map.ofEntries(Map.entry("year", "20x6"), Map.entry("page-size", "0"),
                Map.entry("status", "fertig"), Map.entry("sort", "evil"), Map.entry("order", "sideways"),
                Map.entry("meeting", "abc"), Map.entry("project", "project = DIGI AND status = Done ORDER BY rank"),
                Map.entry("owner", LONG)).entrySet()) {
            body.append(macro("decision-register", Map.of(p.getKey(), p.getValue()), null));
        }
        for (Map.Entry<String, String> p : Map.of("phase", "someday", "group", "colour", "page-size", "-5",
                "charts", "vielleicht", "health", "lila", "sort", "x\u202Ey", "as-of", "gestern",
                "health-trend", "999", "flagged", "vielleicht").entrySet()) {
            body.append(macro("digital-portfolio", Map.of(p.getKey(), p.getValue()), null));
        }
        for (String key : List.of("NOPE-1", "DIGI-1 OR key = DIGI-2", "digi-\u202E1", LONG)) {
            body.append(macro("project-profile", Map.of("key", key), null));
        }
        body.append(macro("project-profile", Map.of(), null));
        for (Map.Entry<String, String> p : Map.of("sector", "mond", "year", "zwanzig", "status", "egal").entrySet()) {
            body.append(macro("advisory-register", Map.of(p.getKey(), p.getValue()), null));
        }
        // Days no meeting, deadline or answer falls on; the largest overflowed the stored timestamp.
        for (Map.Entry<String, String> p : Map.of("due", "+999999999-12-31", "date", "0001-01-01").entrySet()) {
            body.append(macro("committee-decision", Map.of("number", "LK-1", "title", "T", p.getKey(), p.getValue()),
                    "<p>x</p>"));
        }
        body.append(macro("advisory-input", Map.of("number", "BR-1", "title", "T", "sectors", "kommunen", "received",
                "31.12.2101"), "<p>x</p>"));
        body.append(macro("committee-decision", Map.of("number", "LK-2", "title", "T", "vote", "10000/0/0"), "<p>x</p>"));
        badMacros = fixture.sandbox.pages.create("DIGI", "Fehlerhafte Makros", body.toString(), Set.of(), "register");
        decisionRegister = page("decision-register");
        advisoryRegister = page("advisory-register");
        portfolio = page("digital-portfolio");
        // OParl answers from what its scheduled job published: publish what the test wrote.
        fixture.sandbox.plugin.bean(de.digitalstrategie.cockpit.oparl.OParlPublisher.class).publish();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        before = state();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            problems.forEach(p -> System.out.println("bad input: " + p));
            System.out.println("hardening bad-input: tried " + tried + ", crashed " + crashed + ", lost " + lost);
            server.close();
        }
        fixture.close();
    }

    private static SandboxPage page(String macroName) {
        return fixture.sandbox.pages.all().stream().filter(p -> "register".equals(p.kind()) || "portfolio".equals(p.kind()))
                .filter(p -> p.getBodyAsString().contains("ac:name=\"" + macroName + "\"")).findFirst().orElseThrow();
    }

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** Everything stored, and how the REST API shows it. */
    private static String state() {
        StringBuilder s = new StringBuilder();
        fixture.sandbox.decisions.all().forEach(d -> s.append(d).append(fixture.sandbox.decisions.history(d.id()).size())
                .append('\n'));
        fixture.sandbox.advisory.all().forEach(i -> s.append(i).append(fixture.sandbox.advisory.history(i.id()).size())
                .append('\n'));
        fixture.sandbox.projects.all().forEach(p -> s.append(p).append('\n'));
        s.append(fixture.sandbox.pages.all().size()).append(fixture.sandbox.jira.settings());
        if (server != null) {
            try {
                for (String path : List.of("/decisions?page-size=500", "/advisory?page-size=500", "/projects?page-size=100")) {
                    s.append(get("/rest/cockpit/1.0" + path, "cdo", null).body());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return s.toString();
    }

    private static HttpResponse<String> get(String path, String as, String lang) throws Exception {
        return send(HttpRequest.newBuilder(uri(path, as, lang)));
    }

    private static URI uri(String path, String as, String lang) {
        String sep = path.contains("?") ? "&" : "?";
        return URI.create("http://127.0.0.1:" + server.port() + path + sep + "as=" + as
                + (lang == null ? "" : "&lang=" + lang));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void problem(String what, String problem) {
        crashed++;
        if (problems.size() < 200) {
            problems.add(what + ": " + problem);
        }
    }

    /** A REST answer to bad input: a 4xx JSON whose message is the bundle's text for its key in that language. */
    private static void restRefusal(String what, HttpResponse<String> r, String lang) {
        tried++;
        if (r.statusCode() >= 500 || r.statusCode() < 400) {
            problem(what, "answered " + r.statusCode() + ": " + cut(r.body()));
            return;
        }
        JsonNode error;
        try {
            error = JSON.readTree(r.body());
        } catch (IOException e) {
            problem(what, "not JSON: " + cut(r.body()));
            return;
        }
        String key = error.path("error").asText();
        String message = error.path("message").asText();
        Properties texts = "en".equals(lang) ? english : german;
        String template = texts.getProperty(key);
        if (template == null || error.path("status").asInt() != r.statusCode()) {
            problem(what, "no known key: " + cut(r.body()));
        } else if (!matches(template, message)) {
            problem(what, "message is not the " + lang + " text of " + key + ": " + cut(message));
        }
    }

    /** The message is the template with its arguments put in: every literal part of it appears, in order. */
    private static boolean matches(String template, String message) {
        String text = template.replace("''", "'");
        int at = 0;
        for (String part : text.split("\\{\\d+(,[^}]*)?}")) {
            int found = message.indexOf(part, at);
            if (found < 0) {
                return false;
            }
            at = found + part.length();
        }
        return !message.contains("cockpit.") && !message.contains("Exception");
    }

    /** A macro's answer to bad input: the page renders, with the error box in the asked language. */
    private static void macroRefusal(String what, HttpResponse<String> r, String lang, int boxes) {
        tried++;
        String title = ("en".equals(lang) ? english : german).getProperty("cockpit.macro.error.title");
        if (r.statusCode() != 200) {
            problem(what, "answered " + r.statusCode());
            return;
        }
        Matcher box = Pattern.compile("<div class=\"aui-message aui-message-error cockpit-error\" role=\"alert\">"
                + "<p class=\"title\"><strong>([^<]*)</strong></p><p>([^<]*)</p></div>").matcher(r.body());
        int found = 0;
        while (box.find()) {
            found++;
            String internal = ("en".equals(lang) ? english : german).getProperty("cockpit.macro.error.internal");
            if (box.group(2).equals(internal)) {
                problem(what, "box " + found + " reports a defect");
            } else if (!title.equals(box.group(1)) || box.group(2).isBlank() || box.group(2).contains("cockpit.")
                    || box.group(2).matches(".*\\{\\d}.*")) {
                problem(what, "box " + found + " is not localised: " + box.group());
            }
        }
        if (found < boxes) {
            problem(what, found + " error boxes, expected " + boxes);
        }
        if (r.body().contains("Exception") || r.body().contains("\tat ")) {
            problem(what, "a stack trace");
        }
    }

    /** Compares everything stored, and the REST view of it, with the start; a difference is lost data. */
    private static void unchanged(String what) {
        tried++;
        String now = state();
        if (!before.equals(now)) {
            lost++;
        }
        assertEquals(before, now, what);
    }

    private static String cut(String s) {
        return s.substring(0, Math.min(200, s.length()));
    }

    @Test
    void badQueriesAtRestAnswerWithALocalisedMessage() throws Exception {
        int first = problems.size();
        Map<String, List<String>> queries = new LinkedHashMap<>();
        List<String> common = new ArrayList<>(List.of("colour=red", "page-size=0", "page-size=-1",
                "page-size=99999999999999999999", "page-size=1e3", "page-size=NaN", "page-size=0x10", "page=0", "page=abc", "year=20x6",
                "year=99999", "status=fertig", "status=" + enc("decided,,x"), "sort=evil", "order=sideways",
                "project=NOPE", "project=DIGI-", "project=" + enc("DIGI-1 OR 1=1"),
                "project=" + enc("project = DIGI AND status = Done ORDER BY rank"), "project=" + enc("../../etc"),
                "project=" + enc(LONG_QUERY), enc("\u0000") + "=1", enc(LONG_QUERY) + "=1", "withdrawn=vielleicht"));
        queries.put("/decisions", new ArrayList<>(common));
        queries.get("/decisions").addAll(List.of("meeting=-1", "meeting=abc"));
        queries.put("/advisory", new ArrayList<>(common));
        queries.get("/advisory").addAll(List.of("sector=mond", "awaiting-report=2"));
        queries.put("/projects", List.of("colour=red", "phase=someday", "group=colour", "health=lila", "status=x",
                "page-size=0", "page-size=abc", "sort=evil", 
                "order=up", "page=-3"));
        for (String list : List.of("/decisions", "/advisory", "/projects")) {
            queries.put(list + "/export", List.of("format=pdf", "format=csv&colour=red",
                    "format=" + enc("csv\u0000"), "format=xlsx&page-size=abc", "page=0"));
        }
        for (Map.Entry<String, List<String>> q : queries.entrySet()) {
            for (String query : q.getValue()) {
                for (String lang : List.of("de", "en")) {
                    String path = "/rest/cockpit/1.0" + q.getKey() + "?" + query;
                    restRefusal("GET " + cut(path) + " " + lang, get(path, "cdo", lang), lang);
                }
            }
        }
        for (String path : List.of("/decisions/abc", "/decisions/99999999999999999999", "/decisions/-1",
                "/decisions/" + enc("1 OR 1=1"), "/advisory/x", "/advisory/0", "/projects/NOPE-1",
                "/projects/" + enc("DIGI-1'"), "/projects/" + enc(LONG.substring(0, 3000)), "/bodies/mond/meetings",
                "/no/such/thing", "/oparl/meeting/abc", "/oparl/body/x/meetings?page=abc")) {
            for (String lang : List.of("de", "en")) {
                HttpResponse<String> r = get("/rest/cockpit/1.0" + path, "cdo", lang);
                if (path.startsWith("/oparl")) {
                    tried++;
                    if (r.statusCode() >= 500 || !r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                        problem(path, "answered " + r.statusCode());
                    }
                } else {
                    restRefusal("GET " + cut(path) + " " + lang, r, lang);
                }
            }
        }
        // blank, padded or full-width numbers, German flags and awkward text are no error: they may be
        // taken as meant, or refused like the rest, but never crash
        List<String> lenient = new ArrayList<>(List.of("/decisions?page-size=", "/decisions?page-size=" + enc(" 5"),
                "/decisions?page-size=" + enc("\uFF15"), "/advisory?unanswered=ja", "/projects?department=" + enc("\u0000"),
                "/decisions/export?format=", "/decisions?owner=" + enc(LONG_QUERY), "/projects?field=" + enc(LONG_QUERY)));
        UNICODE.forEach(odd -> lenient.add("/decisions?text=" + enc(odd)));
        UNICODE.forEach(odd -> lenient.add("/projects?text=" + enc(odd)));
        for (String path : lenient) {
            HttpResponse<String> r = get("/rest/cockpit/1.0" + path, "cdo", "de");
            if (r.statusCode() != 200) {
                restRefusal("GET " + cut(path), r, "de");
                continue;
            }
            tried++;
            if (r.body().contains("Exception")) {
                problem("GET " + cut(path), "answered " + r.statusCode() + ": " + cut(r.body()));
            }
        }
        assertEquals(List.of(), problems.subList(first, problems.size()));
        unchanged("bad queries changed nothing");
    }

    @Test
    void badBodiesAtRestAnswerWithALocalisedMessageAndChangeNothing() throws Exception {
        int first = problems.size();
        Decision ready = fixture.sandbox.decisions.all().stream()
                .filter(d -> d.status() == DecisionStatus.READY_FOR_VOTE && !d.withdrawn()).findFirst().orElseThrow();
        AdvisoryInput received = fixture.sandbox.advisory.all().stream()
                .filter(i -> i.answer().status() == AnswerStatus.RECEIVED).findFirst().orElseThrow();
        List<String> anyBody = List.of("", "{", "[]", "null", "42", "\"x\"", "{}", "{\"status\":null}",
                "{\"status\":[]}", "{\"status\":{\"a\":1}}", "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "{\"status\":\"" + "\\ud800" + "\"}",
                "{\"status\":\"\u0000\"}", "{\"status\":\"" + LONG + "\"}", "{\"" + LONG + "\":1}", "\uFEFF{",
                "{'status':'x'}", "{\"status\":\"x\"}{}", "{\"status\":\"x\",}", "{\"status\":NaN}");
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        bodies.put("/decisions/" + ready.id() + "/status", new ArrayList<>(anyBody));
        bodies.get("/decisions/" + ready.id() + "/status").addAll(List.of(
                "{\"status\":\"decided\",\"vote\":\"a/b/c\"}", "{\"status\":\"decided\",\"vote\":\"6/1\"}",
                "{\"status\":\"decided\",\"vote\":\"99999999999999/0/0\"}", "{\"status\":\"decided\",\"vote\":\"-6/1/0\"}",
                "{\"status\":\"decided\",\"vote\":7}", "{\"status\":\"decided\",\"status\":\"fertig\"}",
                "{\"status\":\"DECIDED\u0000\",\"vote\":\"6/1/0\"}", "{\"status\":\"decided\",\"vote\":\"6/1/0\",\"comment\":\""
                        + "x".repeat(2001) + "\"}", "{\"status\":\"superseded\",\"successor\":\"" + LONG + "\"}",
                "{\"status\":\"decided\",\"vote\":\"6/1/0\",\"colour\":\"red\"}",
                "{\"status\":\"decided\",\"vote\":\"10000/0/0\"}", "{\"status\":\"decided\",\"vote\":\"2147483647/1/1\"}"));
        bodies.put("/advisory/" + received.id() + "/answer", new ArrayList<>(anyBody));
        bodies.get("/advisory/" + received.id() + "/answer").addAll(List.of("{\"status\":\"declined\",\"text\":\" \"}",
                "{\"status\":\"declined\",\"text\":\"" + LONG + "\"}", "{\"status\":\"vielleicht\"}",
                "{\"status\":\"under-review\",\"x\":1}"));
        bodies.put("/advisory/" + received.id() + "/report", new ArrayList<>(anyBody));
        bodies.get("/advisory/" + received.id() + "/report").addAll(List.of("{\"on\":\"gestern\"}",
                "{\"on\":\"2026-02-30\"}", "{\"on\":\"2026-13-01\"}", "{\"on\":\"+999999999-12-31\"}", "{\"on\":12}",
                "{\"on\":\"2026-12-01T10:00\"}", "{\"on\":\"01.12.2026\"}", "{\"on\":\"2026-12-01\",\"x\":1}"));
        // Days no meeting falls on, for an input the board can be told about: refused before they reach
        // the database (year 999,999,999 overflowed the stored timestamp: a 500).
        AdvisoryInput answered = fixture.sandbox.advisory.all().stream()
                .filter(i -> i.answer().status().answered() && i.answer().reportedToBoardOn() == null)
                .findFirst().orElseThrow();
        bodies.put("/advisory/" + answered.id() + "/report", List.of("{\"on\":\"+999999999-12-31\"}",
                "{\"on\":\"-999999999-01-01\"}", "{\"on\":\"0000-01-01\"}", "{\"on\":\"1989-12-31\"}",
                "{\"on\":\"2101-01-01\"}", "{\"on\":\"+10000-01-01\"}"));
        for (Map.Entry<String, List<String>> e : bodies.entrySet()) {
            String as = e.getKey().startsWith("/decisions") ? "schriftfuehrung" : "cdo";
            for (String body : e.getValue()) {
                for (String lang : List.of("de", "en")) {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/rest/cockpit/1.0" + e.getKey(), as, lang))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
                    restRefusal("POST " + e.getKey() + " " + cut(body) + " " + lang, r, lang);
                }
            }
            for (String type : List.of("application/xml", "image/png")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/rest/cockpit/1.0" + e.getKey(), as, "en"))
                        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("<status/>")));
                restRefusal("POST " + e.getKey() + " as " + type, r, "en");
            }
            // invalid UTF-8
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/rest/cockpit/1.0" + e.getKey(), as, "de"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                            new byte[]{'{', '"', 's', 't', 'a', 't', 'u', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})));
            restRefusal("POST " + e.getKey() + " invalid UTF-8", r, "de");
        }
        assertEquals(List.of(), problems.subList(first, problems.size()));
        unchanged("refused bodies changed nothing");
    }

    private static String decisionKey;

    @Test
    void badMacroParametersShowALocalisedErrorBox() throws Exception {
        int first = problems.size();
        for (String lang : List.of("de", "en")) {
            HttpResponse<String> r = get("/pages/viewpage.action?pageId=" + badMacros.getId(), "cdo", lang);
            macroRefusal("page of bad macros " + lang, r, lang, 25);
        }
        Map<SandboxPage, List<String>> requests = new LinkedHashMap<>();
        requests.put(decisionRegister, List.of("year=20x6", "page-size=0", "page-size=abc", "status=fertig",
                "sort=evil", "order=sideways", "meeting=abc", "page=-1", "project=" + enc("project = DIGI AND x"),
                "project=" + enc(LONG_QUERY)));
        requests.put(advisoryRegister, List.of("year=20x6", "sector=mond", "page-size=-1", "status=vielleicht",
                "project=NOPE"));
        requests.put(portfolio, List.of("phase=someday", "group=colour", "page-size=0", "health=lila", "sort=evil",
                "flagged=vielleicht"));
        for (Map.Entry<SandboxPage, List<String>> e : requests.entrySet()) {
            // each macro instance reads its own request parameters, under a prefix it names in its form
            Matcher own = Pattern.compile("name=\"(c[0-9a-f]+)\\.").matcher(
                    get("/pages/viewpage.action?pageId=" + e.getKey().getId(), "cdo", "de").body());
            assertTrue(own.find(), "the macro's own parameter names");
            String prefix = own.group(1) + ".";
            if (e.getKey() == decisionRegister) {
                decisionKey = own.group(1);
            }
            for (String query : e.getValue()) {
                for (String lang : List.of("de", "en")) {
                    HttpResponse<String> r = get("/pages/viewpage.action?pageId=" + e.getKey().getId() + "&" + prefix
                            + query,
                            "cdo", lang);
                    macroRefusal(e.getKey().getTitle() + "?" + cut(query) + " " + lang, r, lang, 1);
                }
            }
        }
        // awkward but valid text filters render the register, with no error and nothing strange
        List<String> lenient = new ArrayList<>(List.of(".year=" + enc("\uFF12\uFF10\uFF12\uFF16"),
                ".owner=" + enc(LONG_QUERY), ".page-size=", ".text=" + enc(LONG_QUERY)));
        UNICODE.forEach(odd -> lenient.add(".text=" + enc(odd) + "&" + decisionKey + ".owner=" + enc(odd)));
        for (String odd : lenient) {
            tried++;
            HttpResponse<String> r = get("/pages/viewpage.action?pageId=" + decisionRegister.getId() + "&" + decisionKey
                    + odd, "cdo", "de");
            if (r.statusCode() != 200 || r.body().contains("Exception")
                    || r.body().contains(german.getProperty("cockpit.macro.error.internal"))) {
                problem("text filter " + odd, "answered " + r.statusCode());
            }
        }
        assertEquals(List.of(), problems.subList(first, problems.size()));
        unchanged("rendering with bad parameters changed nothing");
    }
}
