package de.digitalstrategie.cockpit.jira.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import de.digitalstrategie.cockpit.message.Message;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The parts of Jira Data Center's REST API v2 the cockpit uses, typed, on the JDK's HTTP client.
 * Every failure ends as one {@link JiraException}: after retries for what may pass (429, 5xx, no
 * answer), at once for what will not (any other 4xx). One instance serves concurrent callers.
 *
 * <p>Reads and updates are retried whatever went wrong: repeating them does no harm. A POST
 * creates something (an issue, a link, an issue type, a field) and is repeated only when Jira
 * certainly did not carry it out (the connection was refused, 429, 503): when its answer was lost
 * or Jira failed with another 5xx, Jira may well have done it, and repeating it here would create
 * it a second time. Such a failure goes to the caller, who looks first on its next attempt: the
 * outbox for the issue by its label and for the links on the issue, provisioning for what exists.
 *
 * <p>A read whose connection was closed before any answer (typically a kept-alive connection
 * that Jira or a proxy closed while it lay idle) goes again at once on a new connection, once,
 * without counting as a retry; what is reported after all attempts says which of unreachable,
 * timed out or closed it was ({@link JiraUnavailableException.Kind}).
 */
public final class JiraClient {
    private static final Logger LOG = Logger.getLogger(JiraClient.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/api/2";

    /**
     * The longest Retry-After the client waits out. Jira's rate limiter asks for seconds; a longer
     * wait would hold a user's page or a sync thread hostage to one header, and a caller that is
     * told {@link JiraRateLimitedException#retryAfter()} can schedule the work for later instead.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** The longest single backoff step, however many retries are configured. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final JiraConnection connection;
    private final HttpClient http;
    private final Pause pause;

    public JiraClient(JiraConnection connection) {
        this(connection, HttpClient.newBuilder()
                .connectTimeout(connection.connectTimeout())
                // Jira DC speaks HTTP/1.1 (Tomcat); on plain http the default would first try an
                // h2c upgrade, which some reverse proxies mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                // A redirect from Jira's REST API means a login page or a moved Jira: an error to
                // report, not a page to follow with the token.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), Pause.REAL);
    }

    /**
     * @param http  used as given: it must carry the connect timeout itself (the connection's
     *              {@code connectTimeout} only configures the client the other constructor builds)
     * @param pause how to wait between attempts
     */
    public JiraClient(JiraConnection connection, HttpClient http, Pause pause) {
        this.connection = Objects.requireNonNull(connection);
        this.http = Objects.requireNonNull(http);
        this.pause = Objects.requireNonNull(pause);
    }

    public JiraUser myself() {
        return JiraUser.from(get("/myself", Map.of()));
    }

    public List<JiraIssueType> issueTypes() {
        return list(get("/issuetype", Map.of()), JiraIssueType::from);
    }

    public JiraIssueType createIssueType(String name, String description) {
        return JiraIssueType.from(send("POST", "/issuetype", body("name", name, "description",
                Objects.requireNonNullElse(description, ""), "type", "standard")));
    }

    /**
     * Every issue type scheme with its issue types and default type (Jira administrators only).
     * Jira lists a scheme's types only when asked to expand them.
     */
    public List<JiraIssueTypeScheme> issueTypeSchemes() {
        return list(get("/issuetypescheme", Map.of("expand", "schemes.issueTypes,schemes.defaultIssueType"))
                .path("schemes"), JiraIssueTypeScheme::from);
    }

    /** The keys of the projects associated with an issue type scheme. */
    public List<String> issueTypeSchemeProjects(String schemeId) {
        return list(get("/issuetypescheme/" + segment(schemeId) + "/associations", Map.of()),
                project -> project.path("key").asText(""));
    }

    /**
     * Gives a scheme these issue types, in this order; its name, description and default type
     * stay (they are sent along: Jira's PUT takes the scheme as a whole).
     */
    public void setIssueTypes(JiraIssueTypeScheme scheme, List<String> issueTypeIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", scheme.name());
        body.put("description", scheme.description());
        if (!scheme.defaultIssueTypeId().isEmpty()) {
            body.put("defaultIssueTypeId", scheme.defaultIssueTypeId());
        }
        body.put("issueTypeIds", List.copyOf(issueTypeIds));
        send("PUT", "/issuetypescheme/" + segment(scheme.id()), body);
    }

    /**
     * The issue types the token's user may create issues of in a project: Jira 9's create
     * metadata (GET /issue/createmeta/{project}/issuetypes), every page of it. This, not the
     * global list of types, is what creating an issue there is checked against.
     */
    public List<JiraIssueType> creatableIssueTypes(String projectKey) {
        List<JiraIssueType> types = new ArrayList<>();
        for (int startAt = 0; ; ) {
            JsonNode page = get("/issue/createmeta/" + segment(projectKey) + "/issuetypes",
                    Map.of("startAt", Integer.toString(startAt), "maxResults", "50"));
            List<JiraIssueType> values = list(page.path("values"), JiraIssueType::from);
            types.addAll(values);
            startAt += values.size();
            if (values.isEmpty() || page.path("isLast").asBoolean(true)) {
                return List.copyOf(types);
            }
        }
    }

    public List<JiraField> fields() {
        return list(get("/field", Map.of()), JiraField::from);
    }

    /**
     * @param type        the custom field type's key, e.g. "com.atlassian.jira.plugin.system.customfieldtypes:textfield"
     * @param searcherKey the searcher's key, e.g. "com.atlassian.jira.plugin.system.customfieldtypes:textsearcher"
     */
    public JiraField createCustomField(String name, String description, String type, String searcherKey) {
        return JiraField.from(send("POST", "/field", body("name", name, "description",
                Objects.requireNonNullElse(description, ""), "type", type, "searcherKey", searcherKey)));
    }

    public List<JiraLinkType> linkTypes() {
        return list(get("/issueLinkType", Map.of()).path("issueLinkTypes"), JiraLinkType::from);
    }

    public JiraLinkType createLinkType(String name, String inward, String outward) {
        return JiraLinkType.from(send("POST", "/issueLinkType", body("name", name, "inward", inward,
                "outward", outward)));
    }

    public JiraProject project(String key) {
        return JiraProject.from(get("/project/" + segment(key), Map.of()));
    }

    /**
     * Whether the Jira user of this name may browse the project: Jira's search for users who hold a
     * permission in a project ({@code /user/permission/search}, which needs project or Jira
     * administration rights for the token's user). The search matches names by prefix, so only an
     * exact (case-insensitive, as Jira's user names are) match counts.
     */
    public boolean mayBrowse(String username, String projectKey) {
        JsonNode users = get("/user/permission/search", Map.of("username", username, "projectKey", projectKey,
                "permissions", "BROWSE_PROJECTS", "maxResults", "1000"));
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One page of a search. Jira may grant fewer results than asked for: the page says what it
     * granted. Jira DC refuses pages beyond its result window; {@link #scan} reads past it.
     *
     * @param fields the field ids to return; empty for Jira's default (all navigable fields)
     */
    public SearchPage search(String jql, int startAt, int maxResults, List<String> fields) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("jql", jql);
        query.put("startAt", Integer.toString(startAt));
        query.put("maxResults", Integer.toString(maxResults));
        if (!fields.isEmpty()) {
            query.put("fields", String.join(",", fields));
        }
        JsonNode page = get("/search", query);
        List<JiraIssue> issues = list(page.path("issues"), JiraIssue::from);
        return new SearchPage(page.path("startAt").asInt(startAt), page.path("maxResults").asInt(issues.size()),
                page.path("total").asInt(issues.size()), issues);
    }

    /**
     * Hands every issue matching {@code jql} to {@code each}, in order of "updated" and then key,
     * however many there are, although Jira DC refuses any page beyond its first 10,000 results.
     * How, and where that stops working, is described at {@link IssueScan}. Asks Jira once for the
     * token's user ({@link #myself()}): JQL dates are read in that user's time zone.
     *
     * @param jql      without ORDER BY: the scan sets the order it needs
     * @param fields   the fields to return; "updated" is added if missing, the scan needs it
     * @param pageSize results per request, 2 to 10,000 (Jira may grant fewer)
     * @throws JiraScanException when the scan cannot get past one minute or the results keep shifting
     */
    public void scan(String jql, List<String> fields, int pageSize, Consumer<JiraIssue> each) {
        new IssueScan(this, jql, fields, pageSize, () -> myself().timeZone()).run(each);
    }

    /** @param fields the field ids to return; empty for all */
    public JiraIssue issue(String key, List<String> fields) {
        return JiraIssue.from(get("/issue/" + segment(key),
                fields.isEmpty() ? Map.of() : Map.of("fields", String.join(",", fields))));
    }

    /**
     * @param fields by field id, in Jira's input shapes: {@code "project": {"key": "DIGI"}},
     *               {@code "issuetype": {"name": "Projekt"}}, {@code "summary": "…"}, {@code "labels": [...]}
     */
    public CreatedIssue createIssue(Map<String, Object> fields) {
        JsonNode created = send("POST", "/issue", Map.of("fields", fields));
        return new CreatedIssue(created.path("id").asText(""), created.path("key").asText(""));
    }

    /** Sets the given fields; the others stay as they are. */
    public void updateIssue(String key, Map<String, Object> fields) {
        send("PUT", "/issue/" + segment(key), Map.of("fields", fields));
    }

    /** Links two issues: read as "inward &lt;type's inward text&gt; outward" from the inward issue's side. */
    public void link(String typeName, String inwardKey, String outwardKey) {
        send("POST", "/issueLink", Map.of("type", Map.of("name", typeName), "inwardIssue", Map.of("key", inwardKey),
                "outwardIssue", Map.of("key", outwardKey)));
    }

    private JsonNode get(String path, Map<String, String> query) {
        return exchange("GET", path, query, null, true);
    }

    /** Every POST here creates something (an issue type, a field, a link type, an issue, a link). */
    private JsonNode send(String method, String path, Object body) {
        return exchange(method, path, Map.of(), body, !"POST".equals(method));
    }

    /**
     * @param repeatable whether the request may be sent again after an attempt Jira may have
     *                   carried out (lost answer, 5xx): false for POSTs
     */
    private JsonNode exchange(String method, String path, Map<String, String> query, Object body,
                              boolean repeatable) {
        String request = method + " " + API + path;
        String pathAndQuery = API + path + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        HttpRequest httpRequest = build(method, pathAndQuery, body);
        // A connection that allows no retries (a person waits on a page) gets none, not even this.
        boolean renewed = connection.maxRetries() == 0;
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = attempt > connection.maxRetries();
            long started = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                try {
                    response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    if (renewed || !"GET".equals(method)
                            || JiraUnavailableException.kindOf(e) != JiraUnavailableException.Kind.CLOSED) {
                        throw e;
                    }
                    // A keep-alive connection that Jira, or a proxy before it, closed while it lay
                    // idle in the pool looks exactly like this: the request went out and the
                    // connection ended without a byte. The JDK's client repeats a GET once by
                    // itself, on the next pooled connection, which may be just as stale. Once per
                    // request, and without counting it as a retry, the GET
                    // goes again on a connection of its own: a read changes nothing in Jira. (A
                    // page view's client is new for each view, so it has no idle connections.)
                    renewed = true;
                    LOG.log(Level.FINE, "Jira {0}: connection closed before the answer ({1}); once more on a new "
                            + "connection", new Object[]{request, e.toString()});
                    response = fresh().send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                }
            } catch (IOException e) {
                // Refused, timed out, reset, dropped: whether Jira is down or the network hiccupped,
                // the answer may come on the next attempt.
                if (lastAttempt || !(repeatable || neverSent(e))) {
                    throw new JiraUnavailableException(request, connection.base(), attempt, connection.readTimeout(),
                            e);
                }
                pauseBeforeRetry(request, attempt, backoff(attempt), e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JiraUnavailableException(request, connection.base(), attempt, connection.readTimeout(), e);
            }
            int status = response.statusCode();
            LOG.log(Level.FINE, "{0} {1} -> {2} in {3} ms (attempt {4})", new Object[]{method, pathAndQuery, status,
                    (System.nanoTime() - started) / 1_000_000, attempt});
            if (status >= 200 && status < 300) {
                return parse(request, status, response.body());
            }
            Duration retryAfter = retryAfter(response);
            boolean refusedUndone = status == 429 || status == 503;
            if (lastAttempt || !(status == 429 || status >= 500) || !(repeatable || refusedUndone)) {
                JsonNode error = errorBody(response.body());
                throw JiraException.forStatus(request, status, errorMessages(error), errors(error), retryAfter);
            }
            // Jira's rate limiter says when to come back, and so may a 503 during maintenance.
            Duration wait = retryAfter == null ? backoff(attempt)
                    : retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            pauseBeforeRetry(request, attempt, wait, "status " + status);
        }
    }

    /**
     * A client configured like {@link #http} whose pool is empty, so its first request opens a new
     * connection. Made only for the rare repeat after a closed connection and then dropped (a JDK
     * client's pool cannot be emptied otherwise, and its threads end once it is unreachable).
     */
    private HttpClient fresh() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(http.version())
                .followRedirects(http.followRedirects());
        http.connectTimeout().ifPresent(builder::connectTimeout);
        http.proxy().ifPresent(builder::proxy);
        http.authenticator().ifPresent(builder::authenticator);
        http.executor().ifPresent(builder::executor);
        return builder.sslContext(http.sslContext()).sslParameters(http.sslParameters()).build();
    }

    /** Whether the request never reached Jira: no connection, so nothing can have been carried out. */
    private static boolean neverSent(IOException e) {
        return e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException;
    }

    private HttpRequest build(String method, String pathAndQuery, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(connection.base() + pathAndQuery))
                .timeout(connection.readTimeout())
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", "application/json")
                .header("User-Agent", "Digitalstrategie-Cockpit");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            // The header Jira's XSRF check wants on writes that do not come from its own pages.
            return builder.header("Content-Type", "application/json")
                    .header("X-Atlassian-Token", "no-check")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body for " + method + " " + pathAndQuery, e);
        }
    }

    private void pauseBeforeRetry(String request, int attempt, Duration wait, String reason) {
        LOG.log(Level.INFO, "Jira {0}: {1}; retry {2} of {3} in {4} ms", new Object[]{request, reason, attempt,
                connection.maxRetries(), wait.toMillis()});
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraUnavailableException(request, connection.base(), attempt, connection.readTimeout(), e);
        }
    }

    /**
     * Doubles from the initial backoff with each attempt, plus up to a tenth more at random, so
     * that several cluster nodes that failed together do not all come back in the same instant.
     */
    private Duration backoff(int attempt) {
        Duration nominal = connection.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (nominal.compareTo(MAX_BACKOFF) > 0) {
            nominal = MAX_BACKOFF;
        }
        return nominal.plusMillis(ThreadLocalRandom.current().nextLong(nominal.toMillis() / 10 + 1));
    }

    /** Retry-After in seconds; null if absent or an HTTP date (then the backoff applies). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private JsonNode parse(String request, int status, byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            // Typically a single-sign-on proxy's login page answering 200 in Jira's place.
            throw new JiraException(request, status, List.of(), Map.of(),
                    Message.of("cockpit.jira.error.not-json", connection.base()),
                    request + ": the answer from " + connection.base() + " is not JSON", e);
        }
    }

    /** Jira's error body; an empty node for anything else (a proxy's HTML error page, say). */
    private static JsonNode errorBody(byte[] body) {
        try {
            JsonNode json = body.length == 0 ? null : JSON.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static List<String> errorMessages(JsonNode error) {
        List<String> messages = new ArrayList<>();
        error.path("errorMessages").forEach(m -> messages.add(m.asText()));
        // Some of Jira's filters (authentication, rate limiting) answer {"message": "…"} instead.
        if (error.path("message").isTextual()) {
            messages.add(error.get("message").asText());
        }
        return messages;
    }

    private static Map<String, String> errors(JsonNode error) {
        Map<String, String> errors = new LinkedHashMap<>();
        error.path("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asText()));
        return errors;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        array.forEach(item -> items.add(read.apply(item)));
        return List.copyOf(items);
    }

    private static Map<String, String> body(String... namesAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], Objects.requireNonNull(namesAndValues[i + 1], namesAndValues[i]));
        }
        return body;
    }

    private static String segment(String value) {
        return encode(Objects.requireNonNull(value));
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; %20 rather than + is right in paths and safe in queries.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
