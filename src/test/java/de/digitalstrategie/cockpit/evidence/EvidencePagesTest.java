package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.evidence.store.EvidenceSettingsStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxBrowser;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumSet;
import java.util.stream.Collectors;

import static de.digitalstrategie.cockpit.testing.SandboxBrowser.token;
import static de.digitalstrategie.cockpit.testing.SandboxBrowser.form;
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
    private final SandboxBrowser browser = new SandboxBrowser(server);

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
            assertEquals(403, browser.get(FLAGS + "?format=csv", user, "de").statusCode(), user);
        }
        HttpResponse<String> csv = browser.get(FLAGS + "?format=csv", "cdo", "de");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        long rows = csv.body().lines().count() - 1;
        assertEquals(open().size(), rows, csv.body());
        assertTrue(rows > 0, "the demo has flags");
        HttpResponse<String> overdue = browser.get(FLAGS + "?format=csv&rule=overdue", "schriftfuehrung", "en");
        assertEquals(200, overdue.statusCode());
        assertEquals(open().stream().filter(s -> s.flag().rule() == Rule.OVERDUE).count(),
                overdue.body().lines().count() - 1, overdue.body());
        assertTrue(overdue.body().lines().skip(1).allMatch(l -> l.contains("End date passed")), overdue.body());
        assertEquals(400, browser.get(FLAGS + "?format=csv&rule=gefuehlt", "cdo", "de").statusCode());
    }

    @Test
    void theStaffUnitAcknowledgesAnOpenFlagWithTheFormsToken() throws Exception {
        EvidenceFlags.Shown flag = open().stream().filter(s -> !s.acknowledged()).findFirst().orElseThrow();
        Map<String, String> fields = form("rule", flag.flag().rule().name(), "key", flag.flag().issueKey(),
                "occurrence", flag.flag().occurrence(), "comment", "Mit dem Fachbereich geklärt", "pageId", "");
        String xsrf = token(browser.get(ADMIN, "cdo", "de").body());
        // Someone outside the staff unit, with a valid token of their own: refused before the form is read.
        String other = token(browser.get("/plugins/servlet/cockpit/reminders", "mitarbeiterin", "de").body());
        Map<String, String> asOther = new LinkedHashMap<>(fields);
        asOther.put("atl_token", other);
        assertEquals(403, browser.post(FLAGS, asOther).statusCode());
        browser.get(ADMIN, "cdo", "de");
        Map<String, String> noToken = new LinkedHashMap<>(fields);
        noToken.put("atl_token", "0123456789abcdef");
        assertEquals(403, browser.post(FLAGS, noToken).statusCode());
        Map<String, String> unknown = new LinkedHashMap<>(fields);
        unknown.put("atl_token", xsrf);
        unknown.put("occurrence", "not-this-one");
        assertEquals(404, browser.post(FLAGS, unknown).statusCode());
        Map<String, String> empty = new LinkedHashMap<>(fields);
        empty.put("atl_token", xsrf);
        empty.put("comment", " ");
        assertEquals(400, browser.post(FLAGS, empty).statusCode());
        assertFalse(open().stream().anyMatch(EvidenceFlags.Shown::acknowledged));

        Map<String, String> valid = new LinkedHashMap<>(fields);
        valid.put("atl_token", xsrf);
        assertEquals(204, browser.post(FLAGS, valid).statusCode());
        EvidenceFlags.Shown now = open().stream().filter(s -> s.flag().equals(flag.flag())).findFirst().orElseThrow();
        assertTrue(now.acknowledged());
        assertEquals("Mit dem Fachbereich geklärt", now.acknowledgement().comment());
        assertEquals("cdo", now.acknowledgement().actor());
    }

    @Test
    void administratorsAndTheCdoSetTheThresholds() throws Exception {
        for (String user : List.of("mitarbeiterin", "schriftfuehrung", "anonymous")) {
            assertEquals(403, browser.get(ADMIN, user, "de").statusCode(), user);
        }
        String page = browser.get(ADMIN, "admin", "de").body();
        assertTrue(page.contains("name=\"staleWeeks\" value=\"8\""), page);
        HttpResponse<String> refused = browser.post(ADMIN, form("atl_token", "0123456789abcdef", "staleWeeks", "4",
                "windowDays", "30", "lookbackDays", "180"));
        assertEquals(403, refused.statusCode());
        assertEquals(EvidenceSettings.DEFAULTS, settings.load());

        String cdo = browser.get(ADMIN, "cdo", "en").body();
        HttpResponse<String> bad = browser.post(ADMIN, form("atl_token", token(cdo), "staleWeeks", "0", "windowDays", "30",
                "lookbackDays", "180"));
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("role=\"alert\""), bad.body());
        assertEquals(EvidenceSettings.DEFAULTS, settings.load());
        HttpResponse<String> saved = browser.post(ADMIN, form("atl_token", token(cdo), "staleWeeks", "4", "windowDays", "14",
                "lookbackDays", "90"));
        assertEquals(200, saved.statusCode());
        assertEquals(new EvidenceSettings(4, 14, 90), settings.load());
    }
}
