package de.digitalstrategie.cockpit.render;

import com.atlassian.core.filters.ServletContextThreadLocal;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query of the page request a macro renders in, read as Confluence hands it to the plugin: a
 * real HTTP request through a servlet container, bound in atlassian-core's ServletContextThreadLocal
 * as Confluence's filter binds it, under a context path.
 */
class RequestParametersTest {
    private static Server server;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What the plugin read during the last request. */
    private static final AtomicReference<Read> LAST = new AtomicReference<>();

    private record Read(Map<String, List<String>> all, String contextPath, Optional<String> first) {
    }

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/confluence");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                ServletContextThreadLocal.setRequest(request);
                try {
                    RequestParameters parameters = new ServletRequestParameters();
                    LAST.set(new Read(parameters.all(), parameters.contextPath(), parameters.first("m1.page")));
                } finally {
                    ServletContextThreadLocal.setRequest(null);
                }
                response.setStatus(204);
            }
        }), "/pages/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/confluence/pages/viewpage.action");
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static Read get(String query) throws Exception {
        LAST.set(null);
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "?" + query)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, response.statusCode());
        return LAST.get();
    }

    @Test
    void everyParameterInOrderWithEveryValueDecoded() throws Exception {
        Read read = get("pageId=4711&m1.page=2&m1.field=3.1&m1.field=3.4&m1.text=B%C3%BCrgerb%C3%BCro+%26+mehr"
                + "&m2.text=%3Cscript%3E%22");
        assertEquals(List.of("pageId", "m1.page", "m1.field", "m1.text", "m2.text"), List.copyOf(read.all().keySet()));
        assertEquals(List.of("3.1", "3.4"), read.all().get("m1.field"), "a repeated parameter keeps all its values");
        assertEquals(List.of("Bürgerbüro & mehr"), read.all().get("m1.text"));
        assertEquals(List.of("<script>\""), read.all().get("m2.text"), "decoded as sent: escaping is the views' job");
        assertEquals(Optional.of("2"), read.first());
        assertEquals("/confluence", read.contextPath(), "links to REST resources start with the context path");
    }

    @Test
    void absentAndEmptyParameters() throws Exception {
        assertEquals(Optional.empty(), get("pageId=1").first());
        assertEquals(Optional.of(""), get("m1.page=&m1.page=3").first(), "the first value, even when empty");
    }

    @Test
    void outsideARequestThereAreNone() {
        RequestParameters parameters = new ServletRequestParameters();
        assertTrue(parameters.all().isEmpty(), "an export job renders without a request");
        assertEquals("", parameters.contextPath());
        assertEquals(Optional.empty(), parameters.first("m1.page"));
    }

    @Test
    void aMacroReadsOnlyItsOwnParametersAndOnlyWhileSomeoneViewsThePage() throws Exception {
        Read read = get("m1.page=+2+&m1.text=%20&m12.page=9&page=7");
        MacroRequest view = new MacroRequest(null, null, true, "m1", read.all(), 4711, null, read.contextPath(), null);
        assertEquals(Optional.of("2"), view.own("page"), "trimmed");
        assertEquals(Optional.empty(), view.own("text"), "blank is not a choice");
        assertEquals(Optional.empty(), view.own("sort"));
        assertEquals("m1.page", view.ownName("page"));
        MacroRequest other = new MacroRequest(null, null, true, "m12", read.all(), 4711, null, "", null);
        assertEquals(Optional.of("9"), other.own("page"), "another macro on the page keeps its own state");
        MacroRequest export = new MacroRequest(null, null, false, "m1", read.all(), 4711, null, "", null);
        assertEquals(Optional.empty(), export.own("page"), "an export shows the page as written");
    }

    @Test
    void linksChangeTheMacrosOwnParametersAndKeepEveryOther() throws Exception {
        Read read = get("pageId=4711&m1.page=2&m2.page=5&m1.field=3.1&m1.field=3.4");
        Links links = new Links(read.all());
        assertEquals("?pageId=4711&m1.page=3&m2.page=5&m1.field=3.1&m1.field=3.4",
                links.with(Map.of("m1.page", "3")));
        assertEquals("?pageId=4711&m2.page=5&m1.field=3.1&m1.field=3.4", links.with(Map.of("m1.page", "")),
                "an empty value removes the parameter");
        assertEquals("?pageId=4711&m1.page=2&m2.page=5&m1.field=3.1&m1.field=3.4&m1.text=a%26b%3Dc+%22%3E%3C",
                links.with(Map.of("m1.text", "a&b=c \"><")), "values are encoded, so none adds a parameter");
        assertEquals(Map.of("pageId", "4711", "m2.page", "5"), links.othersThan("m1."));
    }
}
