package de.digitalstrategie.cockpit.testing.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stateful stand-in for Jira Data Center's REST API v2, served over real HTTP on 127.0.0.1, for
 * tests of everything that talks to Jira: the client, the sync, the outbox, benchmarks.
 *
 * <p>It keeps projects, issues (with summary, description, labels, custom fields, links, and
 * "created"/"updated" from its own clock, {@link #advance}), issue types, issue type schemes
 * (a new type joins only the default scheme; a project on a scheme of its own refuses an issue of
 * a type its scheme lacks, {@link #createIssueTypeScheme}), fields and link types,
 * and answers in Jira's JSON shapes, with Jira's error bodies: 401 for an unknown token, 403 for a
 * non-admin creating metadata, 404 for unknown issues and projects, 400 for bad input and bad JQL.
 * Search caps maxResults like jira.search.views.default.max and refuses startAt + maxResults beyond
 * {@value #RESULT_WINDOW}; its JQL is the subset {@link Jql} describes. Failures are injected with
 * {@link #failNext}, {@link #stop} and {@link #restart}; {@link #requests()} shows what was asked.
 *
 * <p>Known differences from Jira: a moved issue's old key is gone (Jira still resolves it to the
 * moved issue), there are no workflows, statuses or changelogs, and of the permissions only who
 * may browse a project ({@link #grantBrowse}) as the user search reports it: search, issue reads
 * and create metadata answer every token regardless.
 */
public final class JiraDouble implements AutoCloseable {
    /** Jira's default for jira.search.views.default.max. */
    public static final int DEFAULT_SEARCH_LIMIT = 1000;
    /** Jira DC refuses a search page whose startAt + maxResults exceeds this. */
    public static final int RESULT_WINDOW = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/api/2";
    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // Jira's Tomcat sends with TCP_NODELAY. The JDK's server does not by default, and then an
        // answer written in two parts (headers, body) waits for the client's delayed ACK: about
        // 40 ms on every small answer (a count, a page of ten issues), which Jira never costs.
        // Read once, when the JDK's server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** A user behind a token; only admins may create issue types, fields and link types. */
    public record User(String token, String name, boolean admin) {
        @Override
        public String toString() {
            return "User[" + name + (admin ? ", admin" : "") + "]";
        }
    }

    public static final class Builder {
        private final Map<String, User> users = new LinkedHashMap<>();
        private int searchLimit = DEFAULT_SEARCH_LIMIT;
        private ZoneId zone = ZoneId.of("Europe/Berlin");
        private Instant now = Instant.parse("2026-11-20T08:00:00Z");
        private String contextPath = "/jira";
        private Duration timeoutHold = Duration.ofSeconds(2);

        private Builder() {
        }

        public Builder user(String token, String name, boolean admin) {
            users.put(token, new User(token, name, admin));
            return this;
        }

        /** The most results one search page returns (Jira's jira.search.views.default.max). */
        public Builder searchLimit(int limit) {
            this.searchLimit = limit;
            return this;
        }

        /** The users' time zone: JQL dates are read in it, dates are written in it. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** Where the clock starts. */
        public Builder now(Instant now) {
            this.now = now;
            return this;
        }

        /** The path Jira lives under, "/jira" by default (as behind many reverse proxies); "" for the root. */
        public Builder contextPath(String contextPath) {
            this.contextPath = contextPath.replaceAll("/+$", "");
            return this;
        }

        /** How long {@link Fault#timeout()} holds a request: longer than the client's read timeout. */
        public Builder timeoutHold(Duration hold) {
            this.timeoutHold = hold;
            return this;
        }

        public JiraDouble start() {
            if (users.isEmpty()) {
                throw new IllegalStateException("a Jira double needs at least one user (token)");
            }
            return new JiraDouble(this);
        }
    }

    private record Call(User user, String param, Map<String, String> query, JsonNode body) {
    }

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply of(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(Call call);
    }

    private record Route(String method, Pattern path, String endpoint, boolean adminOnly, Handler handler) {
    }

    private static final class FaultRule {
        final Fault fault;
        final String pathPrefix;
        int remaining;

        FaultRule(Fault fault, String pathPrefix, int remaining) {
            this.fault = fault;
            this.pathPrefix = pathPrefix;
            this.remaining = remaining;
        }
    }

    private final Map<String, User> users;
    private final int searchLimit;
    private final Duration timeoutHold;
    private final String contextPath;
    private final JiraData data;
    private final List<Route> routes;
    private final ExecutorService executor;
    private final List<LoggedRequest> log = new ArrayList<>();
    private final List<FaultRule> faults = new ArrayList<>();
    /**
     * The TCP connections seen, by the client's address and port, numbered in order: how the
     * double tells a request on a kept-alive connection from one on a new connection.
     */
    private final Map<java.net.InetSocketAddress, Long> connections = new java.util.HashMap<>();
    private final int port;
    private HttpServer server;
    /** Counted down to let held ("timed out") requests go when the server stops. */
    private volatile CountDownLatch release = new CountDownLatch(1);

    private JiraDouble(Builder builder) {
        this.users = Map.copyOf(builder.users);
        this.searchLimit = builder.searchLimit;
        this.timeoutHold = builder.timeoutHold;
        this.contextPath = builder.contextPath;
        this.data = new JiraData(builder.zone, builder.now);
        this.routes = routes();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "jira-double-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A double with one admin user behind {@code token}. */
    public static JiraDouble start(String token) {
        return builder().user(token, "cockpit", true).start();
    }

    /** The base URL to give the client, with the context path and no trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port + contextPath);
    }

    public int port() {
        return port;
    }

    public ZoneId zone() {
        return data.zone;
    }

    // --- the clock ---

    public Instant now() {
        return data.now();
    }

    public void advance(Duration duration) {
        data.advance(duration);
    }

    public void setNow(Instant now) {
        data.setNow(now);
    }

    /** The double's clock as a {@link Clock}, for code under test that must see the same time. */
    public Clock clock() {
        return new DoubleClock(data, data.zone);
    }

    private static final class DoubleClock extends Clock {
        private final JiraData data;
        private final ZoneId zone;

        DoubleClock(JiraData data, ZoneId zone) {
            this.data = data;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new DoubleClock(data, other);
        }

        @Override
        public Instant instant() {
            return data.now();
        }
    }

    /** An instant as Jira writes it, "2026-11-20T09:00:00.000+0100". */
    public String jiraDateTime(Instant instant) {
        return data.format(instant);
    }

    // --- content for tests ---

    /** @return the project's id */
    public String createProject(String key, String name) {
        return data.createProject(key, name).id();
    }

    /** Lets the Jira user browse the project (its issues, in search and on their own). */
    public void grantBrowse(String projectKey, String... userNames) {
        for (String user : userNames) {
            data.grantBrowse(projectKey, user);
        }
    }

    public void revokeBrowse(String projectKey, String userName) {
        data.revokeBrowse(projectKey, userName);
    }

    /** @return the issue type's id */
    public String createIssueType(String name) {
        return data.createIssueType(name, "", false).id();
    }

    /**
     * @param type e.g. "com.atlassian.jira.plugin.system.customfieldtypes:textfield"
     * @return the field's id, "customfield_100xx"
     */
    public String createCustomField(String name, String type) {
        return data.createField(name, type).id();
    }

    /**
     * An issue type scheme of its own for the projects named: they then offer only the issue
     * types listed (the first is the scheme's default), until an administrator adds more.
     *
     * @return the scheme's id
     */
    public String createIssueTypeScheme(String name, List<String> issueTypeNames, String... projectKeys) {
        return data.createIssueTypeScheme(name, issueTypeNames, List.of(projectKeys)).id;
    }

    /** The names of the issue types a project offers (its issue type scheme's). */
    public List<String> projectIssueTypes(String projectKey) {
        return data.projectIssueTypes(projectKey).stream().map(JiraData.IssueType::name).toList();
    }

    public void createLinkType(String name, String inward, String outward) {
        data.createLinkType(name, inward, outward);
    }

    /**
     * @param fields values by field id, in Jira's input shapes ("summary", "labels": List, "customfield_10000");
     *               summary defaults to "&lt;project&gt; issue 1"
     * @return the new key
     */
    public String createIssue(String project, String issueType, Map<String, Object> fields) {
        return data.createIssues(project, issueType, 1, i -> fields).get(0);
    }

    /**
     * Creates {@code n} issues at once, at the clock's current time, without HTTP: 10,000 take a
     * fraction of a second.
     *
     * @param fields the fields of the issue with index 0, 1, … n - 1 (see {@link #createIssue})
     * @return the new keys, in order
     */
    public List<String> createIssues(String project, String issueType, int n,
                                     Function<Integer, Map<String, Object>> fields) {
        return data.createIssues(project, issueType, n, fields);
    }

    /**
     * Moves the issue to another workflow status by name ("In Progress", "Done", "Open", …; see
     * {@code JiraData.STATUSES}), as a transition in Jira does: its status category follows, and
     * "updated" is now.
     */
    public void transition(String key, String statusName) {
        data.transition(key, statusName);
    }

    /** The issue's workflow status and its category key, e.g. "In Progress/indeterminate". */
    public String status(String key) {
        JiraData.Status status = data.status(data.issue(key));
        return status.name() + "/" + status.categoryKey();
    }

    /** Sets the issue's "updated" to now, as any edit would. */
    public void touch(String key) {
        data.touch(key);
    }

    public void delete(String key) {
        data.delete(key);
    }

    /** Moves the issue to another project: it gets a new key there, the old one is gone, "updated" is now. */
    public String move(String key, String newProject) {
        return data.move(key, newProject);
    }

    public void link(String type, String inwardKey, String outwardKey) {
        data.link(type, inwardKey, outwardKey);
    }

    public Optional<StoredIssue> find(String key) {
        return data.hasIssue(key) ? Optional.of(data.issue(key)) : Optional.empty();
    }

    public StoredIssue issue(String key) {
        return find(key).orElseThrow(() -> new NoSuchElementException("no issue " + key));
    }

    /**
     * What Jira's wiki renderer makes of a wiki-rendered field (a description): the markup it
     * would format and the text a reader sees ({@link WikiRenderer}).
     */
    public WikiRenderer.Rendered rendered(String key, String field) {
        return WikiRenderer.render(issue(key).text(field));
    }

    /** All issues, in key order. */
    public List<StoredIssue> issues() {
        return data.issues();
    }

    public List<StoredLink> links() {
        return data.links();
    }

    // --- what was asked ---

    /** Every request received since the start or {@link #resetCounts()}, including refused and failed ones. */
    public List<LoggedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** @param endpoint e.g. "GET /rest/api/2/search" or "PUT /rest/api/2/issue/{key}" */
    public List<LoggedRequest> requests(String endpoint) {
        return requests().stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    public int count(String endpoint) {
        return requests(endpoint).size();
    }

    /** Requests by endpoint. */
    public Map<String, Integer> counts() {
        return requests().stream().collect(Collectors.toMap(LoggedRequest::endpoint, r -> 1, Integer::sum,
                TreeMap::new));
    }

    public void resetCounts() {
        synchronized (log) {
            log.clear();
        }
    }

    // --- failures ---

    /** The next {@code n} requests fail with {@code fault}. */
    public void failNext(int n, Fault fault) {
        failNext(n, fault, "");
    }

    /** The next {@code n} requests whose path (after the base URL) starts with {@code pathPrefix} fail. */
    public void failNext(int n, Fault fault, String pathPrefix) {
        synchronized (faults) {
            faults.add(new FaultRule(fault, pathPrefix, n));
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** Stops listening: connections are refused until {@link #restart()}. The data stays. */
    public synchronized void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void restart() {
        if (server == null) {
            release = new CountDownLatch(1);
            server = listen(port);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- HTTP ---

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), onPort), 50);
            http.createContext(contextPath.isEmpty() ? "/" : contextPath + "/", this::handle);
            http.setExecutor(executor);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring(contextPath.length());
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Route route = null;
            Matcher matcher = null;
            boolean pathKnown = false;
            for (Route candidate : routes) {
                Matcher m = candidate.path().matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (candidate.method().equals(method)) {
                        route = candidate;
                        matcher = m;
                        break;
                    }
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : LoggedRequest.HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            long connection;
            boolean reused;
            synchronized (connections) {
                Long known = connections.get(exchange.getRemoteAddress());
                reused = known != null;
                connection = reused ? known : connections.size() + 1L;
                connections.putIfAbsent(exchange.getRemoteAddress(), connection);
            }
            Fault fault = takeFault(path, reused);
            if (fault instanceof Fault.ClosedWhileIdle) {
                // Closed before Jira read anything: nothing to log, nothing done.
                return;
            }
            synchronized (log) {
                User caller = user(exchange.getRequestHeaders().getFirst("Authorization"));
                log.add(new LoggedRequest(method, path, query, route == null ? method + " " + path : route.endpoint(),
                        headers, caller == null ? "" : caller.name(), connection));
            }
            if (fault instanceof Fault.Delay delay) {
                try {
                    release.await(delay.hold().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                fault = null;
            }
            if (fault != null) {
                if (fault instanceof Fault.Late) {
                    answer(exchange, route, matcher, pathKnown, query);
                }
                fail(exchange, fault);
                return;
            }
            respond(exchange, answer(exchange, route, matcher, pathKnown, query));
        } catch (IOException e) {
            // The client has gone (it timed out, say): nobody to answer.
        } finally {
            // Unanswered (a fault), this closes the connection.
            exchange.close();
        }
    }

    private Reply answer(HttpExchange exchange, Route route, Matcher matcher, boolean pathKnown,
                         Map<String, String> query) throws IOException {
        try {
            User user = user(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                return Reply.of(401, JiraError.body(Map.of(),
                        "You are not authenticated. Authentication required to perform this operation."));
            }
            if (route == null) {
                return pathKnown ? Reply.of(405, null) : Reply.of(404, JiraError.body(Map.of(),
                        "null for uri: " + exchange.getRequestURI()));
            }
            if (!exchange.getRequestMethod().equals("GET") && !"no-check".equals(exchange.getRequestHeaders()
                    .getFirst("X-Atlassian-Token"))) {
                // Stricter than Jira, which checks only form posts: every client write must send it.
                return Reply.of(403, JiraError.body(Map.of(), "XSRF check failed"));
            }
            if (route.adminOnly() && !user.admin()) {
                return Reply.of(403, JiraError.body(Map.of(),
                        "You are not authorized to perform this action. Administrator privileges are required."));
            }
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = MissingNode.getInstance();
            if (bytes.length > 0) {
                try {
                    body = JSON.readTree(bytes);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return Reply.of(400, JiraError.body(Map.of(), "Unexpected character in the request body: "
                            + e.getOriginalMessage()));
                }
            }
            return route.handler().handle(new Call(user, matcher.groupCount() > 0 ? matcher.group(1) : null, query,
                    body));
        } catch (JiraError e) {
            return Reply.of(e.status, e.body);
        } catch (RuntimeException e) {
            // A defect in the double: make it visible in the test rather than swallowing it.
            return Reply.of(500, JiraError.body(Map.of(), "Jira double failed: " + e));
        }
    }

    private void fail(HttpExchange exchange, Fault fault) throws IOException {
        if (fault instanceof Fault.Status status) {
            respond(exchange, Reply.of(status.code(), JiraError.body(Map.of(),
                    "Internal server error (injected by the Jira double)")));
        } else if (fault instanceof Fault.RateLimit limit) {
            respond(exchange, new Reply(429, JiraError.body(Map.of(), "Rate limit exceeded."), Map.of(
                    "Retry-After", Integer.toString(limit.retryAfterSeconds()),
                    "X-RateLimit-Limit", "100",
                    "X-RateLimit-Remaining", "0",
                    "X-RateLimit-FillRate", "10",
                    "X-RateLimit-Interval-Seconds", "1")));
        } else if (fault instanceof Fault.Timeout || fault instanceof Fault.Late) {
            try {
                release.await(timeoutHold.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // No answer: closing the exchange unanswered closes the connection.
        }
        // Fault.Drop: nothing at all; the exchange is closed unanswered.
    }

    /** @param reused whether the request came on a connection that had carried an earlier one */
    private Fault takeFault(String path, boolean reused) {
        synchronized (faults) {
            for (Iterator<FaultRule> it = faults.iterator(); it.hasNext(); ) {
                FaultRule rule = it.next();
                if (rule.fault instanceof Fault.ClosedWhileIdle && !reused) {
                    continue;
                }
                if (path.startsWith(rule.pathPrefix)) {
                    if (--rule.remaining <= 0) {
                        it.remove();
                    }
                    return rule.fault;
                }
            }
            return null;
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private User user(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        return users.get(authorization.substring("Bearer ".length()).strip());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    // --- the endpoints ---

    private List<Route> routes() {
        return List.of(
                route("GET", "/myself", false, this::myself),
                route("GET", "/issuetype", false, call -> ok(array(data.issueTypes(), t -> data.render(t, base())))),
                route("POST", "/issuetype", true, call -> Reply.of(201, data.render(data.createIssueType(
                        text(call.body(), "name"), call.body().path("description").asText(""),
                        "subtask".equals(text(call.body(), "type"))), base()))),
                route("GET", "/field", false, call -> ok(array(data.fields(), data::render))),
                route("POST", "/field", true, call -> Reply.of(201, data.render(data.createField(
                        text(call.body(), "name"), call.body().path("type").asText(null))))),
                route("GET", "/issueLinkType", false, call -> {
                    ObjectNode json = JSON.createObjectNode();
                    json.set("issueLinkTypes", array(data.linkTypes(), t -> data.render(t, base())));
                    return ok(json);
                }),
                route("POST", "/issueLinkType", true, call -> Reply.of(201, data.render(data.createLinkType(
                        text(call.body(), "name"), text(call.body(), "inward"), text(call.body(), "outward")),
                        base()))),
                route("GET", "/project/{key}", false, call -> ok(data.renderFull(data.project(call.param()), base()))),
                route("GET", "/issuetypescheme", true, call -> {
                    String expand = call.query().getOrDefault("expand", "");
                    ObjectNode json = JSON.createObjectNode();
                    json.put("expand", "schemes");
                    json.set("schemes", array(data.issueTypeSchemes(), scheme -> data.render(scheme,
                            expand.contains("schemes.issueTypes"), expand.contains("schemes.defaultIssueType"),
                            base())));
                    return ok(json);
                }),
                route("GET", "/issuetypescheme/{key}", true, call -> ok(data.render(data.issueTypeScheme(call.param()),
                        true, true, base()))),
                route("PUT", "/issuetypescheme/{key}", true, call -> ok(data.render(data.updateIssueTypeScheme(
                        call.param(), call.body()), true, true, base()))),
                route("GET", "/issuetypescheme/{key}/associations", true, call -> ok(array(
                        data.schemeProjects(call.param()), project -> data.render(project, base())))),
                route("GET", "/issue/createmeta/{key}/issuetypes", false, this::createMetaIssueTypes),
                route("GET", "/search", false, this::search),
                route("GET", "/user/permission/search", true, this::usersWithPermission),
                route("POST", "/issue", false, call -> {
                    StoredIssue issue = data.createIssue(call.body().path("fields"));
                    ObjectNode json = JSON.createObjectNode();
                    json.put("id", Long.toString(issue.id()));
                    json.put("key", issue.key());
                    json.put("self", base() + API + "/issue/" + issue.id());
                    return Reply.of(201, json);
                }),
                route("GET", "/issue/{key}", false, call -> ok(data.render(data.issue(call.param()),
                        wantedFields(call.query().get("fields")), base()))),
                route("PUT", "/issue/{key}", false, call -> {
                    data.updateIssue(call.param(), call.body().path("fields"));
                    return Reply.of(204, null);
                }),
                route("POST", "/issueLink", false, call -> {
                    data.link(call.body().path("type").path("name").asText(null),
                            call.body().path("inwardIssue").path("key").asText(null),
                            call.body().path("outwardIssue").path("key").asText(null));
                    return Reply.of(201, null);
                }));
    }

    private Route route(String method, String template, boolean adminOnly, Handler handler) {
        Pattern path = Pattern.compile(Pattern.quote(API + template).replace("{key}", "\\E([^/]+)\\Q"));
        return new Route(method, path, method + " " + API + template, adminOnly, handler);
    }

    /**
     * Jira's "find users with permissions": users whose name starts with {@code username} and who
     * hold every listed permission in the project. Only BROWSE_PROJECTS (and its old name BROWSE)
     * is modelled; Jira answers 400 without a project or issue, 404 for an unknown project.
     */
    private Reply usersWithPermission(Call call) {
        String permissions = call.query().get("permissions");
        if (permissions == null || permissions.isBlank()) {
            throw JiraError.messages(400, "The permissions query parameter was not provided");
        }
        String project = call.query().get("projectKey");
        if (project == null || project.isBlank()) {
            throw JiraError.messages(400, "The projectKey or issueKey query parameter was not provided");
        }
        for (String permission : permissions.split(",")) {
            if (!permission.strip().equals("BROWSE_PROJECTS") && !permission.strip().equals("BROWSE")) {
                throw JiraError.messages(400, "Unrecognized permission: " + permission.strip());
            }
        }
        int startAt = intParam(call.query(), "startAt", 0);
        int max = Math.min(intParam(call.query(), "maxResults", 50), 1000);
        List<String> found = data.browsers(project, call.query().getOrDefault("username", ""));
        ArrayNode users = JSON.createArrayNode();
        found.stream().skip(startAt).limit(max).forEach(name -> {
            ObjectNode json = users.addObject();
            json.put("self", base() + API + "/user?username=" + name);
            json.put("key", "JIRAUSER" + Math.abs(name.hashCode() % 100000));
            json.put("name", name);
            json.put("displayName", name);
            json.put("active", true);
        });
        return ok(users);
    }

    /**
     * The issue types one may create issues of in a project (Jira 9's replacement of the old
     * createmeta), paged: {@code {"maxResults", "startAt", "total", "isLast", "values"}}.
     */
    private Reply createMetaIssueTypes(Call call) {
        List<JiraData.IssueType> types = data.projectIssueTypes(call.param());
        int startAt = Math.max(0, intParam(call.query(), "startAt", 0));
        int max = Math.max(1, Math.min(intParam(call.query(), "maxResults", 50), 50));
        ObjectNode json = JSON.createObjectNode();
        json.put("maxResults", max);
        json.put("startAt", startAt);
        json.put("total", types.size());
        json.put("isLast", startAt + max >= types.size());
        json.set("values", array(types.stream().skip(startAt).limit(max).toList(), t -> data.render(t, base())));
        return ok(json);
    }

    private Reply myself(Call call) {
        ObjectNode json = JSON.createObjectNode();
        json.put("self", base() + API + "/user?username=" + call.user().name());
        json.put("key", "JIRAUSER" + Math.abs(call.user().name().hashCode() % 100000));
        json.put("name", call.user().name());
        json.put("emailAddress", call.user().name() + "@stadt.example");
        json.put("displayName", call.user().name());
        json.put("active", true);
        json.put("timeZone", data.zone.getId());
        json.put("locale", "de_DE");
        return ok(json);
    }

    private Reply search(Call call) {
        String jqlText = call.query().getOrDefault("jql", "");
        int startAt = Math.max(0, intParam(call.query(), "startAt", 0));
        int asked = intParam(call.query(), "maxResults", 50);
        if (asked < 0) {
            asked = 50;
        }
        if ((long) startAt + asked > RESULT_WINDOW) {
            throw JiraError.messages(400, "The search results window is limited to " + RESULT_WINDOW
                    + " issues: startAt + maxResults must not exceed it (was " + ((long) startAt + asked)
                    + "). Narrow the JQL, for example by a date range.");
        }
        Jql jql = Jql.parse(jqlText, data.zone, data);
        int granted = Math.min(asked, searchLimit);
        Set<String> wanted = wantedFields(call.query().get("fields"));
        ObjectNode json = JSON.createObjectNode();
        json.put("expand", "schema,names");
        json.put("startAt", startAt);
        json.put("maxResults", granted);
        synchronized (data) {
            JiraData.Page page = data.search(jql, startAt, granted);
            json.put("total", page.total());
            json.set("issues", array(page.issues(), issue -> data.render(issue, wanted, base())));
        }
        return ok(json);
    }

    private static int intParam(Map<String, String> query, String name, int orElse) {
        String value = query.get(name);
        try {
            return value == null || value.isEmpty() ? orElse : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw JiraError.messages(400, "The value '" + value + "' of the parameter '" + name + "' is not a number.");
        }
    }

    /** The "fields" parameter: null for all (absent, *all, *navigable), else the ids asked for. */
    private static Set<String> wantedFields(String fields) {
        if (fields == null || fields.isBlank() || fields.contains("*all") || fields.contains("*navigable")) {
            return null;
        }
        return Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                .collect(Collectors.toSet());
    }

    private String base() {
        return baseUrl().toString();
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).isTextual() ? body.get(field).asText() : null;
    }

    private static Reply ok(JsonNode body) {
        return Reply.of(200, body);
    }

    private static <T> JsonNode array(List<T> items, Function<T, JsonNode> render) {
        var array = JSON.createArrayNode();
        items.forEach(item -> array.add(render.apply(item)));
        return array;
    }
}
