package de.digitalstrategie.cockpit.sandbox.web;

import com.atlassian.confluence.security.Permission;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's HTTP front: start page, pages (rendered through the plugin's macros), the
 * plugin's web resources, page creation from the plugin's blueprints, and health. Thin on purpose:
 * it decides who views a request and in which language, then hands over to plugin code.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private static final String RESOURCES = "/download/resources/de.digitalstrategie.cockpit:cockpit-resources/";
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=UTF-8", "png", "image/png",
            "svg", "image/svg+xml", "woff", "font/woff", "woff2", "font/woff2", "ttf", "font/ttf", "eot",
            "application/vnd.ms-fontobject", "gif", "image/gif");
    private final Sandbox sandbox;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path aui;
    private final byte[] xsrfSecret = new byte[32];

    public SandboxServer(Sandbox sandbox, String host, int port) throws IOException {
        this.sandbox = sandbox;
        this.aui = Path.of(System.getProperty("cockpit.aui",
                "src/test/browser/node_modules/@atlassian/aui/dist/aui")).toAbsolutePath();
        new SecureRandom().nextBytes(xsrfSecret);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, this::startPage));
        server.createContext("/health", exchange -> handle(exchange, this::health));
        server.createContext("/pages/viewpage.action", exchange -> handle(exchange, this::page));
        server.createContext("/create", exchange -> handle(exchange, this::create));
        server.createContext(RESOURCES, exchange -> handle(exchange, (x, r) -> resource(x,
                "/" + x.getRequestURI().getPath().substring(RESOURCES.length()))));
        server.createContext("/sandbox.css", exchange -> handle(exchange, (x, r) -> resource(x, "/sandbox/static/sandbox.css")));
        server.createContext("/aui/", exchange -> handle(exchange, this::aui));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @FunctionalInterface
    private interface Route {
        void serve(HttpExchange exchange, Request request) throws IOException;
    }

    /** What the sandbox decided about a request: who views it, in which language, with which parameters. */
    record Request(Locale locale, DemoUser viewer, Map<String, List<String>> query) {
        String first(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private void handle(HttpExchange exchange, Route route) {
        try {
            Map<String, List<String>> query = parse(exchange.getRequestURI().getRawQuery());
            Map<String, String> cookies = cookies(exchange);
            String as = first(query, "as", cookies.get("sandbox-user"));
            String lang = first(query, "lang", cookies.get("sandbox-lang"));
            if (query.containsKey("as")) {
                exchange.getResponseHeaders().add("Set-Cookie", "sandbox-user=" + safeCookie(as) + "; Path=/; SameSite=Lax");
            }
            if (query.containsKey("lang")) {
                exchange.getResponseHeaders().add("Set-Cookie", "sandbox-lang=" + safeCookie(lang) + "; Path=/; SameSite=Lax");
            }
            Locale locale = lang != null ? ("en".equals(lang) ? Locale.ENGLISH : Locale.GERMAN)
                    : acceptLanguage(exchange);
            DemoUser viewer = as == null ? null : sandbox.users.user(as).orElse(null);
            Request request = new Request(locale, viewer, query);
            sandbox.users.actAs(viewer);
            sandbox.request.enter(locale, query);
            try {
                route.serve(exchange, request);
            } finally {
                sandbox.request.leave();
                sandbox.users.actAs(null);
            }
        } catch (Exception e) {
            // Never a stack trace to the client: log it, answer with a plain 500.
            LOG.log(Level.SEVERE, "Request failed: " + exchange.getRequestURI().getPath(), e);
            try {
                send(exchange, 500, "text/plain; charset=UTF-8", "500");
            } catch (IOException ignored) {
                // the client is gone
            }
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> layout(Request request, String title, Long pageId) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("i18n", new Texts(sandbox.sandboxI18n, sandbox.i18n, request.locale()));
        context.put("title", title);
        context.put("pageId", pageId);
        context.put("auiAvailable", Files.isRegularFile(aui.resolve("aui-prototyping.css")));
        List<StartPage.User> users = new ArrayList<>();
        sandbox.users.users().forEach(u -> users.add(new StartPage.User(u.key(), u.fullName(),
                request.viewer() != null && request.viewer().key().equals(u.key()))));
        context.put("users", users);
        List<StartPage.Link> nav = new ArrayList<>();
        for (SandboxPage p : sandbox.pages.all()) {
            if (!"minutes".equals(p.kind()) && sandbox.permissions.hasPermission(request.viewer(), Permission.VIEW, p)) {
                nav.add(new StartPage.Link(p.getId(), p.getTitle()));
            }
        }
        context.put("nav", nav);
        return context;
    }

    private String render(String template, Map<String, Object> context) throws IOException {
        StringWriter html = new StringWriter();
        sandbox.templates.render(template, context, html);
        return html.toString();
    }

    private void startPage(HttpExchange exchange, Request request) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        Map<String, Object> context = layout(request, sandbox.sandboxI18n.getText(request.locale(), "sandbox.home"), null);
        context.put("page", new StartPage(sandbox, request.locale(), request.viewer()));
        send(exchange, 200, "text/html; charset=UTF-8", render("sandbox/templates/start.vm", context));
    }

    private void page(HttpExchange exchange, Request request) throws IOException {
        long id;
        try {
            id = Long.parseLong(String.valueOf(request.first("pageId")));
        } catch (NumberFormatException e) {
            id = -1;
        }
        SandboxPage page = sandbox.pages.find(id)
                .filter(p -> sandbox.permissions.hasPermission(request.viewer(), Permission.VIEW, p)).orElse(null);
        if (page == null) {
            Map<String, Object> context = layout(request, sandbox.sandboxI18n.getText(request.locale(),
                    "sandbox.page.missing"), null);
            context.put("meta", "–");
            context.put("bodyHtml", "");
            send(exchange, 404, "text/html; charset=UTF-8", render("sandbox/templates/page.vm", context));
            return;
        }
        String output = "pdf".equals(request.first("output")) ? "pdf" : "display";
        String body = sandbox.renderer.render(page.getBodyAsString(), new SandboxConversionContext(page, output));
        Map<String, Object> context = layout(request, page.getTitle(), page.getId());
        context.put("meta", page.getSpaceKey());
        context.put("bodyHtml", body);
        send(exchange, 200, "text/html; charset=UTF-8", render("sandbox/templates/page.vm", context));
    }

    /** A minutes page from one of the plugin's blueprints: GET shows the form, POST creates the page. */
    private void create(HttpExchange exchange, Request request) throws IOException {
        String method = exchange.getRequestMethod();
        if ("POST".equals(method)) {
            Map<String, List<String>> form = parse(new String(exchange.getRequestBody().readNBytes(64 * 1024),
                    StandardCharsets.UTF_8));
            String blueprint = first(form, "blueprint", "");
            if (request.viewer() == null || !xsrf(request.viewer()).equals(first(form, "xsrf", ""))
                    || !Set.of("steering-minutes", "advisory-minutes").contains(blueprint)) {
                send(exchange, 403, "text/plain; charset=UTF-8", "403");
                return;
            }
            String template = new String(resourceBytes("/templates/blueprints/" + blueprint + ".xml"), StandardCharsets.UTF_8);
            String title = first(form, "title", "").strip();
            String body = template
                    .replace("<at:var at:name=\"date\" />", xml(first(form, "date", "")))
                    .replace("<at:var at:name=\"location\" />", xml(first(form, "location", "")))
                    .replace("<at:var at:name=\"secretary\" />", xml(request.viewer().fullName()))
                    .replace("<at:var at:name=\"attendees\" />", "")
                    // Confluence's editor gives every macro an id when the page is saved.
                    .replace("ac:schema-version=\"1\">", "ac:schema-version=\"1\" ac:macro-id=\"" + UUID.randomUUID() + "\">");
            SandboxPage page = sandbox.pages.create("DIGI", title.isEmpty() ? "Protokoll" : title, body, Set.of(), "minutes");
            exchange.getResponseHeaders().set("Location", "/pages/viewpage.action?pageId=" + page.getId());
            send(exchange, 303, "text/plain; charset=UTF-8", "");
            return;
        }
        String blueprint = "advisory-minutes".equals(request.first("blueprint")) ? "advisory-minutes" : "steering-minutes";
        String kind = blueprint.startsWith("steering") ? "steering" : "advisory";
        String label = sandbox.i18n.getText(request.locale(), "cockpit.blueprint." + kind + ".name");
        Map<String, Object> context = layout(request, label, null);
        if (request.viewer() == null) {
            context.put("meta", "–");
            context.put("bodyHtml", "<p>" + de.digitalstrategie.cockpit.sandbox.host.Html.escape(
                    sandbox.sandboxI18n.getText(request.locale(), "sandbox.create.login")) + "</p>");
            send(exchange, 200, "text/html; charset=UTF-8", render("sandbox/templates/page.vm", context));
            return;
        }
        context.put("blueprint", blueprint);
        context.put("xsrf", xsrf(request.viewer()));
        context.put("defaultTitle", label);
        send(exchange, 200, "text/html; charset=UTF-8", render("sandbox/templates/create.vm", context));
    }

    private String xsrf(DemoUser user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(xsrfSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(user.key().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void health(HttpExchange exchange, Request request) throws IOException {
        send(exchange, 200, "application/json; charset=UTF-8", json.writeValueAsString(Health.of(sandbox)));
    }

    private void resource(HttpExchange exchange, String path) throws IOException {
        if (path.contains("..")) {
            send(exchange, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        byte[] bytes = resourceBytes(path.startsWith("/sandbox/") ? path : (path.endsWith(".css") ? "/css" + path : path));
        if (bytes == null) {
            send(exchange, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        sendBytes(exchange, 200, type(path), bytes);
    }

    private void aui(HttpExchange exchange, Request request) throws IOException {
        Path file = aui.resolve(exchange.getRequestURI().getPath().substring("/aui/".length())).normalize();
        if (!file.startsWith(aui) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        sendBytes(exchange, 200, type(file.toString()), Files.readAllBytes(file));
    }

    private static byte[] resourceBytes(String path) throws IOException {
        try (InputStream in = SandboxServer.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String type(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static String xml(String text) {
        return de.digitalstrategie.cockpit.sandbox.host.Html.escape(text);
    }

    private static Locale acceptLanguage(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
    }

    private static String first(Map<String, List<String>> values, String name, String fallback) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    private static String safeCookie(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9_-]", "");
    }

    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> cookies = new LinkedHashMap<>();
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers != null) {
            for (String header : headers) {
                for (String part : header.split(";")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        cookies.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                    }
                }
            }
        }
        return cookies;
    }

    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq > 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
                String value = eq > 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        sendBytes(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // Deliberately no script-src rule: Confluence pages run scripts, so the sandbox must not hide
        // an escaping bug behind a policy the real host does not have.
        exchange.getResponseHeaders().set("Content-Security-Policy", "frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
