package de.digitalstrategie.cockpit.calendar;

import com.atlassian.confluence.security.Permission;
import de.digitalstrategie.cockpit.calendar.store.FeedTokenEntity;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting calendar over real HTTP in the sandbox, read by a real iCalendar library (ical4j),
 * every event checked against the store: the public feeds hold exactly the meetings public in
 * OParl's sense, whoever asks; a personal feed exactly what its owner may see at the moment of the
 * request; a revoked, replaced or invented address answers like a feed that does not exist; the
 * secret is shown once, kept only as a digest and never logged; and the bytes follow RFC 5545's
 * lines, folding and escaping.
 */
class CalendarFeedTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String PUBLIC = "/rest/cockpit/1.0/public/calendar";
    /** Everything the RFC makes a writer escape or fold, and markup that must arrive as text. */
    private static final String AWKWARD = "Sitzung; Haushalt, Ärger \\ Übergröße <b onmouseover=alert(1)>"
            + " – äöüß ÄÖÜ 😀 " + "Überlänge ".repeat(6);
    private static SandboxFixture fixture;
    private static Sandbox sandbox;
    private static SandboxServer server;
    private static Meeting internal;
    private static Meeting awkward;
    private static Meeting ofHiddenBody;
    private static final List<String> logged = new ArrayList<>();
    private static final Handler LOG = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logged) {
                logged.add(r.getMessage() + " " + Arrays.toString(r.getParameters()) + " " + r.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() throws Exception {
        Logger.getLogger("").addHandler(LOG);
        fixture = new SandboxFixture();
        sandbox = fixture.sandbox;
        // Beside the demo's meetings (its last steering-committee meeting is non-public on restricted
        // minutes): a non-public meeting without minutes yet, a public one whose texts need every
        // kind of escaping, and a public meeting of a body that is not public.
        internal = sandbox.committee.save(new Meeting(0, WormsDemo.STEERING, "LK 2027/1", "Interne Klausur ZQXINTERN",
                LocalDate.of(2027, 1, 20), "Raum ZQXINTERN", 0, false));
        SandboxPage awkwardPage = sandbox.pages.create(WormsDemo.STEERING_SPACE, "Protokoll LK 2027/2", "<p>x</p>",
                Set.of(), "minutes");
        awkward = sandbox.committee.save(new Meeting(0, WormsDemo.STEERING, "LK 2027/2", AWKWARD,
                LocalDate.of(2027, 2, 3), "Rathaus, Saal \"A\"; 2. OG, Zimmer 3\\4 " + "Weg ".repeat(20),
                awkwardPage.getId(), true));
        sandbox.committee.save(new Body("arbeitskreis", BodyKind.ADVISORY_BOARD, "Arbeitskreis ZQXVERDECKT", false));
        ofHiddenBody = sandbox.committee.save(new Meeting(0, "arbeitskreis", "AK 1", "Arbeitskreis ZQXVERDECKT",
                LocalDate.of(2027, 3, 1), "", 0, true));
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(LOG);
        server.close();
        fixture.close();
    }

    record Reply(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Confluence's configured base URL, at which the feeds are given out. */
    private static String canonical() {
        return sandbox.application.getBaseUrl(com.atlassian.sal.api.UrlMode.CANONICAL);
    }

    private static Reply get(String pathOrUrl, String... headers) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base() + pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    private static Reply post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    /** The feed parsed and validated by ical4j. */
    private static Calendar parse(Reply r) throws Exception {
        assertEquals(200, r.status(), r.text());
        assertTrue(r.header("Content-Type").replace(" ", "").equals("text/calendar;charset=utf-8;method=PUBLISH"),
                r.header("Content-Type"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(r.text()));
        ValidationResult validation = calendar.validate();
        assertFalse(validation.hasErrors(), validation.toString());
        assertEquals("2.0", value(calendar.getProperty(Property.VERSION)));
        assertEquals(MeetingCalendar.PRODID, value(calendar.getProperty(Property.PRODID)));
        assertEquals("PUBLISH", value(calendar.getProperty(Property.METHOD)));
        return calendar;
    }

    private static String value(Optional<? extends Property> p) {
        return p.map(Property::getValue).orElse(null);
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static boolean publiclyViewable(Meeting m) {
        return m.pageId() == 0 || sandbox.pages.find(m.pageId())
                .map(p -> sandbox.permissions.hasPermission(null, Permission.VIEW, p)).orElse(false);
    }

    private static boolean viewableBy(String user, Meeting m) {
        DemoUser u = sandbox.users.user(user).orElseThrow();
        return m.pageId() == 0 || sandbox.pages.find(m.pageId())
                .map(p -> sandbox.permissions.hasPermission(u, Permission.VIEW, p)).orElse(false);
    }

    private static List<Meeting> meetings(String bodyKey) {
        return sandbox.committee.bodies().stream().filter(b -> bodyKey == null || b.key().equals(bodyKey))
                .flatMap(b -> sandbox.committee.meetings(b.key()).stream()).toList();
    }

    /** The public meetings, worked out here from the store and the pages, not by the plugin's code. */
    private static Set<Long> publicIds(String bodyKey) {
        Set<String> publicBodies = sandbox.committee.bodies().stream().filter(Body::isPublic).map(Body::key)
                .collect(Collectors.toSet());
        return meetings(bodyKey).stream().filter(m -> publicBodies.contains(m.bodyKey()) && m.isPublic()
                && publiclyViewable(m)).map(Meeting::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Long> visibleIds(String user, String bodyKey) {
        return meetings(bodyKey).stream().filter(m -> viewableBy(user, m)).map(Meeting::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static final Pattern UID = Pattern.compile("meeting-(\\d+)@localhost");

    /** Every event checked against its meeting in the store; the ids of the meetings listed. */
    private static Set<Long> checkEvents(Calendar calendar) {
        Set<Long> ids = new TreeSet<>();
        for (VEvent e : events(calendar)) {
            Matcher uid = UID.matcher(value(e.getProperty(Property.UID)));
            assertTrue(uid.matches(), value(e.getProperty(Property.UID)));
            long id = Long.parseLong(uid.group(1));
            assertTrue(ids.add(id), "one event per meeting");
            Meeting m = sandbox.committee.meeting(id).orElseThrow();
            Body body = sandbox.committee.body(m.bodyKey()).orElseThrow();
            assertEquals(m.title(), value(e.getProperty(Property.SUMMARY)), "SUMMARY of " + id);
            assertEquals(m.location().isBlank() ? null : m.location(), value(e.getProperty(Property.LOCATION)));
            assertEquals(body.name() + ", " + m.number(), value(e.getProperty(Property.DESCRIPTION)));
            Property organizer = e.getProperty(Property.ORGANIZER).orElseThrow();
            assertEquals(body.name(), organizer.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null));
            assertEquals(canonical() + "/", organizer.getValue(), "the installation's configured address, the same on every node");
            Property start = e.getProperty(Property.DTSTART).orElseThrow();
            assertEquals("DATE", start.getParameter(Parameter.VALUE).map(Parameter::getValue).orElse(null),
                    "a meeting without a time is an all-day event");
            assertEquals(m.date().format(DateTimeFormatter.BASIC_ISO_DATE), start.getValue());
            assertEquals(m.date().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE),
                    value(e.getProperty(Property.DTEND)));
            assertTrue(value(e.getProperty(Property.DTSTAMP)).matches("\\d{8}T\\d{6}Z"), "DTSTAMP in UTC");
            assertEquals(m.pageId() > 0 ? base() + "/pages/viewpage.action?pageId=" + m.pageId() : null,
                    value(e.getProperty(Property.URL)), "the minutes page, which every reader of the feed may view");
        }
        return ids;
    }

    @Test
    void theAnonymousFeedsHoldExactlyThePublicMeetingsWhoeverAsks() throws Exception {
        assertFalse(publicIds(null).contains(internal.id()));
        assertTrue(publicIds(null).contains(awkward.id()));
        assertFalse(publicIds(null).contains(ofHiddenBody.id()));
        assertTrue(meetings(WormsDemo.STEERING).stream().anyMatch(m -> m.pageId() > 0 && !publiclyViewable(m)),
                "the demo's confidential meeting is there to be left out");
        for (String as : new String[]{"", "?as=cdo", "?as=leitung-finanzen"}) {
            Reply all = get(PUBLIC + "/meetings.ics" + as);
            assertEquals("*", all.header("Access-Control-Allow-Origin"));
            assertEquals("public, no-cache", all.header("Cache-Control"));
            Calendar calendar = parse(all);
            assertEquals(publicIds(null), checkEvents(calendar));
            assertEquals("Sitzungen der Gremien (öffentlich)", value(calendar.getProperty("X-WR-CALNAME")));
            for (Body body : sandbox.committee.bodies().stream().filter(Body::isPublic).toList()) {
                Calendar one = parse(get(PUBLIC + "/" + body.key() + "/meetings.ics" + as));
                assertEquals(publicIds(body.key()), checkEvents(one), body.key());
                assertFalse(checkEvents(one).isEmpty(), body.key());
            }
            for (String text : new String[]{"ZQXINTERN", "ZQXVERDECKT"}) {
                assertFalse(all.text().contains(text), text);
            }
        }
        Calendar english = parse(get(PUBLIC + "/lenkungskreis/meetings.ics", "Accept-Language", "en"));
        assertEquals("Meetings: Lenkungskreis Digitalstrategie (public)", value(english.getProperty("X-WR-CALNAME")));
    }

    @Test
    void aBodyThatIsNotPublicAnswersLikeOneThatDoesNotExist() throws Exception {
        Reply unknown = get(PUBLIC + "/niemand/meetings.ics");
        Reply hidden = get(PUBLIC + "/arbeitskreis/meetings.ics");
        assertEquals(404, unknown.status());
        assertSame(unknown, hidden);
        assertFalse(hidden.text().contains("ZQXVERDECKT"));
        assertEquals(400, get(PUBLIC + "/meetings.ics?secret=1").status(), "only lang is a parameter");
    }

    private static void assertSame(Reply expected, Reply actual) {
        assertEquals(expected.status(), actual.status());
        assertArrayEquals(expected.bytes(), actual.bytes(), actual.text());
        Map<String, List<String>> a = new LinkedHashMap<>(expected.headers().map());
        Map<String, List<String>> b = new LinkedHashMap<>(actual.headers().map());
        a.remove("date");
        b.remove("date");
        assertEquals(a, b);
    }

    @Test
    void linesAreFoldedAt75OctetsEndInCrlfAndTextIsEscaped() throws Exception {
        Reply r = get(PUBLIC + "/lenkungskreis/meetings.ics");
        byte[] bytes = r.bytes();
        int lineStart = 0;
        int lines = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "LF only after CR, at octet " + i);
                assertTrue(i - 1 - lineStart <= 75, "line of " + (i - 1 - lineStart) + " octets at " + lineStart);
                lineStart = i + 1;
                lines++;
            } else if (bytes[i] == '\r') {
                assertEquals('\n', bytes[i + 1], "CR only before LF");
            }
        }
        assertEquals(bytes.length, lineStart, "the last line ends in CRLF too");
        assertTrue(lines > 20);
        // Folded between whole characters: every physical line is valid UTF-8 on its own.
        for (String line : r.text().split("\r\n")) {
            assertFalse(line.contains("\uFFFD"), line);
        }
        String unfolded = r.text().replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Sitzung\\; Haushalt\\, Ärger \\\\ Übergröße <b onmouseover=alert(1)>"),
                unfolded);
        assertTrue(unfolded.contains("LOCATION:Rathaus\\, Saal \"A\"\\; 2. OG\\, Zimmer 3\\\\4 Weg"), unfolded);
        // ical4j gives back the texts exactly as stored (checkEvents compares every one).
        VEvent event = events(parse(r)).stream().filter(e -> value(e.getProperty(Property.UID))
                .equals("meeting-" + awkward.id() + "@localhost")).findFirst().orElseThrow();
        assertEquals(AWKWARD.strip(), value(event.getProperty(Property.SUMMARY)));
    }

    /** Makes a personal address on the calendar page as {@code user}; returns the page that shows it. */
    private static Reply create(String user) throws Exception {
        Reply page = get("/plugins/servlet/cockpit/calendar?as=" + user);
        assertEquals(200, page.status());
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(page.text());
        assertTrue(token.find(), page.text());
        String cookie = "atl.xsrf.token=" + token.group(1);
        Reply created = post("/plugins/servlet/cockpit/calendar?as=" + user, "action=create&atl_token=" + token.group(1),
                cookie);
        assertEquals(200, created.status(), created.text());
        assertEquals("no-store", created.header("Cache-Control"));
        return created;
    }

    private static String secretIn(Reply page) {
        Matcher m = Pattern.compile("<code>" + Pattern.quote(canonical()) + "/rest/cockpit/1\\.0/calendar/([A-Za-z0-9_-]{43})/meetings\\.ics</code>")
                .matcher(page.text());
        assertTrue(m.find(), page.text());
        return m.group(1);
    }

    private static String personal(String secret, String bodyKey) {
        return "/rest/cockpit/1.0/calendar/" + secret + "/" + (bodyKey == null ? "" : bodyKey + "/") + "meetings.ics";
    }

    @Test
    void aPersonalFeedShowsWhatItsOwnerMaySeeAtTheMomentOfTheRequest() throws Exception {
        Reply page = create("leitung-finanzen");
        String secret = secretIn(page);
        assertTrue(page.text().contains(CalendarLinks.webcal(canonical()) + "/rest/cockpit/1.0/calendar/" + secret + "/meetings.ics"));
        for (String user : List.of("leitung-finanzen", "mitarbeiterin")) {
            Set<Long> expected = visibleIds(user, null);
            assertTrue(expected.contains(internal.id()), "non-public meetings are for the signed-in");
            assertFalse(expected.contains(0L));
        }
        assertNotEquals(visibleIds("leitung-finanzen", null), visibleIds("mitarbeiterin", null),
                "the demo's confidential minutes are the committee's only");
        // Read anonymously, as a calendar client does, and as someone else signed in: the owner's view.
        for (String as : new String[]{"", "?as=mitarbeiterin"}) {
            Reply feed = get(personal(secret, null) + as);
            assertEquals("no-store", feed.header("Cache-Control"));
            assertEquals(null, feed.header("Access-Control-Allow-Origin"), "no other site's script reads it");
            Calendar calendar = parse(feed);
            assertEquals(visibleIds("leitung-finanzen", null), checkEvents(calendar));
            assertEquals("Sitzungen der Gremien (persönlich)", value(calendar.getProperty("X-WR-CALNAME")));
        }
        for (Body body : sandbox.committee.bodies()) {
            assertEquals(visibleIds("leitung-finanzen", body.key()),
                    checkEvents(parse(get(personal(secret, body.key())))), body.key());
        }
        // Another user's address shows that user's meetings.
        String staff = secretIn(create("mitarbeiterin"));
        assertEquals(visibleIds("mitarbeiterin", null), checkEvents(parse(get(personal(staff, null)))));

        // Page permissions at request time: the minutes restricted to others now are gone at once...
        SandboxPage minutes = sandbox.pages.find(awkward.pageId()).orElseThrow();
        assertTrue(checkEvents(parse(get(personal(secret, null)))).contains(awkward.id()));
        sandbox.pages.restrict(minutes.getId(), Set.of("cdo"));
        try {
            Set<Long> now = checkEvents(parse(get(personal(secret, null))));
            assertFalse(now.contains(awkward.id()));
            assertEquals(visibleIds("leitung-finanzen", null), now);
            assertFalse(checkEvents(parse(get(PUBLIC + "/meetings.ics"))).contains(awkward.id()), "nor public");
        } finally {
            sandbox.pages.restrict(minutes.getId(), Set.of());
        }
        assertTrue(checkEvents(parse(get(personal(secret, null)))).contains(awkward.id()), "and back when lifted");
    }

    @Test
    void aRevokedReplacedOrInventedAddressAnswersLikeAFeedThatDoesNotExist() throws Exception {
        String first = secretIn(create("schriftfuehrung"));
        assertEquals(200, get(personal(first, null)).status());
        Reply invented = get(personal("A".repeat(43), null));
        assertEquals(404, invented.status());
        assertEquals("text/plain;charset=utf-8", invented.header("Content-Type").replace(" ", ""));
        assertSame(invented, get(personal("kurz", null)));
        assertSame(invented, get(personal(first, "niemand")));

        // A new address ends the old one.
        String second = secretIn(create("schriftfuehrung"));
        assertNotEquals(first, second);
        assertSame(invented, get(personal(first, null)));
        assertSame(invented, get(personal(first, WormsDemo.STEERING)));
        assertEquals(200, get(personal(second, null)).status());

        // Revoked on the page: dead at once, and the page says there is none.
        Reply page = get("/plugins/servlet/cockpit/calendar?as=schriftfuehrung");
        assertTrue(page.text().contains("besteht seit"), page.text());
        assertFalse(page.text().contains(second), "the secret is shown once, never again");
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(page.text());
        assertTrue(token.find());
        String cookie = "atl.xsrf.token=" + token.group(1);
        Reply revoked = post("/plugins/servlet/cockpit/calendar?as=schriftfuehrung",
                "action=revoke&atl_token=" + token.group(1), cookie);
        assertEquals(200, revoked.status());
        assertTrue(revoked.text().contains("widerrufen"), revoked.text());
        assertSame(invented, get(personal(second, null)));
        assertSame(invented, get(personal(second, WormsDemo.ADVISORY)));
        assertTrue(get("/plugins/servlet/cockpit/calendar?as=schriftfuehrung").text()
                .contains("noch keine persönliche Kalenderadresse"));
    }

    @Test
    void aDeactivatedOwnersAddressIsDead() throws Exception {
        String secret = secretIn(create("expertin-wirtschaft"));
        Reply invented = get(personal("B".repeat(43), null));
        assertEquals(200, get(personal(secret, null)).status());
        sandbox.users.deactivate("expertin-wirtschaft");
        assertSame(invented, get(personal(secret, null)));
    }

    @Test
    void onlyTheDigestIsKeptAndTheSecretIsNeverLogged() throws Exception {
        String secret = secretIn(create("cdo"));
        get(personal(secret, "niemand"));
        get(personal(secret, null) + "?unknown=1");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        FeedTokenEntity[] rows = sandbox.ao.find(FeedTokenEntity.class, "USER_KEY = ?", "cdo");
        assertEquals(1, rows.length);
        assertEquals(digest, rows[0].getTokenHash());
        assertFalse(Arrays.stream(rows).anyMatch(e -> e.getTokenHash().contains(secret) || e.getUserKey().contains(secret)));
        synchronized (logged) {
            assertTrue(logged.stream().noneMatch(l -> l.contains(secret)), logged.toString());
        }
    }

    @Test
    void onlyTheSignedInMakeOrRevokeAnAddressAndOnlyWithTheXsrfProof() throws Exception {
        assertEquals(403, get("/plugins/servlet/cockpit/calendar").status(), "anonymous");
        assertEquals(403, post("/plugins/servlet/cockpit/calendar", "action=create", null).status());
        Reply page = get("/plugins/servlet/cockpit/calendar?as=admin");
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(page.text());
        assertTrue(token.find());
        String cookie = "atl.xsrf.token=" + token.group(1);
        assertEquals(403, post("/plugins/servlet/cockpit/calendar?as=admin", "action=create", cookie).status(),
                "without the token");
        assertEquals(403, post("/plugins/servlet/cockpit/calendar?as=admin", "action=create&atl_token=forged", cookie)
                .status(), "a forged token");
        assertEquals(403, post("/plugins/servlet/cockpit/calendar", "action=create&atl_token=" + token.group(1), cookie)
                .status(), "anonymous with a token");
        assertEquals(400, post("/plugins/servlet/cockpit/calendar?as=admin", "action=other&atl_token=" + token.group(1),
                cookie).status());
        assertEquals(0, sandbox.ao.find(FeedTokenEntity.class, "USER_KEY = ?", "admin").length, "nothing made");
        // The page in English, with the public feeds as webcal and https links.
        Reply english = get("/plugins/servlet/cockpit/calendar?as=admin&lang=en");
        assertTrue(english.text().contains("Create personal address"), english.text());
        assertTrue(english.text().contains("href=\"" + CalendarLinks.webcal(canonical()) + "/rest/cockpit/1.0/public/calendar/meetings.ics\""));
        assertTrue(english.text().contains("href=\"" + canonical() + "/rest/cockpit/1.0/public/calendar/lenkungskreis/meetings.ics\""));
    }
}
