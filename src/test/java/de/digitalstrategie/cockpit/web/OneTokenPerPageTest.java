package de.digitalstrategie.cockpit.web;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.SandboxBrowser;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page with several of the plugin's forms, viewed over real HTTP by someone whose browser has no
 * XSRF cookie yet: the answer sets one cookie, every form on it carries that cookie's token, and
 * the first form sent back with it is taken. (A token per form would leave the browser with the
 * last cookie only, and every earlier form refused.)
 */
class OneTokenPerPageTest {
    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"(.*?)</form>", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("name=\"atl_token\" value=\"([^\"]*)\"");
    private static SandboxFixture fixture;
    private static SandboxServer server;
    private static SandboxPage page;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        server = new SandboxServer(fixture.sandbox, "127.0.0.1", 0);
        server.start();
        page = fixture.sandbox.pages.create("DIGI", "Viele Formulare", SandboxFixture.macro("decision-register",
                Map.of("implementation", "open,in-progress,done", "owner", "Finanzen"), null)
                + SandboxFixture.macro("project-profile", Map.of("key", "DIGI-1"), null)
                + SandboxFixture.macro("evidence-flags", Map.of(), null)
                + SandboxFixture.macro("decision-register", Map.of("implementation", "open,in-progress,done",
                "page-size", "100"), null), Set.of(), "forms");
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    @Test
    void everyFormOfAPageCarriesTheOneTokenItsAnswerSets() throws Exception {
        SandboxBrowser browser = new SandboxBrowser(server);
        HttpResponse<String> view = browser.get("/pages/viewpage.action?pageId=" + page.getId(), "cdo", "de");
        assertEquals(200, view.statusCode());
        List<String> cookies = view.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("atl.xsrf.token=")).toList();
        assertEquals(1, cookies.size(), "one XSRF cookie for the whole page: " + cookies);
        String token = cookies.get(0).substring("atl.xsrf.token=".length()).split(";")[0];

        List<String> actions = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>();
        Matcher form = FORM.matcher(view.body());
        while (form.find()) {
            Matcher t = TOKEN.matcher(form.group(2));
            if (t.find()) {
                actions.add(form.group(1));
                tokens.add(t.group(1));
            }
        }
        assertTrue(actions.stream().anyMatch(a -> a.contains("/decision-implementation?")), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a.contains("/project-publication")), actions.toString());
        assertTrue(actions.size() > 3, "several forms: " + actions);
        assertEquals(Set.of(token), tokens, "every form carries the cookie's token");

        // The first form of the page, sent back with the cookie the browser kept, is taken.
        String first = actions.get(0);
        assertTrue(first.contains("/decision-implementation?decision="), first);
        long id = Long.parseLong(first.substring(first.indexOf("decision=") + "decision=".length()));
        Decision d = fixture.sandbox.decisions.all().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        ImplementationState to = d.implementation() == ImplementationState.DONE ? ImplementationState.IN_PROGRESS
                : ImplementationState.DONE;
        HttpResponse<String> sent = browser.post(first, SandboxBrowser.form("state", to.code(),
                "pageId", Long.toString(page.getId()), "atl_token", token));
        assertEquals(303, sent.statusCode(), sent.body());
        assertTrue(sent.headers().firstValue("Location").orElse("").contains("cockpit-implementation=saved"),
                sent.headers().toString());
        assertEquals(to, fixture.sandbox.decisions.all().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow().implementation());
    }
}
