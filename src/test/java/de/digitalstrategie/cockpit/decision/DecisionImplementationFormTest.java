package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The implementation form of the decision register over real HTTP in the demo: shown only to who
 * may set a decision's implementation and only where no Jira issue says it, sent with the host's
 * XSRF token to its servlet, which refuses everyone else before reading the form, and the page
 * after the redirect telling the sender what became of it, tied to the form's field.
 */
class DecisionImplementationFormTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SERVLET = "/plugins/servlet/cockpit/decision-implementation";
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static SandboxPage register;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        register = fixture.sandbox.pages.create("DIGI", "Umsetzung der Beschlüsse", SandboxFixture.macro(
                "decision-register", Map.of("implementation", "open,in-progress,done", "page-size", "100"), null),
                Set.of(), "register");
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    private record Reply(int status, HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private static Reply get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers(), r.body());
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

    private static String view(String as) {
        return "/pages/viewpage.action?pageId=" + register.getId() + "&as=" + as;
    }

    private static Decision decision(String owner, boolean inJira) {
        return fixture.sandbox.decisions.all().stream().filter(d -> d.implementable() && owner.equals(d.owner())
                && d.jiraIssue().isEmpty() != inJira && !d.withdrawn()).findFirst().orElseThrow();
    }

    private static Decision reread(Decision d) {
        return fixture.sandbox.decisions.all().stream().filter(x -> x.id() == d.id()).findFirst().orElseThrow();
    }

    private static String action(Decision d) {
        return SERVLET + "?decision=" + d.id();
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(token.find(), page);
        return token.group(1);
    }

    @Test
    void onlyWhoMaySetItSeesTheFormAndOnlyWhereNoJiraIssueSaysIt() throws Exception {
        Decision finance = decision("Finanzen", false);
        Decision interior = decision("Innere Verwaltung", false);
        String staff = get(view("mitarbeiterin")).body();
        assertTrue(staff.contains(finance.number()), "the register shows the decision");
        assertFalse(staff.contains(SERVLET), "no form for who may not set it");
        assertFalse(get("/pages/viewpage.action?pageId=" + register.getId()).body().contains(SERVLET), "anonymous");

        String unit = get(view("leitung-finanzen")).body();
        assertTrue(unit.contains("action=\"" + action(finance) + "\""), unit);
        assertFalse(unit.contains(action(interior) + "\""), "not another unit's decision");
        assertTrue(unit.contains("<label for=\"implementation-"), "the fields are labelled");

        String cdo = get(view("cdo")).body();
        assertTrue(cdo.contains(action(interior) + "\""), "the CDO sets every decision");
        fixture.sandbox.decisions.all().stream().filter(d -> d.implementable() && !d.jiraIssue().isEmpty())
                .forEach(d -> assertFalse(cdo.contains(action(d) + "\""), "follows Jira: " + d.number()));
        assertTrue(fixture.sandbox.decisions.all().stream().anyMatch(d -> d.implementable()
                && !d.jiraIssue().isEmpty() && cdo.contains(d.number())), "a Jira decision is on the page");
    }

    @Test
    void theDecisionMacroOnItsMinutesPageOffersTheSameForm() throws Exception {
        Decision finance = decision("Finanzen", false);
        String minutes = "/pages/viewpage.action?pageId=" + finance.page().pageId() + "&as=";
        String unit = get(minutes + "leitung-finanzen").body();
        int at = unit.indexOf("action=\"" + action(finance) + "\"");
        assertTrue(at > 0, unit);
        assertTrue(unit.substring(at, unit.indexOf("</form>", at)).contains("name=\"anchor\" value=\"decision-"
                + finance.number() + "\""), "back to the decision on its page");
        assertFalse(get(minutes + "mitarbeiterin").body().contains(SERVLET), "no form for who may not set it");
    }

    @Test
    void theServletRefusesEveryoneElseBeforeTheFormAndTheUnitSetsItWithANotice() throws Exception {
        Decision d = decision("Finanzen", false);
        ImplementationState to = d.implementation() == ImplementationState.IN_PROGRESS ? ImplementationState.DONE
                : ImplementationState.IN_PROGRESS;
        String token = token(get(view("leitung-finanzen")).body());
        String cookie = "atl.xsrf.token=" + token;
        String form = "state=" + to.code() + "&comment=Vergabe+l%C3%A4uft&pageId=" + register.getId()
                + "&anchor=x-decision-" + d.number();

        assertEquals(403, post(action(d) + "&as=leitung-finanzen", form, null).status(), "without the token");
        assertEquals(403, post(action(d) + "&as=leitung-finanzen", form + "&atl_token=forged", cookie).status());
        for (String other : List.of("leitung-innere", "mitarbeiterin")) {
            assertEquals(403, post(action(d) + "&as=" + other, form + "&atl_token=" + token, cookie).status(), other);
        }
        assertEquals(403, post(action(d), form + "&atl_token=" + token, cookie).status(), "anonymous");
        assertEquals(404, post(SERVLET + "?decision=999999&as=cdo", form + "&atl_token=" + token, cookie).status());
        assertEquals(d.implementation(), reread(d).implementation(), "every refusal changed nothing");

        Reply done = post(action(d) + "&as=leitung-finanzen", form + "&atl_token=" + token, cookie);
        assertEquals(303, done.status(), done.body());
        String back = "/pages/viewpage.action?pageId=" + register.getId() + "&cockpit-implementation=saved"
                + "&cockpit-implemented=" + d.id() + "#x-decision-" + d.number();
        assertEquals(back, done.header("Location"));
        assertEquals(to, reread(d).implementation());
        AuditEntry last = fixture.sandbox.decisions.history(d.id()).get(fixture.sandbox.decisions.history(d.id())
                .size() - 1);
        assertEquals("leitung-finanzen", last.actor());
        assertTrue(last.comment().endsWith(": Vergabe läuft"), last.comment());

        String after = get(back.replace("#", "&as=leitung-finanzen#")).body();
        Matcher notice = Pattern.compile("<p id=\"([^\"]+)-notice\" role=\"status\"[^>]*>([^<]+)</p>").matcher(after);
        assertTrue(notice.find(), after);
        assertEquals("Die Umsetzung von " + d.number() + " ist gespeichert.", notice.group(2));
        assertTrue(after.contains("aria-describedby=\"" + notice.group(1) + "-notice\""), "the notice is the field's");

        Reply invalid = post(action(d) + "&as=leitung-finanzen", "state=fertig&pageId=" + register.getId()
                + "&anchor=%22%3E%3Cscript%3E&atl_token=" + token, cookie);
        assertEquals(303, invalid.status());
        assertFalse(invalid.header("Location").contains("#"), "an anchor that is no plain id is dropped");
        assertEquals(to, reread(d).implementation());
        String refused = get(invalid.header("Location") + "&as=leitung-finanzen&lang=en").body();
        assertTrue(refused.contains("role=\"alert\""), refused);
        assertTrue(refused.contains("The implementation of " + d.number() + " was not saved"), refused);
        assertTrue(refused.contains("aria-invalid=\"true\""));
    }

    @Test
    void theBrowserComesBackToTheSameSelectionOfTheRegister() throws Exception {
        Decision d = decision("Finanzen", false);
        String page = get(view("leitung-finanzen")).body();
        Matcher owner = Pattern.compile("name=\"([^\"]+\\.)owner\"").matcher(page);
        assertTrue(owner.find(), page);
        assertFalse(page.contains("name=\"selection\""), "no selection, nothing to carry");
        String selection = owner.group(1) + "owner=Finanzen";
        String filtered = get(view("leitung-finanzen") + "&" + selection).body();
        assertTrue(filtered.contains("name=\"selection\" value=\"" + selection + "\""), filtered);
        String token = token(filtered);
        String form = "state=" + d.implementation().code() + "&pageId=" + register.getId() + "&atl_token=" + token
                + "&selection=";
        Reply back = post(action(d) + "&as=leitung-finanzen", form + java.net.URLEncoder.encode(selection,
                java.nio.charset.StandardCharsets.UTF_8), "atl.xsrf.token=" + token);
        assertEquals("/pages/viewpage.action?pageId=" + register.getId() + "&" + selection
                + "&cockpit-implementation=saved&cockpit-implemented=" + d.id(), back.header("Location"));
        for (String hostile : List.of("x.y=1#y", "x.y=<b>", "//evil.example/", "x.y=1&pageId",
                "pageId=1", "x.y=1&", "x.y=1&&x.z=2")) {
            Reply r = post(action(d) + "&as=leitung-finanzen", form + java.net.URLEncoder.encode(hostile,
                    java.nio.charset.StandardCharsets.UTF_8), "atl.xsrf.token=" + token);
            assertEquals("/pages/viewpage.action?pageId=" + register.getId() + "&cockpit-implementation=saved"
                    + "&cockpit-implemented=" + d.id(), r.header("Location"), hostile);
        }
    }

    @Test
    void aDecisionFollowingItsJiraIssueIsNotSetThroughTheForm() throws Exception {
        Decision jira = fixture.sandbox.decisions.all().stream().filter(d -> d.implementable()
                && !d.jiraIssue().isEmpty() && !d.withdrawn()).findFirst().orElseThrow();
        String token = token(get(view("cdo")).body());
        Reply r = post(action(jira) + "&as=cdo", "state=done&pageId=" + register.getId() + "&atl_token=" + token,
                "atl.xsrf.token=" + token);
        assertEquals(303, r.status());
        assertTrue(r.header("Location").contains("cockpit-implementation=conflict"), r.header("Location"));
        assertEquals(jira.implementation(), reread(jira).implementation());
        assertEquals(409, post(action(jira) + "&as=cdo", "state=done&atl_token=" + token, "atl.xsrf.token=" + token)
                .status(), "without a page to go back to, the status says it");
    }
}
