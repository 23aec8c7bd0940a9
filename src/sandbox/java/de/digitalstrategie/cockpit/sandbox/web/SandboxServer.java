package de.digitalstrategie.cockpit.sandbox.web;

import com.atlassian.confluence.security.Permission;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxMailQueue;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;
import de.digitalstrategie.cockpit.sandbox.host.Html;
import java.io.PrintWriter;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's web front on an embedded servlet container, like Confluence's: start page, pages
 * rendered through the plugin's macros, the plugin's web resources and servlets, page creation
 * from the plugin's blueprints, and health. Thin on purpose: a filter decides who views a request
 * and in which language, binds the request as Confluence does, and hands over.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private static final String RESOURCES = "/download/resources/de.digitalstrategie.cockpit:cockpit-resources/";
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=UTF-8", "png", "image/png",
            "svg", "image/svg+xml", "woff", "font/woff", "woff2", "font/woff2", "ttf", "font/ttf", "eot",
            "application/vnd.ms-fontobject", "gif", "image/gif", "html", "text/html; charset=UTF-8");
    private final Sandbox sandbox;
    private final Server server;
    private final ServerConnector connector;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path aui;

    public SandboxServer(Sandbox sandbox, String host, int port) {
        this.sandbox = sandbox;
        this.aui = Path.of(System.getProperty("cockpit.aui",
                "src/test/browser/node_modules/@atlassian/aui/dist/aui")).toAbsolutePath();
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new RequestFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Route(this::startPage)), "");
        context.addServlet(new ServletHolder(new Route(this::notFound)), "/");
        context.addServlet(new ServletHolder(new Route(this::health)), "/health");
        context.addServlet(new ServletHolder(new Route(this::page)), "/pages/viewpage.action");
        context.addServlet(new ServletHolder(new Route(this::create)), "/create");
        context.addServlet(new ServletHolder(new Route((req, res) -> resource(res, "/" + req.getPathInfo()))),
                RESOURCES + "*");
        context.addServlet(new ServletHolder(new Route((req, res) -> resource(res, "/sandbox/static/sandbox.css"))),
                "/sandbox.css");
        // The example page for the city's web team: a public project profile embedded as on the platform.
        context.addServlet(new ServletHolder(new Route((req, res) -> resource(res,
                "/sandbox/static/public-profile-example.html"))), "/public-profile-example.html");
        context.addServlet(new ServletHolder(new Route(this::aui)), "/aui/*");
        context.addServlet(new ServletHolder(new Route(this::mail)), "/sandbox/mail");
        sandbox.servlets().forEach((path, servlet) -> {
            context.addServlet(new ServletHolder(servlet), path);
            context.addFilter(new FilterHolder(new Decorator()), path, EnumSet.of(DispatcherType.REQUEST));
        });
        context.addServlet(new ServletHolder(RestHost.servlet(sandbox.restResources(), sandbox.users)), RestHost.PATH);
        // Errors of the plugin's servlets show a status and a message, never a stack trace.
        org.eclipse.jetty.server.handler.ErrorHandler errors = new org.eclipse.jetty.server.handler.ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        errors.setShowMessageInTitle(false);
        context.setErrorHandler(errors);
        server.setHandler(context);
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("The sandbox cannot start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Stopping the sandbox", e);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    /** A route of the sandbox's own; errors become a plain 500, never a stack trace. */
    private static final class Route extends HttpServlet {
        private final transient Handler handler;

        Route(Handler handler) {
            this.handler = handler;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                handler.handle(request, response);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Request failed: " + request.getRequestURI(), e);
                if (!response.isCommitted()) {
                    response.reset();
                    send(response, 500, "text/plain; charset=UTF-8", "500");
                }
            }
        }
    }

    /**
     * Binds a request the way Confluence does before any plugin code runs: the user (chosen
     * with ?as=, remembered in a cookie), the language (?lang= or Accept-Language), the request.
     */
    /**
     * What Confluence's Sitemesh decorator does for a plugin servlet's page that names one
     * ({@code <meta name="decorator" content="atl.admin">}): links the web resources the servlet
     * required into the page's head. A page that names no decorator is sent as the servlet wrote it.
     */
    private final class Decorator implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletResponse response = (HttpServletResponse) res;
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            javax.servlet.ServletOutputStream bytes = new javax.servlet.ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(javax.servlet.WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            PrintWriter text = new PrintWriter(new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            // The decorator changes the page's length: the servlet's own length cannot stand.
            javax.servlet.http.HttpServletResponseWrapper capture = new javax.servlet.http.HttpServletResponseWrapper(response) {
                @Override
                public javax.servlet.ServletOutputStream getOutputStream() {
                    return bytes;
                }

                @Override
                public PrintWriter getWriter() {
                    return text;
                }

                @Override
                public void setContentLength(int length) {
                }

                @Override
                public void setContentLengthLong(long length) {
                }
            };
            chain.doFilter(req, capture);
            text.flush();
            String type = String.valueOf(response.getContentType());
            byte[] out = buffer.toByteArray();
            if (type.startsWith("text/html")) {
                String html = new String(out, StandardCharsets.UTF_8);
                int head = html.indexOf("</head>");
                if (head >= 0 && html.contains("<meta name=\"decorator\"")) {
                    StringBuilder links = new StringBuilder();
                    for (String href : sandbox.host.webResources.styleSheets()) {
                        links.append("<link rel=\"stylesheet\" href=\"").append(Html.escape(href)).append("\">\n");
                    }
                    out = (html.substring(0, head) + links + html.substring(head)).getBytes(StandardCharsets.UTF_8);
                }
            }
            response.setContentLength(out.length);
            response.getOutputStream().write(out);
        }
    }

    private final class RequestFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String as = choose(request, response, "as", "sandbox-user");
            String lang = choose(request, response, "lang", "sandbox-lang");
            Locale locale = lang != null ? ("en".equals(lang) ? Locale.ENGLISH : Locale.GERMAN)
                    : acceptLanguage(request);
            DemoUser viewer = as == null ? null : sandbox.users.user(as).orElse(null);
            sandbox.users.actAs(viewer);
            // The request in atlassian-core's ServletContextThreadLocal, where the plugin reads it.
            sandbox.request.enter(locale, request, response);
            sandbox.host.webResources.begin();
            response.setHeader("X-Content-Type-Options", "nosniff");
            // Deliberately no script-src rule: Confluence pages run scripts, so the sandbox must not
            // hide an escaping bug behind a policy the real host does not have.
            response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            try {
                chain.doFilter(request, response);
            } finally {
                sandbox.request.leave();
                sandbox.users.actAs(null);
            }
        }

        private String choose(HttpServletRequest request, HttpServletResponse response, String param, String cookie) {
            String value = request.getParameter(param);
            if (value != null) {
                Cookie c = new Cookie(cookie, value.replaceAll("[^A-Za-z0-9_-]", ""));
                c.setPath("/");
                c.setHttpOnly(true);
                response.addCookie(c);
                return value;
            }
            Cookie[] cookies = request.getCookies();
            return cookies == null ? null : Arrays.stream(cookies).filter(c -> c.getName().equals(cookie))
                    .map(Cookie::getValue).findFirst().orElse(null);
        }
    }

    private DemoUser viewer() {
        return (DemoUser) sandbox.users.getRemoteUser();
    }

    private Locale locale() {
        return sandbox.request.getLocale();
    }

    private Map<String, Object> layout(String title, Long pageId) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("i18n", new Texts(sandbox.sandboxI18n, sandbox.i18n, locale()));
        context.put("title", title);
        context.put("pageId", pageId);
        context.put("auiAvailable", Files.isRegularFile(aui.resolve("aui-prototyping.css")));
        List<StartPage.User> users = new ArrayList<>();
        DemoUser viewer = viewer();
        sandbox.users.users().forEach(u -> users.add(new StartPage.User(u.key(), u.fullName(),
                viewer != null && viewer.key().equals(u.key()))));
        context.put("users", users);
        List<StartPage.Link> nav = new ArrayList<>();
        for (SandboxPage p : sandbox.pages.all()) {
            if (!"minutes".equals(p.kind()) && sandbox.permissions.hasPermission(viewer, Permission.VIEW, p)) {
                nav.add(new StartPage.Link(p.getId(), p.getTitle()));
            }
        }
        context.put("nav", nav);
        context.put("jiraConfigured", sandbox.jira.settings().configured());
        // Only what the page's macros required (render the body before the layout).
        context.put("styleSheets", sandbox.host.webResources.styleSheets());
        return context;
    }

    private String render(String template, Map<String, Object> context) throws IOException {
        StringWriter html = new StringWriter();
        sandbox.templates.render(template, context, html);
        return html.toString();
    }

    private void startPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> context = layout(sandbox.sandboxI18n.getText(locale(), "sandbox.home"), null);
        context.put("page", new StartPage(sandbox, locale(), viewer()));
        send(response, 200, "text/html; charset=UTF-8", render("sandbox/templates/start.vm", context));
    }

    /**
     * The mail the plugin sent through this node, as each recipient's inbox: the viewer's own
     * messages, newest first, each body in a frame without scripts, and who else was sent mail (to
     * view as them). Nobody reads another's message here: a reminder names what only its recipient
     * may see.
     */
    private void mail(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoUser viewer = viewer();
        if (viewer == null) {
            send(response, 403, "text/plain; charset=UTF-8", sandbox.sandboxI18n.getText(locale(), "sandbox.mail.sign-in"));
            return;
        }
        Map<String, Object> context = layout(sandbox.sandboxI18n.getText(locale(), "sandbox.mail.title"), null);
        List<SandboxMailQueue.Sent> mine = new ArrayList<>();
        java.util.SortedSet<String> recipients = new java.util.TreeSet<>();
        for (SandboxMailQueue.Sent s : sandbox.host.mail.sent()) {
            recipients.add(s.to());
            if (s.to().equalsIgnoreCase(viewer.getEmail())) {
                mine.add(0, s);
            }
        }
        List<StartPage.User> others = new ArrayList<>();
        for (DemoUser u : sandbox.users.users()) {
            if (recipients.contains(u.getEmail())) {
                others.add(new StartPage.User(u.key(), u.fullName(), u.key().equals(viewer.key())));
            }
        }
        context.put("mail", mine);
        context.put("hasMail", !mine.isEmpty());
        context.put("recipients", others);
        response.setHeader("Cache-Control", "no-store");
        send(response, 200, "text/html; charset=UTF-8", render("sandbox/templates/mail.vm", context));
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, 404, "text/plain; charset=UTF-8", "404");
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(String.valueOf(request.getParameter("pageId")));
        } catch (NumberFormatException e) {
            id = -1;
        }
        SandboxPage page = sandbox.pages.find(id)
                .filter(p -> sandbox.permissions.hasPermission(viewer(), Permission.VIEW, p)).orElse(null);
        if (page == null) {
            Map<String, Object> context = layout(sandbox.sandboxI18n.getText(locale(), "sandbox.page.missing"), null);
            context.put("meta", "–");
            context.put("bodyHtml", "");
            send(response, 404, "text/html; charset=UTF-8", render("sandbox/templates/page.vm", context));
            return;
        }
        String output = "pdf".equals(request.getParameter("output")) ? "pdf" : "display";
        String body = sandbox.renderer.render(page.getBodyAsString(), new SandboxConversionContext(page, output));
        Map<String, Object> context = layout(page.getTitle(), page.getId());
        context.put("meta", page.getSpaceKey());
        context.put("bodyHtml", body);
        send(response, 200, "text/html; charset=UTF-8", render("sandbox/templates/page.vm", context));
    }

    /** A minutes page from one of the plugin's blueprints: GET shows the form, POST creates the page. */
    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoUser viewer = viewer();
        if ("POST".equals(request.getMethod())) {
            String blueprint = String.valueOf(request.getParameter("blueprint"));
            if (viewer == null || !sandbox.xsrf.validateFormEncodedToken(request)
                    || !Set.of("steering-minutes", "advisory-minutes").contains(blueprint)) {
                send(response, 403, "text/plain; charset=UTF-8", "403");
                return;
            }
            String template;
            try (InputStream in = SandboxServer.class.getResourceAsStream("/templates/blueprints/" + blueprint + ".xml")) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String title = String.valueOf(request.getParameter("title")).strip();
            String body = template
                    .replace("<at:var at:name=\"date\" />", Html.escape(String.valueOf(request.getParameter("date"))))
                    .replace("<at:var at:name=\"location\" />", Html.escape(String.valueOf(request.getParameter("location"))))
                    .replace("<at:var at:name=\"secretary\" />", Html.escape(viewer.fullName()))
                    .replace("<at:var at:name=\"attendees\" />", "")
                    // Confluence's editor gives every macro an id when the page is saved.
                    .replace("ac:schema-version=\"1\">", "ac:schema-version=\"1\" ac:macro-id=\"" + UUID.randomUUID() + "\">");
            // The blueprint creates the page where the body's minutes live: the first of its places
            // (in Confluence the create dialog offers the space; the places are the administrator's).
            BodyKind kind = blueprint.startsWith("steering") ? BodyKind.STEERING_COMMITTEE : BodyKind.ADVISORY_BOARD;
            Places place = sandbox.committee.bodies().stream().filter(b -> b.kind() == kind).findFirst()
                    .map(b -> sandbox.minutesPlaces.load(b.key())).orElse(Places.NONE);
            String space = place.spaceKeys().stream().findFirst().orElse("DIGI");
            long parent = place.spaceKeys().isEmpty() ? place.pageTrees().stream().findFirst().orElse(0L) : 0L;
            SandboxPage page = sandbox.pages.create(sandbox.pages.reserveId(), space, parent,
                    title.isEmpty() || "null".equals(title) ? "Protokoll" : title, body, Set.of(), "minutes",
                    viewer.key());
            response.setStatus(303);
            response.setHeader("Location", "/pages/viewpage.action?pageId=" + page.getId());
            return;
        }
        String blueprint = "advisory-minutes".equals(request.getParameter("blueprint")) ? "advisory-minutes"
                : "steering-minutes";
        String kind = blueprint.startsWith("steering") ? "steering" : "advisory";
        String label = sandbox.i18n.getText(locale(), "cockpit.blueprint." + kind + ".name");
        Map<String, Object> context = layout(label, null);
        if (viewer == null) {
            context.put("meta", "–");
            context.put("bodyHtml", "<p>" + Html.escape(sandbox.sandboxI18n.getText(locale(), "sandbox.create.login"))
                    + "</p>");
            send(response, 200, "text/html; charset=UTF-8", render("sandbox/templates/page.vm", context));
            return;
        }
        context.put("blueprint", blueprint);
        context.put("xsrfName", sandbox.xsrf.getXsrfParameterName());
        context.put("xsrf", sandbox.xsrf.getXsrfToken(request, response, true));
        context.put("defaultTitle", label);
        send(response, 200, "text/html; charset=UTF-8", render("sandbox/templates/create.vm", context));
    }

    private void health(HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(response, 200, "application/json; charset=UTF-8", json.writeValueAsString(Health.of(sandbox)));
    }

    private void resource(HttpServletResponse response, String path) throws IOException {
        String clean = path.replace("//", "/");
        if (clean.contains("..")) {
            send(response, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        String resource = clean.startsWith("/sandbox/") ? clean : (clean.endsWith(".css") ? "/css" + clean : clean);
        try (InputStream in = SandboxServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                send(response, 404, "text/plain; charset=UTF-8", "404");
                return;
            }
            sendBytes(response, 200, type(clean), in.readAllBytes());
        }
    }

    private void aui(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Path file = aui.resolve(String.valueOf(request.getPathInfo()).replaceFirst("^/", "")).normalize();
        if (!file.startsWith(aui) || !Files.isRegularFile(file)) {
            send(response, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        sendBytes(response, 200, type(file.toString()), Files.readAllBytes(file));
    }

    private static String type(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static Locale acceptLanguage(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
    }

    static void send(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        sendBytes(response, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void sendBytes(HttpServletResponse response, int status, String contentType, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
