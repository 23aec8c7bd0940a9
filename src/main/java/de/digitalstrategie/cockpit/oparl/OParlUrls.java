package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import javax.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The OParl ids: absolute URLs under the address the request came to (Confluence's base URL plus
 * /rest/cockpit/1.0/oparl/), so an id can be fetched as it is. The path segments are store ids,
 * body keys ([a-z0-9-]) and hex digests: nothing in them needs escaping.
 */
final class OParlUrls {
    /** The plugin serves one municipality: one body, under a fixed id that no setting changes. */
    static final String BODY_ID = "1";
    private final URI base;
    private final String root;

    /**
     * The base the published objects are written under ({@link OParlPublisher}); each answer puts
     * the address the request came to in its place. {@code .invalid} is reserved (RFC 2606), so no
     * real address starts with it.
     */
    static final URI CANONICAL_BASE = URI.create("https://oparl.invalid/rest/cockpit/1.0/");

    OParlUrls(UriInfo uri) {
        this(uri.getBaseUri());
    }

    OParlUrls(URI base) {
        this.base = base;
        String b = base.toString();
        this.root = (b.endsWith("/") ? b : b + "/") + "oparl/";
    }

    /** An object's id, from its path under the interface's root ({@code meeting/12}). */
    String of(String path) {
        return root + path;
    }

    /**
     * A published object's JSON text with every string value written under {@link #CANONICAL_BASE}
     * as under this base: the interface's own addresses under the REST base, the host's pages under
     * the site's root, as {@link #absolute} resolves them. Rewritten as text, without parsing: in
     * JSON an unescaped quote followed by the canonical base can only open a string value (a quote
     * inside a string is escaped with an odd number of backslashes, a closing one is followed by
     * {@code , : ] }} or white space), and only a value that starts with the base is rewritten.
     */
    String fromCanonicalJson(String json) {
        String rest = quoted(withSlash(base.toString()));
        String site = quoted(base.resolve("/").toString());
        StringBuilder out = new StringBuilder(json.length() + 256);
        int from = 0;
        for (int at = json.indexOf(CANONICAL_SITE_VALUE); at >= 0; at = json.indexOf(CANONICAL_SITE_VALUE, at + 1)) {
            if (escaped(json, at)) {
                continue;
            }
            boolean underRest = json.startsWith(CANONICAL_REST_VALUE, at);
            out.append(json, from, at + 1).append(underRest ? rest : site);
            from = at + (underRest ? CANONICAL_REST_VALUE : CANONICAL_SITE_VALUE).length();
        }
        return out.append(json, from, json.length()).toString();
    }

    private static final String CANONICAL_REST_VALUE = "\"" + CANONICAL_BASE;
    private static final String CANONICAL_SITE_VALUE = "\"" + CANONICAL_BASE.resolve("/");

    /** Whether the quote at {@code at} is escaped: an odd number of backslashes before it. */
    private static boolean escaped(String json, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /** A URL as it stands inside a JSON string. */
    private static String quoted(String url) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(url));
    }

    /** A link the host made (e.g. a page's address, relative to Confluence's root) as absolute URL. */
    String absolute(String link) {
        return base.resolve(link).toString();
    }

    String system() {
        return root + "system";
    }

    String bodies() {
        return root + "bodies";
    }

    String body() {
        return root + "body/" + BODY_ID;
    }

    /** An external list of the body, e.g. {@code meetings}. */
    String bodyList(String name) {
        return body() + "/" + name;
    }

    String organization(String key) {
        return root + "organization/" + key;
    }

    String organizationMeetings(String key) {
        return organization(key) + "/meetings";
    }

    String person(String id) {
        return root + "person/" + id;
    }

    String membership(String organizationKey, String personId) {
        return root + "membership/" + organizationKey + "/" + personId;
    }

    String meeting(long id) {
        return root + "meeting/" + id;
    }

    String agendaItem(String key) {
        return root + "agendaItem/" + key;
    }

    String location(String id) {
        return root + "location/" + id;
    }

    /** A page of a list, with the client's parameters kept in a fixed order (one URL per page). */
    static String page(String list, Map<String, String> parameters, int page) {
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        query.add("page=" + page);
        return list + query;
    }
}
