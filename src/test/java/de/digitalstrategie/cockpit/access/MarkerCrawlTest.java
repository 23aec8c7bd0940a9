package de.digitalstrategie.cockpit.access;

import com.atlassian.confluence.security.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.committee.AgendaItem;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.StrategyPages;
import de.digitalstrategie.cockpit.testing.XlsxText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finds leaks by itself, beside {@link PermissionMatrixTest}: every restricted object in the test
 * data carries a marker of its own in every text it has (number, title, owner, text, answer, topic,
 * meeting number, name and place, page title, member name), and a crawl of every way data leaves
 * the plugin asserts that no marker reaches anyone who may not see the object: every page, every
 * macro with its parameter combinations (filters, unknown values that provoke error messages),
 * every REST read and export (XLSX read cell by cell), every OParl object and list, the start page
 * and the error answers, as anonymous, staff, an administrator without a seat, a member of the
 * one body and not the other, and the secretary and the CDO. A restricted record, meeting or page
 * must also answer exactly like one that does not exist: a probe with its id, number or text is
 * compared with a probe with an unknown one, and totals count only what the viewer may see.
 *
 * <p>Restricted here: the demo's confidential last steering-committee minutes (restricted to the
 * committee; with a confidential decision superseded by a public one and a public one superseded
 * by a confidential one), the last advisory-board minutes restricted to the board, and, for OParl
 * (public, whoever asks), in addition every non-public meeting, decision, input and agenda item,
 * withdrawn records, members who did not agree to be named, and a non-public body. Each marker
 * must also reach someone who may see it, so a crawl that never gets to a record cannot pass.
 */
class MarkerCrawlTest {
    /** anonymous, staff, an administrator without a seat, a steering-committee member, a board member, secretary, CDO */
    private static final List<String> VIEWERS = Arrays.asList(null, "mitarbeiterin", "admin", "leitung-finanzen",
            "expertin-wirtschaft", "schriftfuehrung", "cdo");
    private static final String REST = "/rest/cockpit/1.0";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The restricted steering-committee meeting is moved to a year no other meeting has: a filter option must not give it away. */
    private static final int HIDDEN_YEAR = 2024;

    /** Marker → what it marks: on the confidential steering-committee minutes. */
    private static final Map<String, String> STEERING = new LinkedHashMap<>();
    /** Marker → what it marks: on the advisory board's restricted minutes. */
    private static final Map<String, String> BOARD = new LinkedHashMap<>();
    /** Marker → what it marks: not public (OParl), but shown to the signed-in. */
    private static final Map<String, String> UNPUBLISHED = new LinkedHashMap<>();
    private static int markers;

    private static SandboxFixture fixture;
    private static Sandbox sandbox;
    private static SandboxServer server;
    private static SandboxPage steeringPage;
    private static SandboxPage boardPage;
    private static SandboxPage registerPage;
    private static Meeting steeringMeeting;
    private static Meeting boardMeeting;
    private static Meeting unpublishedMeeting;
    private static Decision confidential;
    private static Decision confidentialSuperseded;
    /** The input on the board's restricted minutes, which decisions take up. */
    private static String boardInputNumber;
    /** A public input the confidential decision takes up. */
    private static String publicInputNumber;

    /** The strategy page restricted as the confidential minutes are, its goal and its indicator's key. */
    private static SandboxPage strategyPage;
    private static Goal hiddenGoal;
    private static String hiddenGoalNumber;
    private static String hiddenIndicator;
    private static final String OPEN_INDICATOR = "FIN-9.1";

    private static int tried;
    private static final List<String> leaks = new ArrayList<>();
    /** Where the running test's leaks start in {@link #leaks}. */
    private static int leaksBefore;
    /** Markers that reached a viewer who may see them: proof the crawl gets to each record. */
    private static final Set<String> reached = new HashSet<>();

    private static String mark(Map<String, String> set, String what) {
        String prefix = set == STEERING ? "S" : set == BOARD ? "B" : "P";
        String marker = "ZQX" + prefix + String.format("%03d", ++markers) + "Q";
        set.put(marker, what);
        return marker;
    }

    // ---------------------------------------------------------------- the test data

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        sandbox = fixture.sandbox;
        registerPage = sandbox.pages.all().stream().filter(p -> "register".equals(p.kind())
                && p.getBodyAsString().contains("decision-register")).findFirst().orElseThrow();

        // The confidential steering-committee minutes: the meeting, the page's title and two more
        // decisions, one of them superseded by a public decision.
        steeringPage = sandbox.pages.all().stream().filter(p -> !p.restrictedTo().isEmpty()).findFirst().orElseThrow();
        Meeting m = sandbox.committee.meetingByPage(steeringPage.getId()).orElseThrow();
        steeringMeeting = sandbox.committee.save(new Meeting(m.id(), m.bodyKey(), "LK " + mark(STEERING, "meeting number"),
                "Sitzung " + mark(STEERING, "meeting title"), LocalDate.of(HIDDEN_YEAR, 12, 12),
                "Raum " + mark(STEERING, "meeting place"), m.pageId(), false));
        SandboxPage publicSteering = sandbox.pages.all().stream().filter(p -> "minutes".equals(p.kind())
                && p.restrictedTo().isEmpty() && p.getBodyAsString().contains("committee-decision"))
                .reduce((a, b) -> b).orElseThrow();
        Decision replacing = sandbox.decisions.ofPage(publicSteering.getId()).stream()
                .filter(d -> d.status() == DecisionStatus.DECIDED).findFirst().orElseThrow();
        // What the decisions take up of the board's input: the confidential decision a public input
        // and the input on the board's restricted minutes; a public decision that restricted input too.
        boardInputNumber = "BR-" + mark(BOARD, "input number");
        publicInputNumber = sandbox.advisory.all().stream().filter(i -> sandbox.pages.find(i.page().pageId())
                .orElseThrow().restrictedTo().isEmpty()).findFirst().orElseThrow().number();
        // Saved by the secretary, as the demo saves its minutes: edits by anyone else are conflicts.
        String confidentialNumber = "LK-" + mark(STEERING, "decision number");
        String supersededNumber = "LK-" + mark(STEERING, "superseded decision number");
        sandbox.pages.update(steeringPage.getId(), steeringPage.getBodyAsString()
                + "<h2>TOP 90 " + mark(STEERING, "agenda heading") + "</h2>"
                + decision("c0000001", confidentialNumber, "Beschluss " + mark(STEERING, "decision title"), "decided",
                "Team " + mark(STEERING, "decision owner"), "", true, "Text " + mark(STEERING, "decision text"))
                .replace("<ac:rich-text-body>", param("inputs", publicInputNumber + ", " + boardInputNumber)
                        + "<ac:rich-text-body>")
                + decision("c0000002", supersededNumber, "Beschluss " + mark(STEERING, "superseded decision title"),
                "superseded", "Team " + mark(STEERING, "superseded decision owner"), replacing.number(), true,
                "Text " + mark(STEERING, "superseded decision text")), WormsDemo.SECRETARY);
        sandbox.pages.rename(steeringPage.getId(), "Protokoll " + mark(STEERING, "page title"));

        // On public minutes: a public decision superseded by the confidential one, a decision that
        // is not public, and one that is withdrawn again.
        String withdrawn = decision("c0000005", "LK-" + mark(UNPUBLISHED, "withdrawn decision number"),
                "Beschluss " + mark(UNPUBLISHED, "withdrawn decision title"), "decided",
                "Team " + mark(UNPUBLISHED, "withdrawn decision owner"), "", true,
                "Text " + mark(UNPUBLISHED, "withdrawn decision text"));
        String publicBody = publicSteering.getBodyAsString()
                + decision("c0000003", "LK-2026-81", "Öffentlich, ersetzt durch einen vertraulichen Beschluss",
                "superseded", "Stabsabteilung", confidentialNumber, true, "Öffentlicher Text")
                .replace("<ac:rich-text-body>", param("inputs", boardInputNumber + ", " + publicInputNumber)
                        + "<ac:rich-text-body>")
                + decision("c0000004", "LK-" + mark(UNPUBLISHED, "internal decision number"),
                "Beschluss " + mark(UNPUBLISHED, "internal decision title"), "decided",
                "Team " + mark(UNPUBLISHED, "internal decision owner"), "", false,
                "Text " + mark(UNPUBLISHED, "internal decision text"));
        sandbox.pages.update(publicSteering.getId(), publicBody + withdrawn, WormsDemo.SECRETARY);
        sandbox.settle();
        sandbox.pages.update(publicSteering.getId(), publicBody, WormsDemo.SECRETARY);

        // The advisory board's last minutes, restricted to the board, with one more input.
        boardPage = sandbox.pages.all().stream().filter(p -> "minutes".equals(p.kind())
                && p.getBodyAsString().contains("advisory-input")).reduce((a, b) -> b).orElseThrow();
        SandboxPage publicBoard = sandbox.pages.all().stream().filter(p -> "minutes".equals(p.kind())
                && p.getBodyAsString().contains("advisory-input")).findFirst().orElseThrow();
        Set<String> boardMembers = sandbox.committee.members("beirat").stream().map(Member::userKey)
                .collect(Collectors.toSet());
        sandbox.pages.restrict(boardPage.getId(), boardMembers);
        Meeting b = sandbox.committee.meetingByPage(boardPage.getId()).orElseThrow();
        boardMeeting = sandbox.committee.save(new Meeting(b.id(), b.bodyKey(), "BR " + mark(BOARD, "meeting number"),
                "Sitzung " + mark(BOARD, "meeting title"), b.date(), "Raum " + mark(BOARD, "meeting place"), b.pageId(),
                true));
        sandbox.pages.update(boardPage.getId(), sandbox.pages.find(boardPage.getId()).orElseThrow().getBodyAsString()
                + input("c0000006", boardInputNumber, "Empfehlung " + mark(BOARD, "input title"),
                "Thema " + mark(BOARD, "input topic"), "under-review", "Antwort " + mark(BOARD, "answer"), true,
                "Empfehlung " + mark(BOARD, "input text")), WormsDemo.SECRETARY);
        sandbox.pages.rename(boardPage.getId(), "Protokoll " + mark(BOARD, "page title"));
        String withdrawnInput = input("c0000008", "BR-" + mark(UNPUBLISHED, "withdrawn input number"),
                "Empfehlung " + mark(UNPUBLISHED, "withdrawn input title"), "Thema " + mark(UNPUBLISHED,
                        "withdrawn input topic"), "received", "", true, "Text " + mark(UNPUBLISHED, "withdrawn input text"));
        String boardBody = publicBoard.getBodyAsString()
                + input("c0000007", "BR-" + mark(UNPUBLISHED, "internal input number"),
                "Empfehlung " + mark(UNPUBLISHED, "internal input title"),
                "Thema " + mark(UNPUBLISHED, "internal input topic"), "received", "", false,
                "Text " + mark(UNPUBLISHED, "internal input text"));
        sandbox.pages.update(publicBoard.getId(), boardBody + withdrawnInput, WormsDemo.SECRETARY);
        sandbox.settle();
        sandbox.pages.update(publicBoard.getId(), boardBody, WormsDemo.SECRETARY);

        // Not public, without a page to restrict them: a meeting, an agenda item, members who did
        // not agree to be named, a body with its meeting and member.
        unpublishedMeeting = sandbox.committee.save(new Meeting(0, "lenkungskreis",
                "LK " + mark(UNPUBLISHED, "internal meeting number"), "Sitzung " + mark(UNPUBLISHED,
                "internal meeting title"), LocalDate.of(2026, 10, 1), "Raum " + mark(UNPUBLISHED,
                "internal meeting place"), 0, false));
        Meeting open = sandbox.committee.meetingByPage(publicSteering.getId()).orElseThrow();
        sandbox.committee.add(new AgendaItem(0, open.id(), 99, "TOP " + mark(UNPUBLISHED, "agenda item number"),
                "Punkt " + mark(UNPUBLISHED, "agenda item title"), false));
        sandbox.committee.save(new Member("beirat", "zqx-expertin", "Expertin " + mark(UNPUBLISHED,
                "member without consent"), MemberRole.ADVISORY_EXPERT, Sector.KOMMUNEN, "", false));
        String hiddenBody = "zqx-gremium";
        sandbox.committee.save(new Body(hiddenBody, BodyKind.ADVISORY_BOARD, "Gremium " + mark(UNPUBLISHED,
                "internal body"), false));
        sandbox.committee.save(new Member(hiddenBody, "cdo", "Vorsitz " + mark(UNPUBLISHED,
                "member of the internal body"), MemberRole.CDO, null, "", true));
        sandbox.committee.save(new Meeting(0, hiddenBody, "G " + mark(UNPUBLISHED, "internal body's meeting number"),
                "Sitzung " + mark(UNPUBLISHED, "internal body's meeting title"), LocalDate.of(2026, 9, 1),
                "Raum " + mark(UNPUBLISHED, "internal body's meeting place"), 0, true));
        sandbox.committee.members("lenkungskreis").stream().filter(x -> !x.publishConsent())
                .forEach(x -> UNPUBLISHED.put(x.displayName(), "member without consent"));

        sandbox.settle();
        steeringPage = sandbox.pages.find(steeringPage.getId()).orElseThrow();
        boardPage = sandbox.pages.find(boardPage.getId()).orElseThrow();
        confidential = sandbox.decisions.all().stream().filter(d -> d.number().equals(confidentialNumber))
                .findFirst().orElseThrow(() -> new AssertionError("the confidential decision was recorded"));
        confidentialSuperseded = sandbox.decisions.all().stream().filter(d -> d.number().equals(supersededNumber))
                .findFirst().orElseThrow(() -> new AssertionError("the superseded decision was recorded"));
        assertEquals(replacing.number(), confidentialSuperseded.successor(), "a confidential decision superseded by a "
                + "public one");
        assertEquals(confidentialNumber, sandbox.decisions.all().stream().filter(d -> d.number().equals("LK-2026-81"))
                .findFirst().orElseThrow().successor(), "a public decision superseded by the confidential one");
        assertTrue(sandbox.decisions.all().stream().anyMatch(d -> d.withdrawn() && d.title().contains("ZQXP")),
                "a withdrawn decision");
        assertTrue(sandbox.advisory.all().stream().anyMatch(i -> i.withdrawn() && i.title().contains("ZQXP")),
                "a withdrawn input");
        assertTrue(sandbox.advisory.ofPage(boardPage.getId()).stream().anyMatch(i -> i.number().contains("ZQXB")),
                "the restricted input was recorded");

        // The demo's own records on the restricted pages, where their numbers occur nowhere else.
        Set<String> visible = new HashSet<>();
        sandbox.decisions.all().stream().filter(d -> !onRestrictedPage(d.page().pageId()))
                .forEach(d -> visible.addAll(List.of(d.number(), d.title(), d.successor())));
        sandbox.advisory.all().stream().filter(i -> !onRestrictedPage(i.page().pageId()))
                .forEach(i -> visible.addAll(List.of(i.number(), i.title())));
        for (Decision d : sandbox.decisions.ofPage(steeringPage.getId())) {
            if (visible.stream().noneMatch(v -> v.contains(d.number()))) {
                STEERING.putIfAbsent(d.number(), "decision number");
            }
        }
        for (AdvisoryInput i : sandbox.advisory.ofPage(boardPage.getId())) {
            if (visible.stream().noneMatch(v -> v.contains(i.number()))) {
                BOARD.putIfAbsent(i.number(), "input number");
            }
        }
        // A strategy page restricted as the confidential minutes are, beside an open one: its goal and
        // indicator card carry a marker in every text, their number and key are markers, and so are a
        // measured value's source and comment.
        long strategyTop = StrategyPages.place(sandbox);
        StrategyPages.page(sandbox, strategyTop, "Handlungsfeld Finanzen (Test)", Set.of(), "ZIEL-FIN-9", OPEN_INDICATOR,
                "Finanzen", "offen");
        hiddenGoalNumber = "ZIEL-" + mark(STEERING, "goal number");
        hiddenIndicator = mark(STEERING, "indicator key") + "-1.1";
        strategyPage = StrategyPages.page(sandbox, strategyTop, "Handlungsfeld " + mark(STEERING, "strategy page title"),
                steeringPage.restrictedTo(), hiddenGoalNumber, hiddenIndicator, "Finanzen",
                mark(STEERING, "goal and indicator texts"));
        sandbox.plugin.bean(Measurements.class).record(new Measurement(hiddenIndicator, new BigDecimal("40"),
                LocalDate.of(2025, 12, 31), "Quelle " + mark(STEERING, "value source"), "Kommentar "
                + mark(STEERING, "value comment"), "cdo", java.time.Instant.now()));
        hiddenGoal = sandbox.plugin.bean(GoalStore.class).all().stream().filter(g -> g.number().equals(hiddenGoalNumber))
                .findFirst().orElseThrow(() -> new AssertionError("the restricted goal was recorded"));

        // OParl answers from what its scheduled job published: publish what the test wrote.
        sandbox.plugin.bean(de.digitalstrategie.cockpit.oparl.OParlPublisher.class).publish();
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
    }

    private static boolean onRestrictedPage(long pageId) {
        return pageId == steeringPage.getId() || pageId == boardPage.getId();
    }

    private static String decision(String id, String number, String title, String status, String owner,
                                   String successor, boolean isPublic, String text) {
        return "<ac:structured-macro ac:name=\"committee-decision\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"6f1c2b9e-0000-4000-8000-0000" + id + "\">"
                + param("number", number) + param("title", title) + param("status", status)
                + (status.equals("decided") || status.equals("superseded") ? param("vote", "6/0/1") : "")
                + param("projects", "DIGI-1, DIGI-2") + param("owner", owner)
                + (successor.isEmpty() ? "" : param("successor", successor))
                + param("public", String.valueOf(isPublic))
                + "<ac:rich-text-body><p>" + text + "</p></ac:rich-text-body></ac:structured-macro>";
    }

    private static String input(String id, String number, String title, String topic, String status, String answer,
                                boolean isPublic, String text) {
        return "<ac:structured-macro ac:name=\"advisory-input\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"6f1c2b9e-0000-4000-8000-0000" + id + "\">"
                + param("number", number) + param("title", title) + param("topic", topic)
                + param("sectors", "wirtschaft") + param("projects", "DIGI-1") + param("received", "2026-08-20")
                + param("answer-status", status) + (answer.isEmpty() ? "" : param("answer", answer))
                + param("public", String.valueOf(isPublic))
                + "<ac:rich-text-body><p>" + text + "</p></ac:rich-text-body></ac:structured-macro>";
    }

    private static String param(String name, String value) {
        return "<ac:parameter ac:name=\"" + name + "\">" + value + "</ac:parameter>";
    }

    @org.junit.jupiter.api.BeforeEach
    void mark() {
        leaksBefore = leaks.size();
    }

    /** The running test's leaks: none. */
    private static void noLeaks(String what) {
        assertEquals(List.of(), leaks.subList(leaksBefore, leaks.size()), what);
    }

    @AfterAll
    static void stop() {
        System.out.println("hardening marker-crawl: tried " + tried + ", leaked " + leaks.size());
        if (server != null) {
            server.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    // ---------------------------------------------------------------- who may see what

    private static DemoUser user(String viewer) {
        return viewer == null ? null : sandbox.users.user(viewer).orElseThrow();
    }

    private static boolean maySee(String viewer, SandboxPage page) {
        return sandbox.permissions.hasPermission(user(viewer), Permission.VIEW, page);
    }

    /** The markers this viewer may not meet outside OParl: those of the restricted pages they may not view. */
    private static Map<String, String> forbidden(String viewer) {
        Map<String, String> markers = new LinkedHashMap<>();
        if (!maySee(viewer, steeringPage)) {
            markers.putAll(STEERING);
        }
        if (!maySee(viewer, boardPage)) {
            markers.putAll(BOARD);
        }
        return markers;
    }

    /** OParl is public, whoever asks: nothing restricted, non-public or withdrawn. */
    private static Map<String, String> forbiddenInOParl() {
        Map<String, String> markers = new LinkedHashMap<>(STEERING);
        markers.putAll(BOARD);
        markers.putAll(UNPUBLISHED);
        return markers;
    }

    /** Every marker of the test data. */
    private static Map<String, String> all() {
        return forbiddenInOParl();
    }

    /** One way out, for one viewer: no forbidden marker in it; the others count as reached. */
    private static void check(String viewer, String what, String text, Map<String, String> forbidden) {
        tried++;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> m : all().entrySet()) {
            if (lower.contains(m.getKey().toLowerCase(Locale.ROOT))) {
                if (forbidden.containsKey(m.getKey())) {
                    leaks.add(viewer + " / " + what + ": " + m.getValue() + " " + m.getKey());
                } else {
                    reached.add(m.getKey());
                }
            }
        }
    }

    /**
     * A probe with a restricted value must answer exactly like a probe with an unknown one: the
     * same status, type, caching and text, once each value is replaced by a placeholder.
     */
    private static void alike(String viewer, String what, Reply restricted, String value, Reply unknown,
                              String unknownValue) {
        tried++;
        String a = restricted.head() + normalise(restricted.text(), value);
        String b = unknown.head() + normalise(unknown.text(), unknownValue);
        if (!a.equals(b)) {
            leaks.add(viewer + " / " + what + ": answers otherwise than for an unknown value\n  " + diff(a, b));
        }
    }

    private static final Pattern INSTANCE = Pattern.compile("id=\"(c[0-9a-f]{1,8})\"");

    /** The value as a placeholder, and a macro's instance key (derived from its parameters) too. */
    private static String normalise(String text, String value) {
        String out = text.replaceAll("(?<![0-9A-Za-z])" + Pattern.quote(value) + "(?![0-9A-Za-z])", "VALUE")
                .replace(URLEncoder.encode(value, StandardCharsets.UTF_8), "VALUE");
        Matcher key = INSTANCE.matcher(out);
        return key.find() ? out.replace(key.group(1), "KEY") : out;
    }

    private static String diff(String a, String b) {
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "…" + a.substring(from, Math.min(a.length(), i + 100)) + "\n  vs …"
                + b.substring(from, Math.min(b.length(), i + 100));
    }

    private static void count(String viewer, String what, long got, long expected) {
        tried++;
        if (got != expected) {
            leaks.add(viewer + " / " + what + ": " + got + ", expected " + expected);
        }
    }

    // ---------------------------------------------------------------- HTTP

    record Reply(int status, String type, String caching, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String head() {
            return status + " " + type + " " + caching + "\n";
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Reply get(String path, String viewer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path, viewer))), "de-DE");
    }

    private static Reply get(String path, String viewer, String language) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path, viewer))), language);
    }

    private static Reply post(String path, String viewer, String body) throws Exception {
        return post(path, viewer, "application/json", body);
    }

    private static Reply post(String path, String viewer, String type, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path, viewer))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)), "de-DE");
    }

    private static String url(String path, String viewer) {
        String sep = path.contains("?") ? "&" : "?";
        return "http://127.0.0.1:" + server.port() + path + (viewer == null ? "" : sep + "as=" + viewer);
    }

    private static Reply send(HttpRequest.Builder b, String language) throws Exception {
        // The client keeps no cookies: each request is the viewer its ?as= names, anonymous without one.
        HttpResponse<byte[]> r = HTTP.send(b.header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Cache-Control").orElse(""), r.body());
    }

    /** A workbook's cells as a reader sees them, and every part of the file as written (properties, names, styles). */
    private static String xlsxText(byte[] body) throws Exception {
        StringBuilder s = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(body))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                s.append(e.getName()).append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        s.append(XlsxText.of(body));
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A value of the same shape that names nothing: each marker's own letters swapped for others. */
    private static String unknown(String value) {
        return value.replace("ZQX", "YWV");
    }

    // ---------------------------------------------------------------- the crawl

    @Test
    void everyPageAndTheStartPage() throws Exception {
        Reply missing = null;
        for (String viewer : VIEWERS) {
            Map<String, String> forbidden = forbidden(viewer);
            if (forbidden.isEmpty()) {
                continue; // a member of both bodies may see it all; OParl is walked for everyone
            }
            // Far enough above the last page that the unknown id never reads as a year in the pages' text.
            long nowhere = sandbox.pages.all().stream().mapToLong(SandboxPage::getId).max().orElseThrow() + 100_000;
            missing = get("/pages/viewpage.action?pageId=" + nowhere, viewer);
            for (SandboxPage page : sandbox.pages.all()) {
                for (String output : List.of("", "&output=pdf")) {
                    Reply r = get("/pages/viewpage.action?pageId=" + page.getId() + output, viewer);
                    check(viewer, "page " + page.getTitle() + output, r.text(), forbidden);
                    if (!maySee(viewer, page)) {
                        alike(viewer, "restricted page " + page.getId(), r, String.valueOf(page.getId()),
                                get("/pages/viewpage.action?pageId=" + nowhere + output, viewer), String.valueOf(nowhere));
                    }
                }
            }
            for (String path : List.of("/", "/?lang=en", "/health", "/create?blueprint=steering-minutes",
                    "/create?blueprint=advisory-minutes", "/plugins/servlet/cockpit/admin", "/no/such/page")) {
                check(viewer, path, get(path, viewer).text(), forbidden);
            }
        }
        assertTrue(missing != null && missing.status() == 404);
        noLeaks("leaks");
    }

    /** Each macro with its parameter combinations, rendered as each viewer sees it. */
    @Test
    void everyMacroWithEveryFilter() {
        List<Meeting> meetings = new ArrayList<>();
        sandbox.committee.bodies().forEach(b -> meetings.addAll(sandbox.committee.meetings(b.key())));
        List<Map<String, String>> decisionRegister = new ArrayList<>();
        decisionRegister.add(Map.of());
        decisionRegister.add(Map.of("page-size", "100"));
        decisionRegister.add(Map.of("page-size", "100", "withdrawn", "true"));
        for (Meeting m : meetings) {
            decisionRegister.add(Map.of("meeting", String.valueOf(m.id())));
        }
        decisionRegister.add(Map.of("meeting", "LK 1999/9"));
        decisionRegister.add(Map.of("meeting", "99999"));
        Set<Integer> years = new TreeSet<>(List.of(1990, 2100, HIDDEN_YEAR));
        meetings.forEach(m -> years.add(m.date().getYear()));
        years.forEach(y -> decisionRegister.add(Map.of("year", String.valueOf(y), "page-size", "100")));
        for (DecisionStatus s : DecisionStatus.values()) {
            decisionRegister.add(Map.of("status", s.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "page-size", "100", "withdrawn", "true"));
        }
        decisionRegister.add(Map.of("status", "beschlossen"));
        for (String key : List.of("DIGI-1", "DIGI-2", "DIGI-99999")) {
            decisionRegister.add(Map.of("project", key, "page-size", "100"));
        }
        for (DecisionSort sort : DecisionSort.values()) {
            decisionRegister.add(Map.of("sort", sort.name().toLowerCase(Locale.ROOT), "order", "desc",
                    "page-size", "100"));
        }
        decisionRegister.add(Map.of("sort", "nonsense"));
        decisionRegister.add(Map.of("year", "1800"));

        List<Map<String, String>> advisoryRegister = new ArrayList<>();
        advisoryRegister.add(Map.of());
        advisoryRegister.add(Map.of("page-size", "100"));
        advisoryRegister.add(Map.of("page-size", "100", "withdrawn", "true"));
        advisoryRegister.add(Map.of("unanswered", "true", "page-size", "100"));
        advisoryRegister.add(Map.of("awaiting-report", "true", "page-size", "100"));
        for (AnswerStatus s : AnswerStatus.values()) {
            advisoryRegister.add(Map.of("status", s.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "page-size", "100", "withdrawn", "true"));
        }
        for (Sector s : Sector.values()) {
            advisoryRegister.add(Map.of("sector", s.name().toLowerCase(Locale.ROOT), "page-size", "100"));
        }
        years.forEach(y -> advisoryRegister.add(Map.of("year", String.valueOf(y), "page-size", "100")));
        advisoryRegister.add(Map.of("project", "DIGI-1", "page-size", "100"));
        for (AdvisorySort sort : AdvisorySort.values()) {
            advisoryRegister.add(Map.of("sort", sort.name().toLowerCase(Locale.ROOT), "order", "desc",
                    "page-size", "100"));
        }
        advisoryRegister.add(Map.of("sector", "mond"));
        advisoryRegister.add(Map.of("year", "1800"));

        Map<String, List<Map<String, String>>> combinations = new LinkedHashMap<>();
        combinations.put("decision-register", decisionRegister);
        combinations.put("advisory-register", advisoryRegister);
        combinations.put("project-profile", List.of(Map.of("key", "DIGI-1"), Map.of("key", "DIGI-2"),
                Map.of("key", "DIGI-99999"), Map.of("key", "nope")));
        combinations.put("digital-portfolio", List.of(Map.of(), Map.of("group", "phase", "charts", "true"),
                // As of a past day and the health over time: the same projects, as they stood then.
                Map.of("as-of", "2025-11-30", "health-trend", "24", "group", "none"), Map.of("as-of", "2099-01-01"),
                // Only the projects the evidence questions, each with its marker and reasons.
                Map.of("flagged", "true", "group", "none")));
        combinations.put("digital-roadmap", List.of(Map.of(), Map.of("as-of", "2025-11-30")));
        // The trace: of the input the confidential decision takes up, and of none; the board's view of
        // each of its meetings and of one that does not exist. (The restricted input and meeting, which
        // come back in the message as typed: aRestrictedInputOrMeetingOfTheTraceAnswersLikeAnUnknownOne.)
        combinations.put("advisory-trace", List.of(Map.of("input", publicInputNumber),
                Map.of("input", "BR-1999-99")));
        List<Map<String, String>> followUp = new ArrayList<>();
        meetings.stream().filter(m -> m.bodyKey().equals("beirat") && m.id() != boardMeeting.id())
                .forEach(m -> followUp.add(Map.of("meeting", m.number())));
        followUp.add(Map.of("meeting", "BR 1999/9"));
        combinations.put("advisory-followup", followUp);
        combinations.put("meeting-preparation", List.of(Map.of("body", "lenkungskreis"), Map.of("body", "beirat"),
                Map.of("body", "lenkungskreis", "days", "0"), Map.of("body", "nope"), Map.of()));
        // The achievement of goals: every goal, each field, each assessment, and values no goal has.
        List<Map<String, String>> achievement = new ArrayList<>(List.of(Map.of(), Map.of("status", "adopted"),
                Map.of("field", "3.4"), Map.of("field", "nope"), Map.of("status", "nope")));
        for (String a : List.of("on-track", "at-risk", "off-track", "no-data")) {
            achievement.add(Map.of("assessment", a));
        }
        combinations.put("strategy-goals", achievement);

        for (String viewer : VIEWERS) {
            Map<String, String> forbidden = forbidden(viewer);
            if (forbidden.isEmpty()) {
                continue;
            }
            combinations.forEach((name, list) -> {
                for (Map<String, String> parameters : list) {
                    boolean error = ERRORS.matcher(parameters.toString()).find();
                    for (Locale locale : error ? List.of(Locale.GERMAN, Locale.ENGLISH) : List.of(Locale.GERMAN)) {
                        for (String output : List.of("display", "pdf")) {
                            if (output.equals("pdf") && !parameters.isEmpty()) {
                                continue;
                            }
                            check(viewer, name + " " + parameters + " " + locale + " " + output,
                                    render(name, parameters, viewer, locale, Map.of(), output), forbidden);
                        }
                    }
                }
            });
            // The meeting preparation on each minutes page: the span starts at the last meeting the viewer may read.
            for (Meeting m : meetings) {
                sandbox.pages.find(m.pageId()).filter(page -> maySee(viewer, page)).ifPresent(page -> check(viewer,
                        "meeting-preparation on " + m.number(), fixture.render(macro("meeting-preparation", Map.of(),
                                null), viewer, Locale.GERMAN, Map.of(), "display", page), forbidden));
            }
            // The blueprint's open items go into a page whose readers nobody knows yet: nothing
            // restricted, whoever creates it.
            Map<String, String> restricted = new LinkedHashMap<>(STEERING);
            restricted.putAll(BOARD);
            sandbox.users.actAs(viewer == null ? null : sandbox.users.user(viewer).orElseThrow());
            try {
                check(viewer, "blueprint open items", String.valueOf(sandbox.blueprintContexts.get("steering-minutes")
                        .getContextMap(new java.util.HashMap<>(Map.of("spaceKey", "LK"))).get("openItems")), restricted);
            } finally {
                sandbox.users.actAs(null);
            }
            // The viewer's own filter choices (the form's request parameters) instead of the page's.
            String key = instanceKey(render("decision-register", Map.of(), viewer, Locale.GERMAN, Map.of(), "display"));
            for (Meeting m : meetings) {
                // (a restricted meeting chosen by its number: aRestrictedValueAnswersLikeAnUnknownOne)
                if (m.pageId() == 0 || maySee(viewer, sandbox.pages.find(m.pageId()).orElseThrow())) {
                    check(viewer, "decision-register, chosen meeting " + m.number(), render("decision-register",
                            Map.of(), viewer, Locale.GERMAN, Map.of(key + ".meeting", m.number()), "display"), forbidden);
                }
            }
            // A filter option of the register must not name what the viewer may not see, not even a year.
            String register = render("decision-register", Map.of(), viewer, Locale.GERMAN, Map.of(), "display");
            tried++;
            if (!maySee(viewer, steeringPage) && register.contains("<option value=\"" + HIDDEN_YEAR + "\"")) {
                leaks.add(viewer + " / decision-register: the year of the confidential meeting is an option");
            }
        }
        noLeaks("leaks");
    }

    private static String render(String macro, Map<String, String> parameters, String viewer, Locale locale,
                                 Map<String, String> request, String output) {
        return fixture.render(macro(macro, parameters, null), viewer, locale, request, output, registerPage);
    }

    private static String instanceKey(String html) {
        Matcher m = INSTANCE.matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    /**
     * A restricted meeting, number or text in a filter answers like an unknown one, in the macros
     * (the page author's parameters and the viewer's choices) and at REST.
     */
    @Test
    void aRestrictedValueAnswersLikeAnUnknownOne() throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (Meeting m : List.of(steeringMeeting, boardMeeting)) {
            SandboxPage page = m == steeringMeeting ? steeringPage : boardPage;
            probes.add(new Probe(page, "meeting", m.number()));
            probes.add(new Probe(page, "meeting", String.valueOf(m.id())));
        }
        // Texts only the restricted records hold: their numbers, titles and owners.
        for (Decision d : sandbox.decisions.ofPage(steeringPage.getId())) {
            for (String[] probe : List.of(new String[]{"text", d.number()}, new String[]{"text", d.title()},
                    new String[]{"owner", d.owner()})) {
                if (STEERING.containsKey(probe[1]) || probe[1].contains("ZQX")) {
                    probes.add(new Probe(steeringPage, probe[0], probe[1]));
                }
            }
        }
        for (AdvisoryInput i : sandbox.advisory.ofPage(boardPage.getId())) {
            for (String value : List.of(i.number(), i.title(), i.topic())) {
                if (BOARD.containsKey(value) || value.contains("ZQX")) {
                    probes.add(new Probe(boardPage, "text", value));
                }
            }
        }
        for (String viewer : VIEWERS) {
            for (Probe p : probes) {
                if (maySee(viewer, p.page())) {
                    continue;
                }
                String other = p.value().contains("ZQX") ? unknown(p.value())
                        : p.value().matches("[0-9]+") ? "9" + p.value() + "9" : p.value() + "X";
                String macro = p.page() == boardPage ? "advisory-register" : "decision-register";
                if (!p.parameter().equals("meeting") || macro.equals("decision-register")) {
                    // (an unknown meeting is refused with a message naming the others: in both languages)
                    for (Locale locale : p.parameter().equals("meeting") ? List.of(Locale.GERMAN, Locale.ENGLISH)
                            : List.of(Locale.GERMAN)) {
                        String a = render(macro, Map.of(p.parameter(), p.value()), viewer, locale, Map.of(), "display");
                        String b = render(macro, Map.of(p.parameter(), other), viewer, locale, Map.of(), "display");
                        alike(viewer, macro + " " + p.parameter() + "=" + p.value() + " " + locale,
                                new Reply(200, "", "", a.getBytes(StandardCharsets.UTF_8)), p.value(),
                                new Reply(200, "", "", b.getBytes(StandardCharsets.UTF_8)), other);
                        // (the value itself comes back in the form and the message: the viewer typed it)
                        Map<String, String> others = new LinkedHashMap<>(forbidden(viewer));
                        others.keySet().removeIf(p.value()::contains);
                        check(viewer, macro + " " + p.parameter() + "=" + p.value(), a, others);
                    }
                    String key = instanceKey(render(macro, Map.of(), viewer, Locale.GERMAN, Map.of(), "display"));
                    String a = render(macro, Map.of(), viewer, Locale.GERMAN, Map.of(key + "." + p.parameter(),
                            p.value()), "display");
                    String b = render(macro, Map.of(), viewer, Locale.GERMAN, Map.of(key + "." + p.parameter(), other),
                            "display");
                    alike(viewer, macro + " chosen " + p.parameter() + "=" + p.value(),
                            new Reply(200, "", "", a.getBytes(StandardCharsets.UTF_8)), p.value(),
                            new Reply(200, "", "", b.getBytes(StandardCharsets.UTF_8)), other);
                }
                if (viewer == null || p.parameter().equals("meeting") && !p.value().matches("[0-9]+")) {
                    continue;
                }
                String list = p.page() == boardPage ? "/advisory" : "/decisions";
                if (p.parameter().equals("meeting") && list.equals("/advisory")) {
                    continue;
                }
                for (String path : List.of(list + "?", list + "/export?format=csv&")) {
                    Reply a = get(REST + path + p.parameter() + "=" + enc(p.value()), viewer);
                    Reply b = get(REST + path + p.parameter() + "=" + enc(other), viewer);
                    alike(viewer, "REST " + path + p.parameter() + "=" + p.value(), a, p.value(), b, other);
                }
            }
        }
        noLeaks("leaks");
    }

    record Probe(SandboxPage page, String parameter, String value) {
    }

    /**
     * The trace of the input on the board's restricted minutes, and the board's view of that
     * meeting, answer as for a number never recorded, to whoever may not see them.
     */
    @Test
    void aRestrictedInputOrMeetingOfTheTraceAnswersLikeAnUnknownOne() {
        for (String viewer : VIEWERS) {
            if (maySee(viewer, boardPage)) {
                continue;
            }
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                for (String[] probe : List.of(new String[]{"advisory-trace", "input", boardInputNumber},
                        new String[]{"advisory-followup", "meeting", boardMeeting.number()})) {
                    String other = unknown(probe[2]);
                    String a = render(probe[0], Map.of(probe[1], probe[2]), viewer, locale, Map.of(), "display");
                    String b = render(probe[0], Map.of(probe[1], other), viewer, locale, Map.of(), "display");
                    alike(viewer, probe[0] + " " + probe[1] + "=" + probe[2] + " " + locale,
                            new Reply(200, "", "", a.getBytes(StandardCharsets.UTF_8)), probe[2],
                            new Reply(200, "", "", b.getBytes(StandardCharsets.UTF_8)), other);
                    // (the value itself comes back in the message: the viewer typed it)
                    Map<String, String> others = new LinkedHashMap<>(forbidden(viewer));
                    others.keySet().removeIf(probe[2]::contains);
                    check(viewer, probe[0] + " " + probe[1] + "=" + probe[2], a, others);
                }
            }
        }
        noLeaks("leaks");
    }

    @Test
    void everyRestReadExportAndErrorAnswer() throws Exception {
        List<String> reads = new ArrayList<>();
        reads.addAll(List.of("/decisions", "/decisions?page-size=500", "/decisions?page-size=500&withdrawn=true",
                "/decisions?meeting=abc", "/decisions?status=nonsense", "/decisions?year=1800", "/advisory",
                "/advisory?page-size=500", "/advisory?page-size=500&withdrawn=true", "/advisory?unanswered=true",
                "/advisory?awaiting-report=true&page-size=500", "/advisory?sector=mond", "/projects?page-size=100",
                "/projects?group=phase", "/projects/DIGI-1", "/projects/DIGI-2", "/projects/DIGI-99999", "/bodies",
                "/bodies/nobody/meetings", "/no/such/resource"));
        sandbox.committee.bodies().forEach(b -> reads.add("/bodies/" + b.key() + "/meetings"));
        List<Meeting> meetings = new ArrayList<>();
        sandbox.committee.bodies().forEach(b -> meetings.addAll(sandbox.committee.meetings(b.key())));
        meetings.forEach(m -> reads.add("/decisions?page-size=500&withdrawn=true&meeting=" + m.id()));
        Set<Integer> years = new TreeSet<>(List.of(HIDDEN_YEAR));
        meetings.forEach(m -> years.add(m.date().getYear()));
        years.forEach(y -> reads.add("/decisions?page-size=500&year=" + y));
        years.forEach(y -> reads.add("/advisory?page-size=500&year=" + y));
        for (DecisionStatus s : DecisionStatus.values()) {
            reads.add("/decisions?page-size=500&withdrawn=true&status=" + s.name().toLowerCase(Locale.ROOT));
        }
        for (DecisionSort s : DecisionSort.values()) {
            reads.add("/decisions?page-size=500&order=desc&sort=" + s.name().toLowerCase(Locale.ROOT));
        }
        reads.add("/decisions?page-size=500&project=DIGI-1");
        reads.add("/advisory?page-size=500&project=DIGI-1");
        for (String format : List.of("csv", "xlsx")) {
            reads.add("/strategy/achievement/export?format=" + format);
        }
        for (String list : List.of("/decisions/export", "/advisory/export", "/projects/export")) {
            for (String format : List.of("csv", "xlsx")) {
                reads.add(list + "?format=" + format);
                reads.add(list + "?withdrawn=true&format=" + format);
            }
        }
        reads.add("/decisions/export?format=pdf");
        // the goal register and the measured values
        reads.addAll(List.of("/goals", "/goals?page-size=500", "/goals?page-size=500&withdrawn=true",
                "/goals?status=nonsense", "/goals/export?format=csv", "/goals/export?format=xlsx",
                "/goals/export?withdrawn=true&format=csv", "/indicators/" + OPEN_INDICATOR + "/values",
                "/indicators/NOPE-1/values"));
        List<Goal> goals = sandbox.plugin.bean(GoalStore.class).all();
        goals.forEach(g -> reads.add("/goals/" + g.id()));
        long noGoal = goals.stream().mapToLong(Goal::id).max().orElseThrow() + 1000;
        List<Decision> decisions = sandbox.decisions.all();
        List<AdvisoryInput> inputs = sandbox.advisory.all();
        decisions.forEach(d -> reads.add("/decisions/" + d.id()));
        inputs.forEach(i -> reads.add("/advisory/" + i.id()));
        long noDecision = decisions.stream().mapToLong(Decision::id).max().orElseThrow() + 1000;
        long noInput = inputs.stream().mapToLong(AdvisoryInput::id).max().orElseThrow() + 1000;

        for (String viewer : VIEWERS) {
            Map<String, String> forbidden = forbidden(viewer);
            if (viewer != null) {
                counts(viewer);
            }
            if (forbidden.isEmpty()) {
                continue;
            }
            for (String path : reads) {
                // Error answers in both languages: their messages name the allowed values.
                for (String language : ERRORS.matcher(path).find() ? List.of("de-DE", "en") : List.of("de-DE")) {
                    Reply r = get(REST + path, viewer, language);
                    String text = r.status() == 200 && path.contains("format=xlsx") ? xlsxText(r.body()) : r.text();
                    check(viewer, "REST " + path + " " + language, text, forbidden);
                }
            }
            // A restricted record's address answers like one that never existed, reads and writes alike.
            for (Decision d : decisions) {
                if (!maySee(viewer, sandbox.pages.find(d.page().pageId()).orElseThrow())) {
                    String id = String.valueOf(d.id());
                    alike(viewer, "REST decision " + id, get(REST + "/decisions/" + id, viewer), id,
                            get(REST + "/decisions/" + noDecision, viewer), String.valueOf(noDecision));
                    alike(viewer, "REST status change of " + id, post(REST + "/decisions/" + id + "/status", viewer,
                            "{\"status\":\"deferred\"}"), id, post(REST + "/decisions/" + noDecision + "/status",
                            viewer, "{\"status\":\"deferred\"}"), String.valueOf(noDecision));
                }
            }
            if (!maySee(viewer, strategyPage)) {
                String id = String.valueOf(hiddenGoal.id());
                alike(viewer, "REST goal " + id, get(REST + "/goals/" + id, viewer), id,
                        get(REST + "/goals/" + noGoal, viewer), String.valueOf(noGoal));
                String achieve = "{\"status\":\"achieved\",\"reason\":\"erreicht\"}";
                alike(viewer, "REST status change of goal " + id, post(REST + "/goals/" + id + "/status", viewer,
                        achieve), id, post(REST + "/goals/" + noGoal + "/status", viewer, achieve),
                        String.valueOf(noGoal));
                String unknownKey = unknown(hiddenIndicator);
                alike(viewer, "REST values of " + hiddenIndicator + " read", get(REST + "/indicators/" + hiddenIndicator
                        + "/values", viewer), hiddenIndicator, get(REST + "/indicators/" + unknownKey + "/values",
                        viewer), unknownKey);
                String value = "{\"value\":\"50\",\"date\":\"2026-03-31\"}";
                alike(viewer, "REST values of " + hiddenIndicator, post(REST + "/indicators/" + hiddenIndicator
                        + "/values", viewer, value), hiddenIndicator, post(REST + "/indicators/" + unknownKey
                        + "/values", viewer, value), unknownKey);
                String file = "indicator;date;value\n%s;2026-03-31;50\n";
                alike(viewer, "REST values file naming " + hiddenIndicator, post(REST + "/indicators/values", viewer,
                        "text/csv", file.formatted(hiddenIndicator)), hiddenIndicator, post(REST
                        + "/indicators/values", viewer, "text/csv", file.formatted(unknownKey)), unknownKey);
                String form = "value=50&date=2026-03-31&atl_token=0123456789abcdef";
                String values = "/plugins/servlet/cockpit/indicator-values?indicator=";
                alike(viewer, "values form of " + hiddenIndicator, send(HttpRequest.newBuilder(URI.create(url(values
                        + hiddenIndicator, viewer))).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "atl.xsrf.token=0123456789abcdef")
                        .POST(HttpRequest.BodyPublishers.ofString(form)), "de-DE"), hiddenIndicator,
                        send(HttpRequest.newBuilder(URI.create(url(values + unknownKey, viewer)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Cookie", "atl.xsrf.token=0123456789abcdef")
                                .POST(HttpRequest.BodyPublishers.ofString(form)), "de-DE"), unknownKey);
            }
            for (AdvisoryInput i : inputs) {
                if (!maySee(viewer, sandbox.pages.find(i.page().pageId()).orElseThrow())) {
                    String id = String.valueOf(i.id());
                    alike(viewer, "REST input " + id, get(REST + "/advisory/" + id, viewer), id,
                            get(REST + "/advisory/" + noInput, viewer), String.valueOf(noInput));
                    for (String write : List.of("/answer", "/report")) {
                        String body = write.equals("/answer") ? "{\"status\":\"under-review\"}" : "{\"on\":\"2026-12-01\"}";
                        alike(viewer, "REST " + write + " of " + id, post(REST + "/advisory/" + id + write, viewer,
                                body), id, post(REST + "/advisory/" + noInput + write, viewer, body),
                                String.valueOf(noInput));
                    }
                }
            }
        }
        noLeaks("leaks");
    }

    /** Requests whose answer is an error message (an unknown value, address or format). */
    private static final Pattern ERRORS = Pattern.compile("=abc|=nonsense|=1800|=mond|=pdf|/no/|nobody|99999|nope"
            + "|LK 1999/9|beschlossen|BR 1999/9|BR-1999-99");

    /** Totals, captions and export rows count only the records on pages the viewer may see. */
    private static void counts(String viewer) throws Exception {
        long decisions = sandbox.decisions.all().stream().filter(d -> !d.withdrawn()
                && maySee(viewer, sandbox.pages.find(d.page().pageId()).orElseThrow())).count();
        long inputs = sandbox.advisory.all().stream().filter(i -> !i.withdrawn()
                && maySee(viewer, sandbox.pages.find(i.page().pageId()).orElseThrow())).count();
        count(viewer, "decision total", get(REST + "/decisions", viewer).json().get("total").asLong(), decisions);
        count(viewer, "input total", get(REST + "/advisory", viewer).json().get("total").asLong(), inputs);
        count(viewer, "decision export rows", get(REST + "/decisions/export?format=csv", viewer).text()
                .split("\r\n").length - 1, decisions);
        count(viewer, "input export rows", get(REST + "/advisory/export?format=csv", viewer).text()
                .split("\r\n").length - 1, inputs);
        count(viewer, "decision register caption", caption(render("decision-register", Map.of(), viewer,
                Locale.GERMAN, Map.of(), "display"), "Beschlüsse"), decisions);
        count(viewer, "advisory register caption", caption(render("advisory-register", Map.of(), viewer,
                Locale.GERMAN, Map.of(), "display"), "Empfehlungen"), inputs);
        long meetings = sandbox.committee.meetings("lenkungskreis").stream().filter(m -> m.pageId() == 0
                || maySee(viewer, sandbox.pages.find(m.pageId()).orElseThrow())).count();
        count(viewer, "meetings listed", get(REST + "/bodies/lenkungskreis/meetings", viewer).json().size(), meetings);
        long goals = sandbox.plugin.bean(GoalStore.class).all().stream().filter(g -> !g.withdrawn()
                && maySee(viewer, sandbox.pages.find(g.page().pageId()).orElseThrow())).count();
        count(viewer, "goal total", get(REST + "/goals", viewer).json().get("total").asLong(), goals);
        count(viewer, "goal export rows", get(REST + "/goals/export?format=csv", viewer).text()
                .split("\r\n").length - 1, goals);
    }

    private static long caption(String html, String noun) {
        Matcher m = Pattern.compile(noun + " \\((\\d+)\\)").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static final Pattern OPARL_LINK = Pattern.compile("\"(http://127\\.0\\.0\\.1:\\d+(" + Pattern.quote(REST)
            + "/oparl[^\"]*))\"");

    private static final Pattern LISTS = Pattern.compile(".*/oparl/(system|bodies|body/[^/?]+"
            + "(/(organizations|persons|memberships|meetings|agendaItems|locations))?)(\\?.*)?");

    /** OParl, walked from the system object: every list (each page of it) and every object it links. */
    @Test
    void everyOParlObjectAndList() throws Exception {
        List<String> restricted = new ArrayList<>();
        for (Decision d : sandbox.decisions.all()) {
            if (!d.isPublic() || d.withdrawn() || onRestrictedPage(d.page().pageId())) {
                restricted.add("agendaItem/decision-" + d.id());
            }
        }
        for (AdvisoryInput i : sandbox.advisory.all()) {
            if (!i.isPublic() || i.withdrawn() || onRestrictedPage(i.page().pageId())) {
                restricted.add("agendaItem/input-" + i.id());
            }
        }
        for (Meeting m : List.of(steeringMeeting, boardMeeting, unpublishedMeeting)) {
            restricted.add("meeting/" + m.id());
        }
        restricted.add("organization/zqx-gremium");
        for (String viewer : VIEWERS) {
            // Every object for a visitor; for the signed-in the lists, which embed their objects, and
            // the restricted records' own addresses for the CDO (who sits on both bodies): OParl
            // answers the same whoever asks.
            boolean everything = viewer == null;
            Deque<String> queue = new ArrayDeque<>(List.of(REST + "/oparl/system"));
            Set<String> seen = new HashSet<>(queue);
            while (!queue.isEmpty()) {
                String path = queue.poll();
                Reply r = get(path, viewer);
                check(viewer, "OParl " + path, r.text(), forbiddenInOParl());
                Matcher m = OPARL_LINK.matcher(r.text());
                while (m.find()) {
                    String next = m.group(2);
                    if ((everything || LISTS.matcher(next).matches()) && seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
            assertTrue(seen.size() > (everything ? 100 : 10), "the walk reaches the objects: " + seen.size());
            for (String path : everything || "cdo".equals(viewer) ? restricted : List.<String>of()) {
                String id = path.substring(path.indexOf('/') + 1);
                String nowhere = path.substring(0, path.indexOf('/') + 1) + (id.startsWith("decision-")
                        ? "decision-999999" : id.startsWith("input-") ? "input-999999"
                        : id.matches("[0-9]+") ? "999999" : id.replace("zqx", "yzz").replace("lenkungskreis",
                        "ausschuss").replace("beirat", "rat"));
                Reply a = get(REST + "/oparl/" + path, viewer);
                Reply b = get(REST + "/oparl/" + nowhere, viewer);
                check(viewer, "OParl " + path, a.text(), forbiddenInOParl());
                tried++;
                // A main object that was public once answers as OParl's tombstone (no 404 allowed),
                // which shows nothing but its id, type and times.
                boolean tombstone = a.status() == 200 && a.text().matches("\\{\"id\":\"[^\"]+\",\"type\":\"[^\"]+\","
                        + "\"created\":\"[^\"]+\",\"modified\":\"[^\"]+\",\"deleted\":true}");
                if (!tombstone && (a.status() != 404 || b.status() != 404 || !a.type().equals(b.type()))) {
                    leaks.add(viewer + " / OParl " + path + ": " + a.status() + " " + a.type() + ", unknown: "
                            + b.status() + " " + b.type());
                }
            }
        }
        noLeaks("leaks");
    }

    /**
     * What the viewer may see reaches them: each marker is met by someone allowed to (all but the
     * stored agenda item, which only OParl would show, if it were public), so a crawl that never
     * gets to a record cannot pass.
     */
    @Test
    void everyMarkerReachesSomeoneWhoMaySeeIt() throws Exception {
        for (String viewer : List.of("cdo", "leitung-finanzen", "expertin-wirtschaft")) {
            for (String path : List.of(REST + "/decisions?page-size=500&withdrawn=true",
                    REST + "/advisory?page-size=500&withdrawn=true", REST + "/bodies",
                    REST + "/bodies/lenkungskreis/meetings", REST + "/bodies/beirat/meetings",
                    REST + "/bodies/zqx-gremium/meetings", "/pages/viewpage.action?pageId=" + steeringPage.getId(),
                    "/pages/viewpage.action?pageId=" + boardPage.getId(), "/", REST + "/goals?page-size=500",
                    REST + "/goals/export?format=csv", "/pages/viewpage.action?pageId=" + strategyPage.getId())) {
                check(viewer, path, get(path, viewer).text(), forbidden(viewer));
            }
            // (to anyone else, the answer repeats the key they asked with, as for an unknown one)
            if (maySee(viewer, strategyPage)) {
                String values = REST + "/indicators/" + hiddenIndicator + "/values";
                check(viewer, values, get(values, viewer).text(), forbidden(viewer));
            }
        }
        Set<String> missed = new TreeSet<>(all().keySet());
        missed.removeAll(reached);
        missed.removeIf(m -> UNPUBLISHED.getOrDefault(m, "").startsWith("agenda item"));
        assertEquals(Set.of(), missed, "markers no allowed viewer met");
        noLeaks("leaks");
    }

    /** The reads carry what the viewer may see: no cache may keep them; OParl's public answers may be kept. */
    @Test
    void viewerFilteredAnswersAreNeverStored() throws Exception {
        Decision visible = sandbox.decisions.all().stream().filter(d -> !onRestrictedPage(d.page().pageId()))
                .findFirst().orElseThrow();
        AdvisoryInput input = sandbox.advisory.all().stream().filter(i -> !onRestrictedPage(i.page().pageId()))
                .findFirst().orElseThrow();
        for (String path : List.of("/decisions", "/decisions/" + visible.id(), "/decisions/" + confidential.id(),
                "/decisions/export?format=csv", "/decisions/export?format=xlsx", "/advisory", "/advisory/" + input.id(),
                "/advisory/export?format=csv", "/advisory/export?format=xlsx", "/projects", "/projects/DIGI-1",
                "/projects/export?format=xlsx", "/bodies", "/bodies/lenkungskreis/meetings", "/decisions?meeting=abc")) {
            for (String viewer : List.of("mitarbeiterin", "cdo")) {
                Reply r = get(REST + path, viewer);
                tried++;
                if (!r.caching().contains("no-store")) {
                    leaks.add(viewer + " / " + path + " (" + r.status() + "): Cache-Control " + r.caching());
                }
            }
        }
        Reply oparl = get(REST + "/oparl/body/1/meetings", "cdo");
        assertEquals(200, oparl.status(), oparl.text());
        assertTrue(!oparl.caching().contains("no-store"), "OParl's public answers may be cached: " + oparl.caching());
        noLeaks("answers a cache may keep");
    }
}
