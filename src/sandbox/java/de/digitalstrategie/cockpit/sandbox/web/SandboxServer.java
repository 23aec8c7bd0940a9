package de.digitalstrategie.cockpit.sandbox.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's HTTP front: the start page and the health endpoint. Thin on purpose: it chooses
 * the viewer and the language for a request and hands over to plugin code and templates.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private final Sandbox sandbox;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SandboxServer(Sandbox sandbox, String host, int port) throws IOException {
        this.sandbox = sandbox;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, this::startPage));
        server.createContext("/health", exchange -> handle(exchange, this::health));
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
    private interface Page {
        void serve(HttpExchange exchange, Request request) throws IOException;
    }

    /** What the sandbox decided about a request: who views it, in which language. */
    record Request(Locale locale, DemoUser viewer, Map<String, String> query) {
    }

    private void handle(HttpExchange exchange, Page page) {
        try {
            Map<String, String> query = query(exchange);
            Request request = new Request(locale(exchange, query),
                    sandbox.users.user(query.getOrDefault("as", "")).orElse(null), query);
            sandbox.users.actAs(request.viewer());
            try {
                page.serve(exchange, request);
            } finally {
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

    private void startPage(HttpExchange exchange, Request request) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "text/plain; charset=UTF-8", "404");
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("page", new StartPage(sandbox, request.locale(), request.viewer()));
        context.put("i18n", new Texts(sandbox.sandboxI18n, sandbox.i18n, request.locale()));
        StringWriter html = new StringWriter();
        sandbox.templates.render("sandbox/templates/start.vm", context, html);
        send(exchange, 200, "text/html; charset=UTF-8", html.toString());
    }

    private void health(HttpExchange exchange, Request request) throws IOException {
        send(exchange, 200, "application/json; charset=UTF-8", json.writeValueAsString(Health.of(sandbox)));
    }

    private static Locale locale(HttpExchange exchange, Map<String, String> query) {
        String lang = query.get("lang");
        if (lang == null) {
            String accept = exchange.getRequestHeaders().getFirst("Accept-Language");
            lang = accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "de";
        }
        return "en".equals(lang) ? Locale.ENGLISH : Locale.GERMAN;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
