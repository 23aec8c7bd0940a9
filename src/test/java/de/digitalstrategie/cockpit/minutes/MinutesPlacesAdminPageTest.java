package de.digitalstrategie.cockpit.minutes;

import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
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

import static de.digitalstrategie.cockpit.testing.SandboxBrowser.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrators' page that names each body's minutes places, over real HTTP in the sandbox:
 * administrators only, every change with the form's XSRF token, saved only when every field is
 * valid, each error next to its field (and tied to it for screen readers), in German and English,
 * every value escaped; what is saved decides at once which pages record.
 */
class MinutesPlacesAdminPageTest {
    private static final String PATH = "/plugins/servlet/cockpit/admin/minutes";
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private final SandboxBrowser browser = new SandboxBrowser(server);

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    @AfterEach
    void demoPlaces() {
        fixture.sandbox.minutesPlaces.save(WormsDemo.STEERING, new Places(Set.of(WormsDemo.STEERING_SPACE), Set.of()));
        fixture.sandbox.minutesPlaces.save(WormsDemo.ADVISORY, new Places(Set.of(WormsDemo.ADVISORY_SPACE), Set.of()));
    }

    private static Map<String, String> form(String xsrf, String steeringSpaces, String steeringPages, String boardSpaces) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("atl_token", xsrf);
        form.put("spaces." + WormsDemo.STEERING, steeringSpaces);
        form.put("pages." + WormsDemo.STEERING, steeringPages);
        form.put("spaces." + WormsDemo.ADVISORY, boardSpaces);
        form.put("pages." + WormsDemo.ADVISORY, "");
        return form;
    }

    private static Places steering() {
        return fixture.sandbox.minutesPlaces.load(WormsDemo.STEERING);
    }

    @Test
    void onlyAdministratorsGetThePage() throws Exception {
        for (String user : List.of("mitarbeiterin", "cdo", "schriftfuehrung", "anonymous")) {
            assertEquals(403, browser.get(PATH, user, "de").statusCode(), user);
        }
        HttpResponse<String> admin = browser.get(PATH, "admin", "de");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("<h1>Digitalstrategie-Cockpit: Orte der Protokolle</h1>"), admin.body());
        assertTrue(admin.body().contains("<legend>Lenkungskreis Digitalstrategie (Lenkungskreis)</legend>"));
        assertTrue(admin.body().contains("value=\"LK\""), "the demo's places as seeded");
        assertTrue(admin.body().contains("<label for=\"places-spaces-lenkungskreis\">Bereiche</label>"));
        assertEquals("no-store", admin.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(browser.get(PATH, "admin", "en").body().contains("Digitalstrategie-Cockpit: where the minutes live"));
    }

    @Test
    void aPostWithoutTheFormsTokenOrFromSomeoneElseIsRefusedAndSavesNothing() throws Exception {
        browser.get(PATH, "admin", "de");
        assertEquals(403, browser.post(PATH, form("0123456789abcdef", "EVIL", "", "EVIL")).statusCode());
        String xsrf = token(browser.get(PATH, "admin", "de").body());
        browser.get(PATH, "mitarbeiterin", "de");
        assertEquals(403, browser.post(PATH, form(xsrf, "EVIL", "", "EVIL")).statusCode(), "a staff member with a valid token");
        assertEquals(Set.of(WormsDemo.STEERING_SPACE), steering().spaceKeys(), "nothing was saved");
    }

    @Test
    void invalidEntriesAreShownAtTheirFieldsInTheViewersLanguageAndNothingIsSaved() throws Exception {
        String xsrf = token(browser.get(PATH, "admin", "de").body());
        HttpResponse<String> refused = browser.post(PATH, form(xsrf, "LK, \"><script>alert(1)</script>", "12x", "BR"));
        assertEquals(200, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("role=\"alert\"><p>Nichts wurde gespeichert: bitte die markierten Felder prüfen."),
                page);
        assertTrue(page.contains("id=\"places-spaces-lenkungskreis\" name=\"spaces.lenkungskreis\" value=\"LK, "
                + "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" aria-describedby=\"places-spaces-lenkungskreis-help "
                + "places-spaces-lenkungskreis-error\" aria-invalid=\"true\">"), "kept as typed, escaped, marked: " + page);
        assertTrue(page.contains("<div class=\"error\" id=\"places-spaces-lenkungskreis-error\">[&quot;&gt;&lt;script&gt;"
                + "alert(1)&lt;/script&gt;] ist kein Bereichsschlüssel"), page);
        assertTrue(page.contains("<div class=\"error\" id=\"places-pages-lenkungskreis-error\">[12x] ist keine Seiten-ID"),
                page);
        assertFalse(page.contains("<script>alert(1)"), "never as markup");
        assertFalse(page.contains("id=\"places-spaces-beirat\" name=\"spaces.beirat\" value=\"BR\" "
                + "aria-describedby=\"places-spaces-beirat-help places-spaces-beirat-error\""), "a valid field has no error");
        assertEquals(Set.of(WormsDemo.STEERING_SPACE), steering().spaceKeys(), "nothing was saved");

        browser.get(PATH, "admin", "en");
        String english = browser.post(PATH, form(xsrf, "LK", "999999", "BR")).body();
        assertTrue(english.contains("Nothing was saved: please check the fields marked."), english);
        assertTrue(english.contains("id=\"places-pages-lenkungskreis-error\">There is no page 999999."), english);
        assertEquals(Set.of(), steering().pageTrees());
    }

    @Test
    void whatIsSavedDecidesAtOnceWhichPagesRecord() throws Exception {
        SandboxPage top = fixture.sandbox.pages.create(fixture.sandbox.pages.reserveId(), "TEAM", 0, "Protokolle",
                "<p>Protokolle</p>", Set.of(), "page", WormsDemo.SECRETARY);
        String xsrf = token(browser.get(PATH, "admin", "de").body());
        HttpResponse<String> saved = browser.post(PATH, form(xsrf, "LK  ;  LK2", String.valueOf(top.getId()), "BR"));
        assertTrue(saved.body().contains("Die Einstellungen sind gespeichert."), saved.body());
        assertTrue(saved.body().contains("value=\"LK, LK2\""), "shown as stored");
        assertEquals(new Places(Set.of("LK", "LK2"), Set.of(top.getId())), steering());

        SandboxPage minutes = fixture.sandbox.pages.create(fixture.sandbox.pages.reserveId(), "TEAM", top.getId(),
                "LK 2027/51", MinutesSyncTest.decision("admin-1", "LK-2027-51", "proposed", ""), Set.of(), "minutes",
                WormsDemo.SECRETARY);
        fixture.sandbox.settle();
        assertEquals(1, fixture.sandbox.decisions.ofPage(minutes.getId()).size(), "recorded from the named tree");

        browser.post(PATH, form(xsrf, "LK", "", "BR"));
        fixture.sandbox.pages.update(minutes.getId(), MinutesSyncTest.decision("admin-1", "LK-2027-51", "proposed", "")
                + MinutesSyncTest.decision("admin-2", "LK-2027-52", "proposed", ""), WormsDemo.SECRETARY);
        fixture.sandbox.settle();
        assertEquals(1, fixture.sandbox.decisions.ofPage(minutes.getId()).size(), "no longer a place: nothing new");
    }
}
