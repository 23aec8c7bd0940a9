package de.digitalstrategie.cockpit.access;

import com.atlassian.confluence.security.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.meeting.store.OpenDecisions;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every viewer against every way data leaves the plugin, over real HTTP in the sandbox: pages
 * with the macros, the REST reads, the exports, OParl, the public project profiles, error answers
 * and counts, the meeting calendars must not show or
 * count what the viewer may not see; every write by someone who may not make it, or without the
 * XSRF proof, is refused and changes nothing.
 *
 * <p>The confidential set is the demo's last steering-committee minutes (restricted to the
 * committee), with one more decision carrying a marker no other record has, so that a leak
 * cannot hide behind a title that happens to occur elsewhere. For OParl, which is public, every
 * non-public or withdrawn record belongs to the confidential set as well.
 */
class PermissionMatrixTest {
    /** anonymous, staff, a steering-committee member, an advisory-board member, secretary, CDO, admin */
    private static final List<String> VIEWERS = java.util.Arrays.asList(null, "mitarbeiterin", "leitung-finanzen",
            "expertin-wirtschaft", "schriftfuehrung", "cdo", "admin");
    private static final String MARKER = "ZQXGEHEIM" + Long.toHexString(0x5EC12E7L);
    /** On public minutes, but marked non-public: for every signed-in viewer, never for OParl. */
    private static final String INTERNAL = "ZQXINTERN" + Long.toHexString(0x1A7E2AL);
    /** In every text of the goal, the card and the value on the strategy page only the CDO may see. */
    private static final String STRATEGY = "ZQXZIEL" + Long.toHexString(0x5EC12E7L).toUpperCase(java.util.Locale.ROOT);
    private static final String OPEN_GOAL = "ZIEL-FIN-9";
    private static final String OPEN_INDICATOR = "FIN-9.1";
    private static final String HIDDEN_GOAL = "ZIEL-" + STRATEGY;
    private static final String HIDDEN_INDICATOR = STRATEGY + "-1.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static SandboxPage restricted;
    private static Meeting restrictedMeeting;
    /** The number of the input the marked decision takes up. */
    private static String traced;
    private static String tracedMeeting;
    private static List<Decision> hidden;
    /** Strings only the confidential minutes hold. */
    private static Set<String> internalMarkers;
    /** Strings only non-public records hold. */
    private static Set<String> publicMarkers;

    private static int tried;
    private static final List<String> leaks = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        restricted = fixture.sandbox.pages.all().stream().filter(p -> !p.restrictedTo().isEmpty()).findFirst()
                .orElseThrow();
        // One more decision on the confidential minutes, published as Confluence does: a new page
        // version, saved by the secretary (whose status changes the registers take).
        // It takes up the input whose trace and board's view the demo shows: those views may name it to members only.
        AdvisoryInput first = fixture.sandbox.advisory.all().stream().filter(i -> i.number().endsWith("-02"))
                .findFirst().orElseThrow();
        traced = first.number();
        tracedMeeting = fixture.sandbox.committee.meeting(first.meetingId()).orElseThrow().number();
        String extra = "<h2>TOP 99 " + MARKER + "</h2><ac:structured-macro ac:name=\"committee-decision\" "
                + "ac:schema-version=\"1\" ac:macro-id=\"6f1c2b9e-0000-4000-8000-" + "00000000beef\">"
                + "<ac:parameter ac:name=\"number\">LK-" + MARKER + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Vertraulich " + MARKER + "</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">decided</ac:parameter>"
                + "<ac:parameter ac:name=\"vote\">6/0/0</ac:parameter>"
                + "<ac:parameter ac:name=\"projects\">DIGI-1</ac:parameter>"
                + "<ac:parameter ac:name=\"inputs\">" + traced + "</ac:parameter>"
                + "<ac:parameter ac:name=\"owner\">Owner " + MARKER + "</ac:parameter>"
                + "<ac:rich-text-body><p>Text " + MARKER + "</p></ac:rich-text-body></ac:structured-macro>";
        fixture.sandbox.pages.update(restricted.getId(), restricted.getBodyAsString() + extra, WormsDemo.SECRETARY);
        SandboxPage steering = fixture.sandbox.pages.all().stream().filter(p -> "minutes".equals(p.kind())
                && p.restrictedTo().isEmpty() && p.getBodyAsString().contains("committee-decision")).findFirst().orElseThrow();
        fixture.sandbox.pages.update(steering.getId(), steering.getBodyAsString()
                + "<ac:structured-macro ac:name=\"committee-decision\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"6f1c2b9e-0000-4000-8000-00000000cafe\">"
                + "<ac:parameter ac:name=\"number\">LK-" + INTERNAL + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Intern " + INTERNAL + "</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">decided</ac:parameter>"
                + "<ac:parameter ac:name=\"vote\">6/0/0</ac:parameter>"
                + "<ac:parameter ac:name=\"public\">false</ac:parameter>"
                + "<ac:rich-text-body><p>Text " + INTERNAL + "</p></ac:rich-text-body></ac:structured-macro>",
                WormsDemo.SECRETARY);
        SandboxPage board = fixture.sandbox.pages.all().stream().filter(p -> "minutes".equals(p.kind())
                && p.getBodyAsString().contains("advisory-input")).findFirst().orElseThrow();
        fixture.sandbox.pages.update(board.getId(), board.getBodyAsString()
                + "<ac:structured-macro ac:name=\"advisory-input\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"6f1c2b9e-0000-4000-8000-00000000f00d\">"
                + "<ac:parameter ac:name=\"number\">BR-" + INTERNAL + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Intern " + INTERNAL + "</ac:parameter>"
                + "<ac:parameter ac:name=\"sectors\">wirtschaft</ac:parameter>"
                + "<ac:parameter ac:name=\"public\">false</ac:parameter>"
                + "<ac:rich-text-body><p>Empfehlung " + INTERNAL + "</p></ac:rich-text-body></ac:structured-macro>",
                WormsDemo.SECRETARY);
        // The registers take the saved pages on the scheduler, right after the saves.
        fixture.sandbox.settle();
        restricted = fixture.sandbox.pages.find(restricted.getId()).orElseThrow();
        // OParl answers from what its scheduled job published: publish what the test wrote.
        fixture.sandbox.plugin.bean(de.digitalstrategie.cockpit.oparl.OParlPublisher.class).publish();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        restrictedMeeting = fixture.sandbox.committee.meetingByPage(restricted.getId()).orElseThrow();
        hidden = fixture.sandbox.decisions.ofPage(restricted.getId());
        assertTrue(hidden.stream().anyMatch(d -> d.title().contains(MARKER)), "the marked decision was recorded");
        assertTrue(fixture.sandbox.decisions.all().stream().anyMatch(d -> d.title().contains(INTERNAL) && !d.isPublic()),
                "the non-public decision was recorded");
        assertTrue(fixture.sandbox.advisory.all().stream().anyMatch(i -> i.title().contains(INTERNAL) && !i.isPublic()),
                "the non-public input was recorded");

        List<Decision> all = fixture.sandbox.decisions.all();
        Set<String> visibleText = all.stream().filter(d -> d.page().pageId() != restricted.getId())
                .flatMap(d -> java.util.stream.Stream.of(d.number(), d.title(), String.valueOf(d.text()),
                        String.valueOf(d.successor()))).collect(Collectors.toSet());
        internalMarkers = new LinkedHashSet<>(List.of(MARKER, restricted.getTitle(), restrictedMeeting.title()));
        hidden.stream().flatMap(d -> java.util.stream.Stream.of(d.number(), d.title())).filter(t -> visibleText.stream().noneMatch(v -> v.contains(t)))
                .forEach(internalMarkers::add);

        Set<String> publicText = new HashSet<>();
        Set<String> secret = new LinkedHashSet<>(internalMarkers);
        secret.add(INTERNAL);
        for (Decision d : all) {
            boolean open = d.isPublic() && !d.withdrawn() && d.page().pageId() != restricted.getId();
            (open ? publicText : secret).add(d.title());
            (open ? publicText : secret).add(d.number());
        }
        for (AdvisoryInput i : fixture.sandbox.advisory.all()) {
            (i.isPublic() && !i.withdrawn() ? publicText : secret).add(i.title());
            (i.isPublic() && !i.withdrawn() ? publicText : secret).add(i.number());
        }
        publicMarkers = secret.stream().filter(s -> publicText.stream().noneMatch(p -> p.contains(s)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertTrue(internalMarkers.size() > 3 && publicMarkers.size() >= internalMarkers.size(),
                internalMarkers + " / " + publicMarkers);

        // Two strategy pages: an open one and one only the CDO may see, each with a goal and an
        // indicator collected by „Finanzen“; the hidden one's texts and values carry the marker.
        long top = StrategyPages.place(fixture.sandbox);
        StrategyPages.page(fixture.sandbox, top, "Handlungsfeld Finanzen (Test)", Set.of(), OPEN_GOAL, OPEN_INDICATOR,
                "Finanzen", "offen");
        StrategyPages.page(fixture.sandbox, top, "Handlungsfeld " + STRATEGY, Set.of(StrategyPages.EDITOR), HIDDEN_GOAL,
                HIDDEN_INDICATOR, "Finanzen", STRATEGY);
        fixture.sandbox.plugin.bean(Measurements.class).record(new Measurement(HIDDEN_INDICATOR, new BigDecimal("40"),
                LocalDate.of(2025, 12, 31), "Quelle " + STRATEGY, "Kommentar " + STRATEGY, "cdo", Instant.now()));
        // Beside the demo's goals, which every viewer may see.
        assertEquals(Set.of(OPEN_GOAL, HIDDEN_GOAL), fixture.sandbox.plugin.bean(GoalStore.class).all().stream()
                .map(g -> g.number()).filter(n -> n.equals(OPEN_GOAL) || n.equals(HIDDEN_GOAL))
                .collect(java.util.stream.Collectors.toSet()), "both goals were recorded");
    }

    @AfterAll
    static void stop() {
        System.out.println("hardening permissions: tried " + tried + ", leaked " + leaks.size());
        if (server != null) {
            server.close();
        }
        fixture.close();
    }

    // ---- HTTP

    record Reply(int status, String type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static String url(String path, String as) {
        String sep = path.contains("?") ? "&" : "?";
        return "http://127.0.0.1:" + server.port() + path + (as == null ? "" : sep + "as=" + as);
    }

    private static Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(b.header("Accept-Language", "de-DE").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Reply get(String path, String as) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path, as))));
    }

    private static Reply post(String path, String as, String type, String body, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path, as))).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    private static boolean maySee(String viewer) {
        DemoUser user = viewer == null ? null : fixture.sandbox.users.user(viewer).orElseThrow();
        return fixture.sandbox.permissions.hasPermission(user, Permission.VIEW, restricted);
    }

    /** One way out for one viewer: none of the markers may be in what they got. */
    private static void check(String viewer, String what, String text, Set<String> markers) {
        tried++;
        for (String m : markers) {
            if (text.contains(m) || text.contains(html(m))) {
                leaks.add(viewer + " / " + what + ": " + m);
            }
        }
    }

    private static void count(String viewer, String what, boolean ok) {
        tried++;
        if (!ok) {
            leaks.add(viewer + " / " + what + ": the count includes confidential records");
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String xlsxText(byte[] body) throws Exception {
        return XlsxText.of(body);
    }

    // ---- reads

    @Test
    void noViewerSeesOrCountsWhatTheyMayNot() throws Exception {
        int memberTotal = get("/rest/cockpit/1.0/decisions?page-size=500", "cdo").json().get("total").asInt();
        long hiddenListed = hidden.stream().filter(d -> !d.withdrawn()).count();
        Decision visibleOne = fixture.sandbox.decisions.all().stream()
                .filter(d -> d.page().pageId() != restricted.getId()).findFirst().orElseThrow();
        AdvisoryInput input = fixture.sandbox.advisory.all().get(0);
        SandboxPage profile = fixture.sandbox.pages.all().stream().filter(p -> "profile".equals(p.kind())
                && p.getBodyAsString().contains(">DIGI-1<")).findFirst().orElseThrow();
        Set<String> relevantProfiles = hidden.stream().flatMap(d -> d.projectKeys().stream())
                .collect(Collectors.toSet());
        for (String viewer : VIEWERS) {
            boolean member = maySee(viewer);
            Set<String> markers = member ? Set.of() : internalMarkers;
            // pages with the plugin's macros: registers, portfolio, minutes, project profiles
            boolean everything = viewer == null || "mitarbeiterin".equals(viewer);
            for (SandboxPage page : fixture.sandbox.pages.all()) {
                // Members may see everything, so only their counts are checked below. Every page for a
                // visitor and staff; for the other non-members every page but the profiles of projects
                // no confidential decision names (their content is the same for everyone).
                if (member || !everything && "profile".equals(page.kind()) && relevantProfiles.stream()
                        .noneMatch(k -> page.getBodyAsString().contains(">" + k + "<"))) {
                    continue;
                }
                Reply r = get("/pages/viewpage.action?pageId=" + page.getId(), viewer);
                if (page.getId() == restricted.getId() && !member) {
                    count(viewer, "restricted page answers 404", r.status() == 404);
                }
                check(viewer, "page " + page.getTitle(), r.text(), markers);
            }
            check(viewer, "restricted page as PDF", get("/pages/viewpage.action?pageId=" + restricted.getId()
                    + "&output=pdf", viewer).text(), markers);
            String start = get("/", viewer).text();
            check(viewer, "start page", start, markers);
            Matcher decisionCount = Pattern.compile("Beschlüsse</th><td class=\"num\">(\\d+)<").matcher(start);
            count(viewer, "start page decision count", decisionCount.find() && Integer.parseInt(decisionCount.group(1))
                    == fixture.sandbox.decisions.all().size() - (member ? 0 : hidden.size()));
            // REST reads: lists, single records with their history, bodies and meetings
            for (String path : List.of("/decisions?page-size=500", "/decisions?page-size=500&withdrawn=true",
                    "/decisions?text=" + MARKER, "/decisions?meeting=" + restrictedMeeting.id(),
                    "/decisions?project=DIGI-1&page-size=500", "/decisions/" + visibleOne.id(),
                    "/advisory?page-size=500", "/advisory/" + input.id(), "/projects?page-size=100",
                    "/projects?group=phase", "/projects/DIGI-1", "/bodies", "/bodies/lenkungskreis/meetings",
                    "/bodies/beirat/meetings")) {
                Reply r = get("/rest/cockpit/1.0" + path, viewer);
                check(viewer, "REST " + path, r.text(), viewer == null ? Set.of() : markers);
                if (viewer == null) {
                    count(viewer, "REST " + path + " refused", r.status() == 401 && r.text().contains("sign-in"));
                }
            }
            if (viewer != null) {
                int total = get("/rest/cockpit/1.0/decisions?page-size=500", viewer).json().get("total").asInt();
                count(viewer, "decision total", total == (member ? memberTotal : memberTotal - hiddenListed));
                count(viewer, "non-public decision listed for the signed-in", get("/rest/cockpit/1.0/decisions?text="
                        + INTERNAL, viewer).json().get("total").asInt() == 1);
                int found = get("/rest/cockpit/1.0/decisions?text=" + MARKER, viewer).json().get("total").asInt();
                count(viewer, "search total", found == (member ? 1 : 0));
                int inMeeting = get("/rest/cockpit/1.0/decisions?meeting=" + restrictedMeeting.id(), viewer).json()
                        .get("total").asInt();
                count(viewer, "meeting total", member || inMeeting == 0);
                int meetings = get("/rest/cockpit/1.0/bodies/lenkungskreis/meetings", viewer).json().size();
                count(viewer, "meeting count", meetings == (member ? 8 : 7));
            }
            // the project profile lists the marked decision to members only (the marker check above
            // covers everyone else); seeing it here proves the marker reaches this way out at all
            if (member) {
                count(viewer, "profile shows the marked decision to a member", get("/pages/viewpage.action?pageId="
                        + profile.getId(), viewer).text().contains(MARKER));
            }
            // the trace of the input and the board's view of its meeting name the marked decision to
            // members only; seeing it here proves the marker reaches these ways out at all
            if (member) {
                for (SandboxPage trace : fixture.sandbox.pages.all().stream().filter(p -> "trace".equals(p.kind())
                        && (p.getBodyAsString().contains(">" + traced + "<")
                        || p.getBodyAsString().contains(">" + tracedMeeting + "<"))).toList()) {
                    count(viewer, "trace page " + trace.getTitle() + " shows the marked decision to a member",
                            get("/pages/viewpage.action?pageId=" + trace.getId(), viewer).text().contains(MARKER));
                }
            }
            // the register page's pager counts only what the viewer may see
            SandboxPage register = fixture.sandbox.pages.all().stream().filter(p -> "register".equals(p.kind())
                    && p.getBodyAsString().contains("decision-register")).findFirst().orElseThrow();
            String registerHtml = get("/pages/viewpage.action?pageId=" + register.getId(), viewer).text();
            count(viewer, "register pager", registerHtml.contains(" von " + (member ? memberTotal
                    : memberTotal - hiddenListed)));
            // the meeting preparation counts only the open items the viewer may see
            SandboxPage preparation = fixture.sandbox.pages.all().stream()
                    .filter(p -> "preparation".equals(p.kind())).findFirst().orElseThrow();
            Matcher openCount = Pattern.compile("preparation-lenkungskreis-open\">[^<]*<span class=\"aui-badge\"[^>]*>"
                    + "(\\d+)<").matcher(get("/pages/viewpage.action?pageId=" + preparation.getId(), viewer).text());
            long open = fixture.sandbox.decisions.all().stream().filter(d -> !d.withdrawn()
                    && OpenDecisions.OPEN.contains(d.status())
                    && (member || hidden.stream().noneMatch(h -> h.id() == d.id()))).count();
            count(viewer, "preparation open items", openCount.find() && Integer.parseInt(openCount.group(1)) == open);
            // each confidential decision, alone and in the error answer of a refused read or write
            for (Decision d : hidden) {
                Reply one = get("/rest/cockpit/1.0/decisions/" + d.id(), viewer);
                check(viewer, "REST decision " + d.id(), one.text(), markers);
                if (!member) {
                    count(viewer, "decision " + d.id() + " refused", one.status() == 404 || one.status() == 401);
                }
                Reply write = post("/rest/cockpit/1.0/decisions/" + d.id() + "/status", viewer, "application/json",
                        "{\"status\":\"deferred\"}", null);
                check(viewer, "status change of " + d.id() + " (error answer)", write.text(), markers);
                Reply implement = post("/rest/cockpit/1.0/decisions/" + d.id() + "/implementation", viewer,
                        "application/json", "{\"state\":\"done\"}", null);
                check(viewer, "implementation of " + d.id() + " (error answer)", implement.text(), markers);
                Reply form = post("/plugins/servlet/cockpit/decision-implementation?decision=" + d.id(), viewer,
                        "application/x-www-form-urlencoded", "state=done&pageId=1", null);
                check(viewer, "implementation form of " + d.id() + " (error answer)", form.text() + form.status(),
                        markers);
                if (!member) {
                    count(viewer, "implementation form of " + d.id() + " answers as for none", form.status() == 404
                            || viewer == null && form.status() == 403);
                }
            }
            // exports, parsed
            for (String list : List.of("/decisions", "/advisory", "/projects")) {
                for (String format : List.of("csv", "xlsx")) {
                    Reply r = get("/rest/cockpit/1.0" + list + "/export?format=" + format, viewer);
                    String text = r.status() == 200 && "xlsx".equals(format) ? xlsxText(r.body()) : r.text();
                    check(viewer, "export " + list + " " + format, text, viewer == null ? Set.of() : markers);
                    if (viewer == null) {
                        count(viewer, "export refused", r.status() == 401);
                    } else if ("/decisions".equals(list)) {
                        long rows = "csv".equals(format) ? text.split("\r\n").length - 1
                                : text.lines().count() - 2; // the sheet's name and the header row
                        count(viewer, "export rows " + format, rows == (member ? memberTotal
                                : memberTotal - hiddenListed));
                    }
                }
            }
            // The quarterly report of the confidential meeting's quarter, as page and workbook: signed-in
            // viewers only, each decision counted only for those who may read its minutes
            String quarter = de.digitalstrategie.cockpit.report.Quarter.of(restrictedMeeting.date()).toString();
            Reply report = get("/plugins/servlet/cockpit/report?quarter=" + quarter, viewer);
            check(viewer, "quarterly report", report.text(), markers);
            Reply workbook = get("/plugins/servlet/cockpit/report?quarter=" + quarter + "&format=xlsx", viewer);
            check(viewer, "quarterly report workbook", workbook.status() == 200 ? xlsxText(workbook.body())
                    : workbook.text(), markers);
            if (viewer == null) {
                count(viewer, "quarterly report refused", report.status() == 403 && workbook.status() == 403);
            } else {
                count(viewer, "quarterly report decision count", reportDecisions(report.text())
                        == reportDecisions(get("/plugins/servlet/cockpit/report?quarter=" + quarter, "cdo").text())
                        - (member ? 0 : hidden.stream().filter(d -> !d.withdrawn() && d.status() != DecisionStatus.PROPOSED
                        && d.status() != DecisionStatus.READY_FOR_VOTE && d.status() != DecisionStatus.DEFERRED).count()));
                if (member) {
                    count(viewer, "quarterly report shows the marked decision to a member", report.text().contains(MARKER)
                            && xlsxText(workbook.body()).contains(MARKER));
                }
            }
            // OParl, public whoever asks: its lists, which embed their objects, and the confidential
            // records' own addresses (OParlInterfaceTest walks every object as a visitor)
            walkOParl(viewer);
            // Public project profiles, the same whoever asks: the published ones, and every other
            // project answered exactly like a key that does not exist, not even listed or counted
            walkPublicProfiles(viewer);
            // Meeting calendars: the public feeds the same whoever asks, a personal one what its
            // owner may see, a revoked one answered like an address that never was
            walkCalendars(viewer);
        }
        assertEquals(List.of(), leaks, "leaks");
    }

    private static final Pattern REPORT_DECISIONS = Pattern.compile(
            "<h2 id=\"report-decisions\">[^<]*<span class=\"aui-badge\">(\\d+)</span>");

    /** How many decisions the quarterly report's page counts; -1 for none shown. */
    private static int reportDecisions(String html) {
        Matcher m = REPORT_DECISIONS.matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static final Pattern UID = Pattern.compile("\r\nUID:meeting-(\\d+)@");

    private static Set<Long> uids(Reply feed) {
        Set<Long> ids = new java.util.TreeSet<>();
        Matcher m = UID.matcher(feed.text().replace("\r\n ", ""));
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The meetings a viewer may see (anonymous: the public ones), worked out here from the store and the pages. */
    private static Set<Long> meetingsFor(String viewer, String bodyKey) {
        DemoUser user = viewer == null ? null : fixture.sandbox.users.user(viewer).orElseThrow();
        return fixture.sandbox.committee.bodies().stream()
                .filter(b -> (bodyKey == null || b.key().equals(bodyKey)) && (viewer != null || b.isPublic()))
                .flatMap(b -> fixture.sandbox.committee.meetings(b.key()).stream())
                .filter(m -> (viewer != null || m.isPublic()) && (m.pageId() == 0 || fixture.sandbox.pages
                        .find(m.pageId()).map(p -> fixture.sandbox.permissions.hasPermission(user, Permission.VIEW, p))
                        .orElse(false)))
                .map(Meeting::id).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void walkCalendars(String viewer) throws Exception {
        String base = "/rest/cockpit/1.0/public/calendar";
        Reply unknown = get(base + "/niemand/meetings.ics", viewer);
        count(viewer, "public calendar of an unknown body", unknown.status() == 404);
        for (String body : java.util.Arrays.asList(null, WormsDemo.STEERING, WormsDemo.ADVISORY)) {
            Reply feed = get(base + (body == null ? "" : "/" + body) + "/meetings.ics", viewer);
            check(viewer, "public calendar " + body, feed.text(), internalMarkers);
            count(viewer, "public calendar " + body + " holds the public meetings", feed.status() == 200
                    && uids(feed).equals(meetingsFor(null, body)));
        }
        var tokens = fixture.sandbox.plugin.bean(de.digitalstrategie.cockpit.calendar.store.FeedTokens.class);
        Reply invented = get("/rest/cockpit/1.0/calendar/" + "Z".repeat(43) + "/meetings.ics", viewer);
        count(viewer, "invented calendar address", invented.status() == 404);
        if (viewer == null) {
            return;
        }
        String secret = tokens.create(viewer);
        String personal = "/rest/cockpit/1.0/calendar/" + secret;
        for (String body : java.util.Arrays.asList(null, WormsDemo.STEERING, WormsDemo.ADVISORY)) {
            // read as a calendar client does: signed in to nothing
            Reply feed = get(personal + (body == null ? "" : "/" + body) + "/meetings.ics", null);
            check(viewer, "personal calendar " + body, feed.text(), maySee(viewer) ? Set.of() : internalMarkers);
            count(viewer, "personal calendar " + body + " holds what the owner may see", feed.status() == 200
                    && uids(feed).equals(meetingsFor(viewer, body)));
        }
        tokens.revoke(viewer);
        Reply revoked = get(personal + "/meetings.ics", null);
        count(viewer, "revoked calendar address answers like an invented one", revoked.status() == 404
                && java.util.Arrays.equals(revoked.body(), invented.body()) && revoked.type().equals(invented.type()));
    }

    private static final Pattern LISTS = Pattern.compile(
            ".*/oparl/(bodies|body/[^/?]+(/(organizations|persons|memberships|meetings|agendaItems))?)(\\?.*)?");

    private static void walkOParl(String viewer) throws Exception {
        String base = "/rest/cockpit/1.0/oparl";
        Deque<String> queue = new ArrayDeque<>(List.of(base + "/system"));
        Set<String> seen = new HashSet<>(queue);
        Pattern link = Pattern.compile("\"(http://127\\.0\\.0\\.1:\\d+(" + Pattern.quote(base) + "[^\"]*))\"");
        while (!queue.isEmpty()) {
            String path = queue.poll();
            Reply r = get(path, viewer);
            check(viewer, "OParl " + path, r.text(), publicMarkers);
            Matcher m = link.matcher(r.text());
            while (m.find()) {
                String next = m.group(2);
                if (LISTS.matcher(next).matches() && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        for (Decision d : hidden) {
            check(viewer, "OParl agenda item " + d.agendaItemId(),
                    get(base + "/agendaItem/" + d.agendaItemId(), viewer).text(), publicMarkers);
        }
        check(viewer, "OParl meeting " + restrictedMeeting.id(),
                get(base + "/meeting/" + restrictedMeeting.id(), viewer).text(), publicMarkers);
    }

    private static void walkPublicProfiles(String viewer) throws Exception {
        String base = "/rest/cockpit/1.0/public/projects";
        Set<String> published = fixture.sandbox.projects.published().stream().map(p -> p.issueKey())
                .collect(Collectors.toSet());
        Reply list = get(base, viewer);
        check(viewer, "public project list", list.text(), publicMarkers);
        count(viewer, "public project list size", list.json().get("projects").size() == published.size());
        List<String> suffixes = List.of("", "/feed", "/profile");
        List<Reply> unknown = new ArrayList<>();
        for (String suffix : suffixes) {
            unknown.add(get(base + "/NOPE-4711" + suffix, viewer));
        }
        for (var p : fixture.sandbox.projects.all()) {
            boolean open = published.contains(p.issueKey());
            count(viewer, "public list and " + p.issueKey(), list.text().contains("\"" + p.issueKey() + "\"") == open);
            for (int i = 0; i < suffixes.size(); i++) {
                Reply r = get(base + "/" + p.issueKey() + suffixes.get(i), viewer);
                count(viewer, "public " + p.issueKey() + suffixes.get(i), open ? r.status() == 200
                        : r.status() == 404 && java.util.Arrays.equals(r.body(), unknown.get(i).body())
                        && r.type().equals(unknown.get(i).type()));
            }
        }
    }

    // ---- writes

    private static final List<String> DECISION_WRITERS = List.of("schriftfuehrung", "cdo");
    private static final List<String> ANSWER_WRITERS = List.of("schriftfuehrung", "cdo");
    private static final List<String> PUBLISHERS = List.of("schriftfuehrung", "cdo");
    /** Who sets the implementation of a decision owned by „Finanzen“: its unit's member, the CDO, the secretary. */
    private static final List<String> IMPLEMENTERS = List.of("schriftfuehrung", "cdo", "leitung-finanzen");

    /** The reminders' settings, every viewer's switch and the mail sent: what a reminder write could change. */
    private static String reminderState() {
        ReminderSettingsStore settings = fixture.sandbox.plugin.bean(ReminderSettingsStore.class);
        StringBuilder state = new StringBuilder(String.valueOf(settings.load()));
        for (String viewer : VIEWERS) {
            state.append('|').append(viewer).append('=').append(viewer != null && settings.optedOut(viewer));
        }
        return state.append("|mail=").append(fixture.sandbox.host.mail.sent().size()).toString();
    }

    /** The evidence checks' thresholds and every acknowledgement: what an evidence write could change. */
    private static String evidenceState() {
        return fixture.sandbox.plugin.bean(de.digitalstrategie.cockpit.evidence.store.EvidenceSettingsStore.class).load()
                + "|" + fixture.sandbox.plugin.bean(de.digitalstrategie.cockpit.evidence.store.Acknowledgements.class)
                .all();
    }

    private static String publishedKeys() {
        return fixture.sandbox.projects.published().stream().map(p -> p.issueKey()).toList().toString();
    }

    /** Every personal calendar address there is, as its digest and owner. */
    private static String feedTokens() {
        return java.util.Arrays.stream(fixture.sandbox.ao.find(
                        de.digitalstrategie.cockpit.calendar.store.FeedTokenEntity.class))
                .map(e -> e.getUserKey() + "=" + e.getTokenHash()).sorted().toList().toString();
    }

    private static String decisionState(long id) {
        Decision d = fixture.sandbox.decisions.find(id).orElseThrow();
        return d + "|" + fixture.sandbox.decisions.history(id).size();
    }

    private static String inputState(long id) {
        AdvisoryInput i = fixture.sandbox.advisory.find(id).orElseThrow();
        return i + "|" + fixture.sandbox.advisory.history(id).size();
    }

    private static void refused(String viewer, String what, Reply r, String before, String after) {
        tried++;
        boolean ok = (r.status() == 401 || r.status() == 403) && before.equals(after);
        if (!ok) {
            leaks.add(viewer + " / " + what + ": answered " + r.status() + (before.equals(after) ? "" : ", data changed"));
        }
    }

    @Test
    void everyWriteBySomeoneWhoMayNotIsRefusedAndChangesNothing() throws Exception {
        Decision ready = fixture.sandbox.decisions.all().stream()
                .filter(d -> d.status() == DecisionStatus.READY_FOR_VOTE && d.page().pageId() != restricted.getId())
                .findFirst().orElseThrow();
        AdvisoryInput received = fixture.sandbox.advisory.all().stream()
                .filter(i -> i.answer().status() == AnswerStatus.RECEIVED).findFirst().orElseThrow();
        String status = "/rest/cockpit/1.0/decisions/" + ready.id() + "/status";
        String answer = "/rest/cockpit/1.0/advisory/" + received.id() + "/answer";
        String report = "/rest/cockpit/1.0/advisory/" + received.id() + "/report";
        Decision inForce = fixture.sandbox.decisions.all().stream().filter(d -> d.implementable()
                && d.jiraIssue().isEmpty() && "Finanzen".equals(d.owner()) && d.page().pageId() != restricted.getId())
                .findFirst().orElseThrow();
        String implementation = "/rest/cockpit/1.0/decisions/" + inForce.id() + "/implementation";
        for (String viewer : VIEWERS) {
            String before = decisionState(ready.id());
            String inputBefore = inputState(received.id());
            String implementedBefore = decisionState(inForce.id());
            if (viewer == null || !IMPLEMENTERS.contains(viewer)) {
                refused(viewer, "implementation", post(implementation, viewer, "application/json",
                        "{\"state\":\"done\"}", null), implementedBefore, decisionState(inForce.id()));
            }
            if (viewer == null || !DECISION_WRITERS.contains(viewer)) {
                Reply r = post(status, viewer, "application/json", "{\"status\":\"decided\",\"vote\":\"6/1/0\"}", null);
                refused(viewer, "status change", r, before, decisionState(ready.id()));
            }
            if (viewer == null || !ANSWER_WRITERS.contains(viewer)) {
                refused(viewer, "answer", post(answer, viewer, "application/json", "{\"status\":\"under-review\"}", null),
                        inputBefore, inputState(received.id()));
                refused(viewer, "report", post(report, viewer, "application/json", "{\"on\":\"2026-12-01\"}", null),
                        inputBefore, inputState(received.id()));
            }
            // without the XSRF proof: a form-like body, whoever sends it
            for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")) {
                refused(viewer, "status change as " + type, post(status, viewer, type, "status=decided&vote=6/1/0", null),
                        before, decisionState(ready.id()));
                refused(viewer, "answer as " + type, post(answer, viewer, type, "status=under-review", null),
                        inputBefore, inputState(received.id()));
                refused(viewer, "report as " + type, post(report, viewer, type, "on=2026-12-01", null),
                        inputBefore, inputState(received.id()));
                refused(viewer, "implementation as " + type, post(implementation, viewer, type, "state=done", null),
                        implementedBefore, decisionState(inForce.id()));
            }
            // the implementation form of the register: who may set it only, and never without the form's token
            String implementationForm = "/plugins/servlet/cockpit/decision-implementation?decision=" + inForce.id();
            String sent = "state=done&comment=" + MARKER + "&pageId=1";
            if (viewer == null || !IMPLEMENTERS.contains(viewer)) {
                String token = "0123456789abcdef";
                refused(viewer, "implementation form with a token", post(implementationForm, viewer,
                        "application/x-www-form-urlencoded", sent + "&atl_token=" + token, "atl.xsrf.token=" + token),
                        implementedBefore, decisionState(inForce.id()));
            }
            refused(viewer, "implementation form without token", post(implementationForm, viewer,
                    "application/x-www-form-urlencoded", sent, null), implementedBefore, decisionState(inForce.id()));
            refused(viewer, "implementation form with a forged token", post(implementationForm, viewer,
                    "application/x-www-form-urlencoded", sent + "&atl_token=forged", "atl.xsrf.token=other"),
                    implementedBefore, decisionState(inForce.id()));
            // publishing a project profile: the staff unit only, and never without the form's token
            String publication = "/plugins/servlet/cockpit/project-publication";
            String project = fixture.sandbox.projects.all().stream().filter(p -> !fixture.sandbox.projects
                    .isPublished(p.issueKey())).findFirst().orElseThrow().issueKey();
            String publish = "key=" + project + "&public=true&pageId=1";
            String publishedBefore = publishedKeys();
            if (viewer == null || !PUBLISHERS.contains(viewer)) {
                String token = "0123456789abcdef";
                refused(viewer, "publication with a token", post(publication, viewer,
                        "application/x-www-form-urlencoded", publish + "&atl_token=" + token, "atl.xsrf.token=" + token),
                        publishedBefore, publishedKeys());
            }
            refused(viewer, "publication without token", post(publication, viewer, "application/x-www-form-urlencoded",
                    publish, null), publishedBefore, publishedKeys());
            refused(viewer, "publication with a forged token", post(publication, viewer,
                    "application/x-www-form-urlencoded", publish + "&atl_token=forged", "atl.xsrf.token=other"),
                    publishedBefore, publishedKeys());
            // blueprint pages: anonymous never, anyone without the form's token never
            int pagesBefore = fixture.sandbox.pages.all().size();
            String form = "blueprint=steering-minutes&title=" + MARKER + "&date=2026-12-01&location=Rathaus";
            refused(viewer, "blueprint without token", post("/create", viewer, "application/x-www-form-urlencoded",
                    form, null), "" + pagesBefore, "" + fixture.sandbox.pages.all().size());
            refused(viewer, "blueprint with a forged token", post("/create", viewer,
                    "application/x-www-form-urlencoded", form + "&atl_token=forged", "atl.xsrf.token=other"),
                    "" + pagesBefore, "" + fixture.sandbox.pages.all().size());
            if (viewer == null) {
                String token = "0123456789abcdef";
                refused(viewer, "blueprint anonymous with a token", post("/create", null,
                        "application/x-www-form-urlencoded", form + "&atl_token=" + token, "atl.xsrf.token=" + token),
                        "" + pagesBefore, "" + fixture.sandbox.pages.all().size());
            }
            // the admin page: administrators only, and only with the token
            String settingsBefore = String.valueOf(fixture.sandbox.jira.settings());
            String admin = "/plugins/servlet/cockpit/admin";
            String save = "action=save&baseUrl=" + URLEncoder.encode("http://evil.example", StandardCharsets.UTF_8)
                    + "&token=stolen&jql=project%3DX&target=X";
            if (!"admin".equals(viewer)) {
                refused(viewer, "admin page", get(admin, viewer), settingsBefore, settingsBefore);
                String token = "0123456789abcdef";
                refused(viewer, "admin save with a token", post(admin, viewer, "application/x-www-form-urlencoded",
                        save + "&atl_token=" + token, "atl.xsrf.token=" + token), settingsBefore,
                        String.valueOf(fixture.sandbox.jira.settings()));
            }
            refused(viewer, "admin save without token", post(admin, viewer, "application/x-www-form-urlencoded",
                    save, null), settingsBefore, String.valueOf(fixture.sandbox.jira.settings()));
            refused(viewer, "admin save with a forged token", post(admin, viewer, "application/x-www-form-urlencoded",
                    save + "&atl_token=forged", "atl.xsrf.token=other"), settingsBefore,
                    String.valueOf(fixture.sandbox.jira.settings()));
            // reminders: the administrators' page for administrators only; a person's switch only
            // with the form's token, for the signed-in requester; nothing sent, set or switched otherwise
            String reminderBefore = reminderState();
            String reminderAdmin = "/plugins/servlet/cockpit/admin/reminders";
            String reminderSave = "action=save&dueWithinDays=1&unansweredAfterDays=1";
            if (!"admin".equals(viewer)) {
                refused(viewer, "reminder admin page", get(reminderAdmin, viewer), reminderBefore, reminderState());
                String token = "0123456789abcdef";
                refused(viewer, "reminder settings with a token", post(reminderAdmin, viewer,
                        "application/x-www-form-urlencoded", reminderSave + "&atl_token=" + token,
                        "atl.xsrf.token=" + token), reminderBefore, reminderState());
                refused(viewer, "reminders sent with a token", post(reminderAdmin, viewer,
                        "application/x-www-form-urlencoded", "action=send&atl_token=" + token, "atl.xsrf.token=" + token),
                        reminderBefore, reminderState());
            }
            for (String body : List.of(reminderSave, "action=send")) {
                refused(viewer, "reminder admin without token", post(reminderAdmin, viewer,
                        "application/x-www-form-urlencoded", body, null), reminderBefore, reminderState());
                refused(viewer, "reminder admin with a forged token", post(reminderAdmin, viewer,
                        "application/x-www-form-urlencoded", body + "&atl_token=forged", "atl.xsrf.token=other"),
                        reminderBefore, reminderState());
            }
            String reminders = "/plugins/servlet/cockpit/reminders";
            refused(viewer, "reminder switch without token", post(reminders, viewer,
                    "application/x-www-form-urlencoded", "receive=false", null), reminderBefore, reminderState());
            refused(viewer, "reminder switch with a forged token", post(reminders, viewer,
                    "application/x-www-form-urlencoded", "receive=false&atl_token=forged", "atl.xsrf.token=other"),
                    reminderBefore, reminderState());
            if (viewer == null) {
                String token = "0123456789abcdef";
                refused(viewer, "reminder switch anonymous with a token", post(reminders, null,
                        "application/x-www-form-urlencoded", "receive=false&atl_token=" + token,
                        "atl.xsrf.token=" + token), reminderBefore, reminderState());
            }
            // evidence: the flag list's CSV and acknowledgements for the staff unit only, an acknowledgement
            // only with the form's token; the thresholds for administrators and the CDO, with the token
            de.digitalstrategie.cockpit.evidence.Flag flag = fixture.sandbox.plugin.bean(
                    de.digitalstrategie.cockpit.evidence.store.EvidenceFlags.class)
                    .open(fixture.sandbox.projects.jiraProjects()).get(0).flag();
            String evidenceBefore = evidenceState();
            String evidence = "/plugins/servlet/cockpit/evidence-flags";
            String acknowledge = "rule=" + flag.rule().name() + "&key=" + flag.issueKey() + "&occurrence="
                    + URLEncoder.encode(flag.occurrence(), StandardCharsets.UTF_8) + "&comment=" + MARKER;
            String evidenceAdmin = "/plugins/servlet/cockpit/admin/evidence";
            String thresholds = "staleWeeks=1&windowDays=0&lookbackDays=1";
            if (viewer == null || !PUBLISHERS.contains(viewer)) {
                String token = "0123456789abcdef";
                refused(viewer, "evidence flags as CSV", get(evidence + "?format=csv", viewer), evidenceBefore,
                        evidenceState());
                refused(viewer, "evidence acknowledgement with a token", post(evidence, viewer,
                        "application/x-www-form-urlencoded", acknowledge + "&atl_token=" + token,
                        "atl.xsrf.token=" + token), evidenceBefore, evidenceState());
            }
            if (!"admin".equals(viewer) && !"cdo".equals(viewer)) {
                String token = "0123456789abcdef";
                refused(viewer, "evidence settings page", get(evidenceAdmin, viewer), evidenceBefore, evidenceState());
                refused(viewer, "evidence settings with a token", post(evidenceAdmin, viewer,
                        "application/x-www-form-urlencoded", thresholds + "&atl_token=" + token,
                        "atl.xsrf.token=" + token), evidenceBefore, evidenceState());
            }
            for (String[] write : List.of(new String[]{evidence, acknowledge}, new String[]{evidenceAdmin, thresholds})) {
                refused(viewer, "evidence write without token " + write[0], post(write[0], viewer,
                        "application/x-www-form-urlencoded", write[1], null), evidenceBefore, evidenceState());
                refused(viewer, "evidence write with a forged token " + write[0], post(write[0], viewer,
                        "application/x-www-form-urlencoded", write[1] + "&atl_token=forged", "atl.xsrf.token=other"),
                        evidenceBefore, evidenceState());
            }
            // the personal calendar address: made and revoked by its signed-in owner, with the form's token
            String calendar = "/plugins/servlet/cockpit/calendar";
            for (String action : List.of("create", "revoke")) {
                String tokensBefore = feedTokens();
                if (viewer == null) {
                    String token = "0123456789abcdef";
                    refused(viewer, "calendar address " + action + " anonymous with a token", post(calendar, null,
                            "application/x-www-form-urlencoded", "action=" + action + "&atl_token=" + token,
                            "atl.xsrf.token=" + token), tokensBefore, feedTokens());
                }
                refused(viewer, "calendar address " + action + " without token", post(calendar, viewer,
                        "application/x-www-form-urlencoded", "action=" + action, null), tokensBefore, feedTokens());
                refused(viewer, "calendar address " + action + " with a forged token", post(calendar, viewer,
                        "application/x-www-form-urlencoded", "action=" + action + "&atl_token=forged",
                        "atl.xsrf.token=other"), tokensBefore, feedTokens());
            }
        }
        assertFalse(fixture.sandbox.jira.settings().configured(), "Jira stays unconfigured");
        assertEquals(List.of(), leaks, "leaks");
    }

    // ---- goals and measured values

    /** Who may add values to an indicator „Finanzen“ collects: its unit's member and the staff unit. */
    private static final List<String> VALUE_WRITERS = List.of("schriftfuehrung", "cdo", "leitung-finanzen");

    /** Every goal with its history and the number of measured values: what a goal or value write could change. */
    private static String strategyState() {
        GoalStore goals = fixture.sandbox.plugin.bean(GoalStore.class);
        return goals.all().stream().map(g -> g + "|" + goals.history(g.id()).size()).toList() + "|values="
                + fixture.sandbox.plugin.bean(Measurements.class).count();
    }

    /**
     * A record on a page the viewer may not see answers byte for byte as an unknown one (but for the
     * key or id the viewer asked with, which error answers repeat), and changes nothing.
     */
    private static void asUnknown(String viewer, String what, Reply r, String probe, Reply unknown, String unknownProbe,
                                  String before, String after) {
        tried++;
        boolean ok = r.status() == unknown.status() && r.text().replace(probe, "?")
                .equals(unknown.text().replace(unknownProbe, "?")) && before.equals(after);
        if (!ok) {
            leaks.add(viewer + " / " + what + ": answered " + r.status() + " " + r.text() + " unlike "
                    + unknown.status() + " " + unknown.text() + (before.equals(after) ? "" : ", data changed"));
        }
    }

    @Test
    void goalsAndMeasuredValuesAreReadAndWrittenOnlyByWhomTheyMayBe() throws Exception {
        String rest = "/rest/cockpit/1.0";
        GoalStore store = fixture.sandbox.plugin.bean(GoalStore.class);
        Goal open = store.all().stream().filter(g -> g.number().equals(OPEN_GOAL)).findFirst().orElseThrow();
        Goal hiddenGoal = store.all().stream().filter(g -> g.number().equals(HIDDEN_GOAL)).findFirst().orElseThrow();
        Set<String> markers = Set.of(STRATEGY);
        String value = "{\"value\":\"50\",\"date\":\"2026-03-31\",\"source\":\"" + MARKER + "\"}";
        String csv = "indicator;date;value\n%s;2026-03-31;50\n";
        String form = "value=50&date=2026-03-31&comment=" + MARKER;
        String token = "0123456789abcdef";
        for (String viewer : VIEWERS) {
            boolean sees = "cdo".equals(viewer);
            Set<String> hide = sees ? Set.of() : markers;
            // reads: the register, its search, exports, one goal, the values of each indicator
            for (String path : List.of("/goals?page-size=500", "/goals?text=" + STRATEGY, "/goals/" + open.id(),
                    "/goals/" + hiddenGoal.id(), "/goals/export?format=csv", "/goals/export?format=xlsx",
                    "/indicators/" + OPEN_INDICATOR + "/values", "/indicators/" + HIDDEN_INDICATOR + "/values")) {
                Reply r = get(rest + path, viewer);
                // an error answer may repeat the key the viewer asked with, and only that
                String text = r.status() == 200 && path.endsWith("xlsx") ? xlsxText(r.body())
                        : r.status() == 200 ? r.text() : r.text().replace(HIDDEN_INDICATOR, "");
                check(viewer, "REST " + path, text, hide);
                if (viewer == null) {
                    count(viewer, "REST " + path + " refused", r.status() == 401);
                } else if (sees) {
                    count(viewer, "REST " + path + " shows the hidden goal to who may see it", r.status() == 200
                            && (path.contains("/" + open.id()) || path.contains(OPEN_INDICATOR)
                            || text.contains(STRATEGY)));
                }
            }
            if (viewer != null) {
                int total = get(rest + "/goals?page-size=500", viewer).json().get("total").asInt();
                count(viewer, "goal total", total == store.all().size() - (sees ? 0 : 1));
                count(viewer, "goal search total", get(rest + "/goals?text=" + STRATEGY, viewer).json().get("total")
                        .asInt() == (sees ? 1 : 0));
            }
            if (!sees) {
                asUnknown(viewer, "hidden goal", get(rest + "/goals/" + hiddenGoal.id(), viewer), "" + hiddenGoal.id(),
                        get(rest + "/goals/987654321", viewer), "987654321", "", "");
                asUnknown(viewer, "hidden indicator's values", get(rest + "/indicators/" + HIDDEN_INDICATOR + "/values",
                        viewer), HIDDEN_INDICATOR, get(rest + "/indicators/NOPE-9.1/values", viewer), "NOPE-9.1", "", "");
            }

            // writes: values over REST as JSON and CSV, a goal's status, the card's form
            String before = strategyState();
            String values = rest + "/indicators/" + OPEN_INDICATOR + "/values";
            String upload = rest + "/indicators/values";
            String status = rest + "/goals/" + open.id() + "/status";
            String valuesForm = "/plugins/servlet/cockpit/indicator-values?indicator=";
            if (viewer == null || !VALUE_WRITERS.contains(viewer)) {
                refused(viewer, "values", post(values, viewer, "application/json", value, null), before,
                        strategyState());
                refused(viewer, "values as CSV", post(upload, viewer, "text/csv", String.format(csv, OPEN_INDICATOR),
                        null), before, strategyState());
                refused(viewer, "values form with a token", post(valuesForm + OPEN_INDICATOR, viewer,
                        "application/x-www-form-urlencoded", form + "&atl_token=" + token, "atl.xsrf.token=" + token),
                        before, strategyState());
            }
            if (viewer == null || !PUBLISHERS.contains(viewer)) {
                refused(viewer, "goal status", post(status, viewer, "application/json",
                        "{\"status\":\"achieved\",\"reason\":\"" + MARKER + "\"}", null), before, strategyState());
            }
            for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")) {
                refused(viewer, "values as " + type, post(values, viewer, type, form, null), before, strategyState());
                refused(viewer, "values file as " + type, post(upload, viewer, type,
                        String.format(csv, OPEN_INDICATOR), null), before, strategyState());
                refused(viewer, "goal status as " + type, post(status, viewer, type, "status=achieved&reason=x", null),
                        before, strategyState());
            }
            refused(viewer, "values form without token", post(valuesForm + OPEN_INDICATOR, viewer,
                    "application/x-www-form-urlencoded", form, null), before, strategyState());
            refused(viewer, "values form with a forged token", post(valuesForm + OPEN_INDICATOR, viewer,
                    "application/x-www-form-urlencoded", form + "&atl_token=forged", "atl.xsrf.token=other"), before,
                    strategyState());
            // the hidden indicator and goal, to those whose role would let them write but who may not
            // see the page: answered as for an indicator or goal there is none of
            if (viewer != null && !sees && VALUE_WRITERS.contains(viewer)) {
                asUnknown(viewer, "values on the hidden indicator", post(rest + "/indicators/" + HIDDEN_INDICATOR
                        + "/values", viewer, "application/json", value, null), HIDDEN_INDICATOR, post(rest
                        + "/indicators/NOPE-9.1/values", viewer, "application/json", value, null), "NOPE-9.1", before,
                        strategyState());
                asUnknown(viewer, "values file on the hidden indicator", post(upload, viewer, "text/csv",
                        String.format(csv, HIDDEN_INDICATOR), null), HIDDEN_INDICATOR, post(upload, viewer, "text/csv",
                        String.format(csv, "NOPE-9.1"), null), "NOPE-9.1", before, strategyState());
                asUnknown(viewer, "values form on the hidden indicator", post(valuesForm + HIDDEN_INDICATOR, viewer,
                        "application/x-www-form-urlencoded", form + "&atl_token=" + token, "atl.xsrf.token=" + token),
                        HIDDEN_INDICATOR, post(valuesForm + "NOPE-9.1", viewer, "application/x-www-form-urlencoded",
                                form + "&atl_token=" + token, "atl.xsrf.token=" + token), "NOPE-9.1", before,
                        strategyState());
            }
            if (viewer != null && !sees && PUBLISHERS.contains(viewer)) {
                String achieve = "{\"status\":\"achieved\",\"reason\":\"erreicht\"}";
                asUnknown(viewer, "status of the hidden goal", post(rest + "/goals/" + hiddenGoal.id() + "/status",
                        viewer, "application/json", achieve, null), "" + hiddenGoal.id(), post(rest
                        + "/goals/987654321/status", viewer, "application/json", achieve, null), "987654321", before,
                        strategyState());
            }
        }
        assertEquals(List.of(), leaks, "leaks");
    }
}
