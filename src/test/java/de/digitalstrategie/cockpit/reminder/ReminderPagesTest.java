package de.digitalstrategie.cockpit.reminder;

import de.digitalstrategie.cockpit.reminder.send.ReminderJob;
import de.digitalstrategie.cockpit.reminder.store.ReminderClaims;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxBrowser;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static de.digitalstrategie.cockpit.testing.SandboxBrowser.token;
import static de.digitalstrategie.cockpit.testing.SandboxBrowser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reminders' pages over real HTTP in the sandbox: a person switches their own reminders off and
 * on (signed in, with the form's XSRF token, never anyone else's), and administrators set the
 * windows and send what today's run has not sent yet.
 */
class ReminderPagesTest {
    private static final String PREFERENCES = "/plugins/servlet/cockpit/reminders";
    private static final String ADMIN = "/plugins/servlet/cockpit/admin/reminders";
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static ReminderSettingsStore settings;
    private final SandboxBrowser browser = new SandboxBrowser(server);

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        settings = fixture.sandbox.plugin.bean(ReminderSettingsStore.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    @AfterEach
    void reset() {
        settings.setOptedOut("cdo", false);
        settings.setOptedOut("mitarbeiterin", false);
        settings.save(ReminderSettings.DEFAULTS);
    }

    @Test
    void aPersonSwitchesTheirOwnRemindersOffAndOnAgain() throws Exception {
        HttpResponse<String> page = browser.get(PREFERENCES, "cdo", "de");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<p id=\"reminder-state\">Sie erhalten Erinnerungen.</p>"), page.body());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> off = browser.post(PREFERENCES, form("atl_token", token(page.body()), "receive", "false"));
        assertEquals(200, off.statusCode());
        assertTrue(off.body().contains("Sie haben die Erinnerungen abbestellt."), off.body());
        assertTrue(settings.optedOut("cdo"));
        assertFalse(settings.optedOut("schriftfuehrung"), "only the requester's own switch");

        String english = browser.get(PREFERENCES, "cdo", "en").body();
        assertTrue(english.contains("You have switched reminders off."), english);
        browser.post(PREFERENCES, form("atl_token", token(english), "receive", "true"));
        assertFalse(settings.optedOut("cdo"));
    }

    @Test
    void withoutSignInOrTheFormsTokenNothingChanges() throws Exception {
        assertEquals(401, browser.get(PREFERENCES, "anonymous", "de").statusCode());
        String xsrf = token(browser.get(PREFERENCES, "mitarbeiterin", "de").body());
        assertEquals(403, browser.post(PREFERENCES, form("atl_token", "0123456789abcdef", "receive", "false")).statusCode());
        assertEquals(400, browser.post(PREFERENCES, form("atl_token", xsrf, "receive", "maybe")).statusCode());
        assertFalse(settings.optedOut("mitarbeiterin"));
        // A form aimed at someone else changes the requester's own switch only: the form names no user.
        browser.post(PREFERENCES, form("atl_token", xsrf, "receive", "false", "user", "cdo"));
        assertTrue(settings.optedOut("mitarbeiterin"));
        assertFalse(settings.optedOut("cdo"));
        browser.get(PREFERENCES, "anonymous", "de");
        assertEquals(401, browser.post(PREFERENCES, form("atl_token", xsrf, "receive", "true")).statusCode());
        assertTrue(settings.optedOut("mitarbeiterin"));
    }

    @Test
    void administratorsSetTheWindowsAndSendWhatTodayHasNotSent() throws Exception {
        for (String user : List.of("mitarbeiterin", "cdo", "anonymous")) {
            assertEquals(403, browser.get(ADMIN, user, "de").statusCode(), user);
        }
        String page = browser.get(ADMIN, "admin", "de").body();
        assertTrue(page.contains("name=\"dueWithinDays\" value=\"14\""), page);
        String xsrf = token(page);

        String refused = browser.post(ADMIN, form("atl_token", xsrf, "action", "save", "dueWithinDays", "\"><b>x</b>",
                "unansweredAfterDays", "10")).body();
        assertTrue(refused.contains("[&quot;&gt;&lt;b&gt;x&lt;/b&gt;] ist keine Zahl von Tagen zwischen 0 und 365."), refused);
        assertFalse(refused.contains("<b>x"), refused);
        assertEquals(ReminderSettings.DEFAULTS, settings.load(), "nothing saved");
        browser.post(ADMIN, form("atl_token", xsrf, "action", "save", "dueWithinDays", "30", "unansweredAfterDays", "10"));
        assertEquals(new ReminderSettings(30, 10), settings.load());

        String sent = browser.post(ADMIN, form("atl_token", xsrf, "action", "send")).body();
        assertTrue(sent.contains("Erinnerungen gesendet: "), sent);
        int today = fixture.sandbox.plugin.bean(ReminderClaims.class).count(ReminderScenario.TODAY);
        assertTrue(today > 0, "the demo has reminders to send");
        assertEquals(today, fixture.sandbox.host.mail.sent().size(), "one message per person");
        String again = browser.post(ADMIN, form("atl_token", xsrf, "action", "send")).body();
        assertTrue(again.contains("Erinnerungen gesendet: 0; heute schon früher gesendet: " + today + ";"), again);
        assertEquals(today, fixture.sandbox.host.mail.sent().size(), "nothing sent twice");

        browser.get(ADMIN, "mitarbeiterin", "de");
        assertEquals(403, browser.post(ADMIN, form("atl_token", xsrf, "action", "save", "dueWithinDays", "1",
                "unansweredAfterDays", "1")).statusCode());
        assertEquals(new ReminderSettings(30, 10), settings.load());
    }

    @Test
    void theSandboxShowsEachPersonTheMailSentToThem() throws Exception {
        fixture.sandbox.plugin.bean(ReminderJob.class).sendToday();
        assertTrue(fixture.sandbox.host.mail.sent().size() > 0, "the demo has reminders to send");
        assertEquals(403, browser.get("/sandbox/mail", "anonymous", "de").statusCode());
        HttpResponse<String> page = browser.get("/sandbox/mail", "cdo", "de");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<h1>Versandte Mails</h1>"), html);
        assertTrue(html.contains("An: cdo@worms-demo.invalid"), html);
        assertFalse(html.contains("An: schriftfuehrung@"), "only the viewer's own mail");
        assertTrue(html.contains("<a href=\"/sandbox/mail?as=schriftfuehrung\">"), html);
        assertTrue(html.contains("<iframe sandbox=\"\" title=\"Digitalstrategie-Cockpit: "), html);
        // The message's HTML only inside its frame's srcdoc, escaped there, never as the page's markup.
        assertTrue(html.contains("srcdoc=\"&lt;!DOCTYPE html&gt;&lt;html lang=&quot;de&quot;&gt;"), html);
        assertFalse(html.contains("<li><a href=\"http"), html);
        String none = browser.get("/sandbox/mail", "mitarbeiterin", "en").body();
        assertTrue(none.contains("Nothing has been sent yet."), none);
    }
}
