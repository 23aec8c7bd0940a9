package de.digitalstrategie.cockpit.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public project profiles over real HTTP in the sandbox, as the participation platform, a
 * browser and a feed reader meet them: only published projects, the same 404 for every other
 * key, conditional requests, CORS, the feed read by a real feed library, the embeddable page in
 * both languages, and the staff unit's publication form on the profile macro.
 */
class PublicProjectsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/rest/cockpit/1.0/public/projects";
    private static final MovableClock CLOCK = new MovableClock();
    private static Sandbox sandbox;
    private static SandboxServer server;
    private static List<String> published;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("cockpit-public");
        sandbox = new Sandbox(Database.h2Memory("p" + UUID.randomUUID().toString().replace("-", "")), dir, CLOCK);
        sandbox.seedDemo(Path.of("src/sandbox/seed/worms"));
        server = new SandboxServer(sandbox, "127.0.0.1", 0);
        server.start();
        published = sandbox.projects.published().stream().map(DigitalProject::issueKey).toList();
        CLOCK.advance(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        server.close();
        sandbox.close();
    }

    record Reply(int status, HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Reply send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    private static Reply get(String path, String... headers) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return send("GET", path, h);
    }

    private static DigitalProject internal() {
        return sandbox.projects.all().stream().filter(p -> !published.contains(p.issueKey())).findFirst().orElseThrow();
    }

    private static void assertCors(Reply r) {
        assertEquals("*", r.header("Access-Control-Allow-Origin"), r.headers().toString());
        assertEquals(null, r.header("Access-Control-Allow-Credentials"), "never with credentials");
    }

    @Test
    void theDemoPublishesTwoProjectsAndTheListHoldsThemAlone() throws Exception {
        assertEquals(2, published.size(), published.toString());
        for (String viewer : List.of("", "?as=cdo")) {
            Reply list = get(BASE + viewer);
            assertEquals(200, list.status(), list.body());
            assertTrue(list.header("Content-Type").startsWith("application/json"));
            assertCors(list);
            assertEquals("public, no-cache", list.header("Cache-Control"), "the same for whoever asks");
            assertEquals(null, list.header("Last-Modified"), "its date would tell when a profile was withdrawn");
            List<String> keys = new ArrayList<>();
            list.json().get("projects").forEach(p -> keys.add(p.get("key").asText()));
            assertEquals(published, keys);
            assertEquals("de", list.json().get("language").asText());
        }
        JsonNode first = get(BASE).json().get("projects").get(0);
        String key = published.get(0);
        DigitalProject p = sandbox.projects.find(key).orElseThrow();
        assertEquals(p.title(), first.get("title").asText());
        assertEquals(p.status().name(), first.at("/status/code").asText());
        assertEquals(p.budgetCents(), first.get("budgetCents").asLong());
        assertEquals("http://127.0.0.1:" + server.port() + BASE + "/" + key + "/feed", first.at("/links/feed").asText());
        assertEquals("http://127.0.0.1:" + server.port() + BASE + "/" + key + "/profile",
                first.at("/links/profile").asText());
        String json = get(BASE).body();
        assertFalse(json.contains(internal().issueKey() + "\""), "no unpublished project, not even its key");
    }

    @Test
    void anUnknownAndAnUnpublishedProjectAnswerTheSameByteForByte() throws Exception {
        String hidden = internal().issueKey();
        for (String viewer : List.of("", "?as=cdo", "?as=mitarbeiterin")) {
            for (String suffix : List.of("", "/feed", "/profile")) {
                Reply unpublished = get(BASE + "/" + hidden + suffix + viewer);
                Reply unknown = get(BASE + "/NOPE-4711" + suffix + viewer);
                Reply odd = get(BASE + "/" + published.get(0).toLowerCase() + suffix + viewer);
                for (Reply r : List.of(unpublished, unknown, odd)) {
                    assertEquals(404, r.status(), r.body());
                    assertEquals(unknown.body(), r.body());
                    assertEquals(headers(unknown), headers(r));
                    assertCors(r);
                }
                assertFalse(unpublished.body().contains(hidden));
            }
        }
        assertEquals("cockpit.public.error.not-found", get(BASE + "/" + hidden).json().get("error").asText());
    }

    /** Every header but the date, which moves on between two answers. */
    private static Map<String, List<String>> headers(Reply r) {
        Map<String, List<String>> all = new java.util.TreeMap<>(r.headers().map());
        all.remove("date");
        all.remove("set-cookie");
        return all;
    }

    @Test
    void conditionalRequestsAnswer304WithTheValidatorsAndHeadHasNoBody() throws Exception {
        String path = BASE + "/" + published.get(0);
        Reply full = get(path);
        assertEquals(200, full.status());
        String etag = full.header("ETag");
        String modified = full.header("Last-Modified");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{43}\""), "a strong ETag: " + etag);
        assertTrue(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(modified)).isAfter(Instant.EPOCH), modified);
        assertEquals("Accept-Language", full.header("Vary"));
        assertCors(full);
        assertTrue(full.header("Access-Control-Expose-Headers").contains("ETag"));

        for (Reply r : List.of(get(path, "If-None-Match", etag), get(path, "If-None-Match", "W/" + etag),
                get(path, "If-None-Match", "\"other\", " + etag), get(path, "If-None-Match", "*"),
                get(path, "If-Modified-Since", modified),
                get(path, "If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        CLOCK.instant().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))))) {
            assertEquals(304, r.status(), r.headers().toString());
            assertEquals("", r.body());
            assertEquals(etag, r.header("ETag"));
            assertEquals(modified, r.header("Last-Modified"));
            assertEquals("public, no-cache", r.header("Cache-Control"));
            assertCors(r);
        }
        assertEquals(200, get(path, "If-None-Match", "\"other\"").status());
        assertEquals(200, get(path, "If-None-Match", "\"other\"", "If-Modified-Since", modified).status(),
                "If-None-Match decides alone when it is there");
        assertEquals(200, get(path, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").status());
        assertEquals(200, get(path, "If-Modified-Since", "gestern").status(), "an invalid date is ignored");

        Reply head = send("HEAD", path, Map.of());
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(etag, head.header("ETag"));

        Reply english = get(path, "Accept-Language", "en-GB,en;q=0.9,de;q=0.5");
        assertNotEquals(etag, english.header("ETag"), "another language, another representation");
        assertEquals(full.json().at("/status/code"), english.json().at("/status/code"));
        assertNotEquals(full.json().at("/status/label").asText(), english.json().at("/status/label").asText(),
                "the labels in English");
        assertEquals(200, get(path, "If-None-Match", etag, "Accept-Language", "en").status());

        Reply preflight = send("OPTIONS", path, Map.of("Origin", "https://worms-gestalten.de",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match"));
        assertTrue(preflight.status() == 200 || preflight.status() == 204, preflight.body());
        assertCors(preflight);
        assertEquals("GET, HEAD", preflight.header("Access-Control-Allow-Methods"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("If-None-Match"));
        assertEquals(preflight.headers().map().keySet(), send("OPTIONS", BASE + "/NOPE-1", Map.of(
                "Origin", "https://worms-gestalten.de", "Access-Control-Request-Method", "GET")).headers().map().keySet());
    }

    @Test
    void theFeedIsAtomToTheLetterAndGrowsWithEachChange() throws Exception {
        String key = published.get(0);
        String path = BASE + "/" + key + "/feed";
        Reply first = get(path);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.header("Content-Type").startsWith("application/atom+xml"));
        Feed feed = atom(first.body());
        assertFeed(feed, key);
        int entries = feed.getEntries().size();
        assertTrue(entries >= 1, "the project's first values are its first entry");
        Set<String> ids = new HashSet<>();
        feed.getEntries().forEach(e -> ids.add(e.getId()));

        // An edit changes its status and health: one entry more, first, naming both; nothing else changes.
        DigitalProject p = sandbox.projects.find(key).orElseThrow();
        ProjectStatus status = p.status() == ProjectStatus.PAUSED ? ProjectStatus.RUNNING : ProjectStatus.PAUSED;
        Health health = p.health() == Health.RED ? Health.AMBER : Health.RED;
        CLOCK.advance(Duration.ofMinutes(10));
        sandbox.projects.save(new DigitalProject(p.issueKey(), p.title(), p.profile(), p.timeFrame(), p.budgetCents(),
                p.fundingCents(), status, p.phase(), health, p.departmentKey(), p.fieldOfActionKey(), p.updated()));
        Reply second = get(path, "If-None-Match", first.header("ETag"));
        assertEquals(200, second.status(), "changed, so no 304");
        assertNotEquals(first.header("Last-Modified"), second.header("Last-Modified"));
        Feed after = atom(second.body());
        assertFeed(after, key);
        assertEquals(entries + 1, after.getEntries().size());
        Entry newest = after.getEntries().get(0);
        assertFalse(ids.contains(newest.getId()), "a new entry, a new id");
        after.getEntries().subList(1, after.getEntries().size()).forEach(e -> assertTrue(ids.contains(e.getId()),
                "an entry keeps its id: " + e.getId()));
        String title = newest.getTitle();
        assertTrue(title.matches("Status: [^;]+ → " + (status == ProjectStatus.PAUSED ? "Pausiert" : "Laufend")
                + "; Ampel: [^;]+ → " + (health == Health.RED ? "Kritisch" : "Gefährdet")), title);
        assertEquals(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                newest.getUpdated().toInstant());
        assertEquals(after.getUpdated().toInstant(), newest.getUpdated().toInstant());

        Feed english = atom(get(path + "?lang=en").body());
        assertEquals(after.getId(), english.getId(), "one feed in two languages");
        assertTrue(english.getEntries().get(0).getTitle().contains("Health: "), english.getEntries().get(0).getTitle());

        // The publication itself is no entry: published again, the feed says the same.
        ProjectHistory history = sandbox.plugin.bean(ProjectHistory.class);
        List<ProjectChange> rows = history.of(key, 500);
        assertTrue(rows.stream().anyMatch(c -> c.field() == ChangeField.PUBLIC), "the publication is in the history");
    }

    private static Feed atom(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    /** What RFC 4287 requires of a feed and of each of its entries, and what this one promises. */
    private static void assertFeed(Feed feed, String key) {
        assertTrue(feed.getFeedType().startsWith("atom_1.0"), feed.getFeedType());
        assertTrue(feed.getId().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                feed.getId());
        assertTrue(feed.getTitleEx().getValue().contains(key), feed.getTitleEx().getValue());
        assertEquals("text", feed.getTitleEx().getType());
        assertTrue(feed.getUpdated() != null);
        assertEquals("Stadt Worms", feed.getAuthors().get(0).getName());
        Link self = feed.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
        assertTrue(self.getHref().endsWith(BASE + "/" + key + "/feed"), self.getHref());
        assertTrue(feed.getAlternateLinks().get(0).getHref().endsWith("/" + key + "/profile"));
        Set<String> ids = new HashSet<>();
        for (Entry e : feed.getEntries()) {
            assertTrue(e.getId().startsWith("urn:uuid:") && ids.add(e.getId()), "unique id " + e.getId());
            assertFalse(e.getTitle().isBlank());
            assertTrue(e.getUpdated() != null && !e.getUpdated().toInstant().isAfter(feed.getUpdated().toInstant()));
            assertTrue(e.getAlternateLinks().get(0).getHref().endsWith("/" + key + "/profile"));
            assertEquals("text", e.getContents().get(0).getType());
            assertFalse(e.getContents().get(0).getValue().isBlank());
        }
        for (int i = 1; i < feed.getEntries().size(); i++) {
            assertFalse(feed.getEntries().get(i).getUpdated().after(feed.getEntries().get(i - 1).getUpdated()),
                    "newest first");
        }
    }

    @Test
    void theEmbeddablePageSpeaksBothLanguagesEscapesEveryValueAndMayBeFramedByThePlatform() throws Exception {
        String key = published.get(1);
        String path = BASE + "/" + key + "/profile";
        Reply german = get(path);
        assertEquals(200, german.status(), german.body());
        assertTrue(german.header("Content-Type").startsWith("text/html"));
        assertTrue(german.body().contains("<html lang=\"de\">"));
        assertTrue(german.body().contains("Zeitlicher Rahmen"));
        String csp = german.header("Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'self' https://worms-gestalten.de https://www.worms-gestalten.de"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertEquals(1, german.headers().allValues("Content-Security-Policy").size(), "the host's own policy is replaced");
        assertCors(german);
        for (Reply english : List.of(get(path + "?lang=en"), get(path, "Accept-Language", "en-US,en;q=0.8"))) {
            assertTrue(english.body().contains("<html lang=\"en\">"), english.body());
            assertTrue(english.body().contains("Time frame"));
        }
        assertTrue(get(path, "Accept-Language", "fr, en;q=0").body().contains("<html lang=\"de\">"));

        DigitalProject p = sandbox.projects.find(key).orElseThrow();
        String evil = "<script>alert(1)</script> & \"x\"";
        sandbox.projects.save(new DigitalProject(key, evil, new ProjectProfile(evil, evil, evil, "Amt " + evil, evil, evil),
                p.timeFrame(), p.budgetCents(), p.fundingCents(), p.status(), p.phase(), p.health(), p.departmentKey(),
                p.fieldOfActionKey(), p.updated()));
        try {
            String html = get(path).body();
            assertFalse(html.contains("<script"), html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
            String xml = get(path.replace("/profile", "/feed")).body();
            assertFalse(xml.contains("<script"));
            assertEquals(evil, get(BASE + "/" + key).json().get("title").asText(), "JSON carries the text as it is");
        } finally {
            sandbox.projects.save(p);
        }
    }

    @Test
    void theSandboxServesTheExamplePageAndItEmbedsAPublishedProfile() throws Exception {
        Reply example = get("/public-profile-example.html");
        assertEquals(200, example.status());
        assertTrue(example.header("Content-Type").startsWith("text/html"));
        Matcher frame = Pattern.compile("<iframe[^>]* src=\"([^\"]+)\"").matcher(example.body());
        assertTrue(frame.find(), example.body());
        Reply framed = get(frame.group(1));
        assertEquals(200, framed.status(), "the example embeds a project the demo publishes: " + frame.group(1));
        assertTrue(framed.header("Content-Security-Policy").contains("frame-ancestors 'self'"));
    }

    @Test
    void theStaffUnitPublishesOnTheProfileAndNoOneElseCan() throws Exception {
        String key = internal().issueKey();
        SandboxPage page = sandbox.pages.create(sandbox.pages.reserveId(), "DIGI", 0, "Steckbrief " + key,
                "<ac:structured-macro ac:name=\"project-profile\" ac:schema-version=\"1\">"
                        + "<ac:parameter ac:name=\"key\">" + key + "</ac:parameter></ac:structured-macro>",
                Set.of(), "profile", "cdo");
        String view = "/pages/viewpage.action?pageId=" + page.getId();
        Reply staffPage = get(view + "&as=mitarbeiterin");
        assertFalse(staffPage.body().contains("project-publication"), "no control for who may not use it");
        Reply cdoPage = get(view + "&as=cdo");
        assertTrue(cdoPage.body().contains("Dieser Steckbrief ist nicht öffentlich."), cdoPage.body());
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(cdoPage.body());
        assertTrue(token.find(), cdoPage.body());
        String cookie = "atl.xsrf.token=" + token.group(1);
        String form = "key=" + key + "&public=true&pageId=" + page.getId();
        String servlet = "/plugins/servlet/cockpit/project-publication";

        assertEquals(403, post(servlet + "?as=cdo", form, null).status(), "without the token");
        assertEquals(403, post(servlet + "?as=cdo", form + "&atl_token=forged", cookie).status(), "a forged token");
        assertEquals(403, post(servlet + "?as=mitarbeiterin", form + "&atl_token=" + token.group(1), cookie).status());
        assertEquals(403, post(servlet + "?as=leitung-finanzen", form + "&atl_token=" + token.group(1), cookie).status());
        assertEquals(403, post(servlet, form + "&atl_token=" + token.group(1), cookie).status(), "anonymous");
        assertEquals(404, get(BASE + "/" + key).status(), "every refusal changed nothing");

        Reply done = post(servlet + "?as=cdo", form + "&atl_token=" + token.group(1), cookie);
        assertEquals(303, done.status(), done.body());
        assertEquals(view + "#publication-" + key, done.header("Location"));
        assertEquals(200, get(BASE + "/" + key).status());
        assertTrue(get(BASE).body().contains("\"" + key + "\""));
        ProjectChange change = sandbox.plugin.bean(ProjectHistory.class).of(key, 1).get(0);
        assertEquals(ChangeField.PUBLIC, change.field());
        assertEquals("cdo", change.actor(), "who published it is kept");
        assertTrue(get(view + "&as=cdo").body().contains("Veröffentlichung zurücknehmen"));

        Reply withdrawn = post(servlet + "?as=schriftfuehrung", "key=" + key + "&public=false&pageId=" + page.getId()
                + "&atl_token=" + token.group(1), cookie);
        assertEquals(303, withdrawn.status());
        assertEquals(404, get(BASE + "/" + key).status(), "withdrawn: gone at once");
        assertEquals(400, post(servlet + "?as=cdo", "key=" + key + "&public=maybe&atl_token=" + token.group(1), cookie)
                .status());
        assertEquals(404, post(servlet + "?as=cdo", "key=NOPE-1&public=true&atl_token=" + token.group(1), cookie)
                .status());
    }

    private static Reply post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }
}
