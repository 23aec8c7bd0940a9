package de.digitalstrategie.cockpit.oparl;

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

    OParlUrls(UriInfo uri) {
        this.base = uri.getBaseUri();
        String b = base.toString();
        this.root = (b.endsWith("/") ? b : b + "/") + "oparl/";
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
