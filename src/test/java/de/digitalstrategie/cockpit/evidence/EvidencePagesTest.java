package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.evidence.store.EvidenceSettingsStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flag list's requests over real HTTP in the sandbox with its demo data: the CSV and the
 * acknowledgement for the staff unit only (the acknowledgement with the form's XSRF token, of an
 * open flag only), and the thresholds' page for administrators and the CDO.
 */
class EvidencePagesTest {
    private static final String FLAGS = "/plugins/servlet/cockpit/evidence-flags";
    private static final String ADMIN = "/plugins/servlet/cockpit/admin/evidence";
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static EvidenceSettingsStore settings;
    private static EvidenceFlags flags;
    private static ProjectStore projects;
    private HttpClient http;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        settings = fixture.sandbox.plugin.bean(EvidenceSettingsStore.class);
        flags = fixture.sandbox.plugin.bean(EvidenceFlags.class);
        projects = fixture.sandbox.plugin.bean(ProjectStore.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    @AfterEach
    void reset() {
        settings.save(EvidenceSettings.DEFAULTS);
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        }
        return http;
    }

    private HttpResponse<String> get(String path, String as, String lang) throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path
                + (path.contains("?") ? "&" : "?") + "lang=" + lang + "&as=" + as)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(m.find(), "no XSRF token on the page: " + page);
        return m.group(1);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static List<EvidenceFlags.Shown> open() {
        return flags.open(projects.jiraProjects());
    }

    @Test
    void theDemoShowsEachRuleAFreshDemoCan() {
        Set<Rule> shown = open().stream().map(s -> s.flag().rule()).collect(Collectors.toSet());
        // Not updated for weeks needs weeks without a change, which a demo seeded today has not had.
        assertEquals(EnumSet.complementOf(EnumSet.of(Rule.STALE)), shown);
    }

    @Test
    void theStaffUnitDownloadsTheFlagsAsCsvAndNoOneElse() throws Exception {
        for (String user : List.of("mitarbeiterin", "leitung-finanzen", "anonymous")) {
            assertEquals(403, get(FLAGS + "?format=csv", user, "de").statusCode(), user);
        }
        HttpResponse<String> csv = get(FLAGS + "?format=csv", "cdo", "de");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        long rows = csv.body().lines().count() - 1;
        assertEquals(open().size(), rows, csv.body());
        assertTrue(rows > 0, "the demo has flags");
        HttpResponse<String> overdue = get(FLAGS + "?format=csv&rule=overdue", "schriftfuehrung", "en");
        assertEquals(200, overdue.statusCode());
        assertEquals(open().stream().filter(s -> s.flag().rule() == Rule.OVERDUE).count(),
                overdue.body().lines().count() - 1, overdue.body());
        assertTrue(overdue.body().lines().skip(1).allMatch(l -> l.contains("End date passed")), overdue.body());
        assertEquals(400, get(FLAGS + "?format=csv&rule=gefuehlt", "cdo", "de").statusCode());
    }

    @Test
    void theStaffUnitAcknowledgesAnOpenFlagWithTheFormsToken() throws Exception {
        EvidenceFlags.Shown flag = open().stream().filter(s -> !s.acknowledged()).findFirst().orElseThrow();
        Map<String, String> fields = form("rule", flag.flag().rule().name(), "key", flag.flag().issueKey(),
                "occurrence", flag.flag().occurrence(), "comment", "Mit dem Fachbereich geklärt", "pageId", "");
        String xsrf = token(get(ADMIN, "cdo", "de").body());
        // Someone outside the staff unit, with a valid token of their own: refused before the form is read.
        String other = token(get("/plugins/servlet/cockpit/reminders", "mitarbeiterin", "de").body());
        Map<String, String> asOther = new LinkedHashMap<>(fields);
        asOther.put("atl_token", other);
        assertEquals(403, post(FLAGS, asOther).statusCode());
        get(ADMIN, "cdo", "de");
        Map<String, String> noToken = new LinkedHashMap<>(fields);
        noToken.put("atl_token", "0123456789abcdef");
        assertEquals(403, post(FLAGS, noToken).statusCode());
        Map<String, String> unknown = new LinkedHashMap<>(fields);
        unknown.put("atl_token", xsrf);
        unknown.put("occurrence", "not-this-one");
        assertEquals(404, post(FLAGS, unknown).statusCode());
        Map<String, String> empty = new LinkedHashMap<>(fields);
        empty.put("atl_token", xsrf);
        empty.put("comment", " ");
        assertEquals(400, post(FLAGS, empty).statusCode());
        assertFalse(open().stream().anyMatch(EvidenceFlags.Shown::acknowledged));

        Map<String, String> valid = new LinkedHashMap<>(fields);
        valid.put("atl_token", xsrf);
        assertEquals(204, post(FLAGS, valid).statusCode());
        EvidenceFlags.Shown now = open().stream().filter(s -> s.flag().equals(flag.flag())).findFirst().orElseThrow();
        assertTrue(now.acknowledged());
        assertEquals("Mit dem Fachbereich geklärt", now.acknowledgement().comment());
        assertEquals("cdo", now.acknowledgement().actor());
    }

    @Test
    void administratorsAndTheCdoSetTheThresholds() throws Exception {
        for (String user : List.of("mitarbeiterin", "schriftfuehrung", "anonymous")) {
            assertEquals(403, get(ADMIN, user, "de").statusCode(), user);
        }
        String page = get(ADMIN, "admin", "de").body();
        assertTrue(page.contains("name=\"staleWeeks\" value=\"8\""), page);
        HttpResponse<String> refused = post(ADMIN, form("atl_token", "0123456789abcdef", "staleWeeks", "4",
                "windowDays", "30", "lookbackDays", "180"));
        assertEquals(403, refused.statusCode());
        assertEquals(EvidenceSettings.DEFAULTS, settings.load());

        String cdo = get(ADMIN, "cdo", "en").body();
        HttpResponse<String> bad = post(ADMIN, form("atl_token", token(cdo), "staleWeeks", "0", "windowDays", "30",
                "lookbackDays", "180"));
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("role=\"alert\""), bad.body());
        assertEquals(EvidenceSettings.DEFAULTS, settings.load());
        HttpResponse<String> saved = post(ADMIN, form("atl_token", token(cdo), "staleWeeks", "4", "windowDays", "14",
                "lookbackDays", "90"));
        assertEquals(200, saved.statusCode());
        assertEquals(new EvidenceSettings(4, 14, 90), settings.load());
    }
}
