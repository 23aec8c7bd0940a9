package de.digitalstrategie.cockpit.oparl;

import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.oparl.OParlJson.Links;
import de.digitalstrategie.cockpit.oparl.OParlJson.ListPage;
import de.digitalstrategie.cockpit.oparl.OParlJson.Pagination;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import de.digitalstrategie.cockpit.message.UnavailableException;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import java.time.Duration;
import java.time.Clock;
import javax.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public part of the registers as OParl 1.1 (read-only), for transparency portals and OParl
 * clients: the city as the body, the public bodies as organisations, members who agreed to be
 * named as persons with their memberships, public meetings with their public agenda items and the
 * outcome of public decisions. Every answer is read from what {@link OParlPublisher} published
 * ({@link OParlLedger}), the same for every caller, signed in or not: a main object that is no
 * longer public answers as a tombstone, anything never published like an address that never
 * existed (404). Entry point: {@code /rest/cockpit/1.0/oparl/system}.
 */
@Path("/oparl")
@AnonymousSiteAccess
@Produces(MediaType.APPLICATION_JSON)
public class OParlResource {
    /** Small enough that clients meet paging early, as OParl clients must handle it anyway. */
    static final int ELEMENTS_PER_PAGE = 20;
    static final int MAX_ELEMENTS_PER_PAGE = 100;
    /** OParl's list filters, on {@code created} and {@code modified}; each bound included. */
    static final List<String> FILTERS = List.of("created_since", "created_until", "modified_since", "modified_until");
    private static final Set<String> LIST_PARAMETERS = Set.of("page", "elementsPerPage", "created_since",
            "created_until", "modified_since", "modified_until");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How old the ledger may be before the interface stops answering: three missed runs. The ledger
     * is what was public when it was written; a page restricted since then shows as public until the
     * next run, so a publisher that keeps failing must not leave it served for good.
     */
    static final Duration STALE_AFTER = OParlPublisher.INTERVAL.multipliedBy(3);

    private final OParlLedger ledger;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final OParlSettings settings;
    private final Clock clock;

    @Inject
    public OParlResource(OParlLedger ledger, I18nResolver i18n, LocaleResolver locales,
                         PluginSettingsFactory settings, Clock clock) {
        this.ledger = ledger;
        this.i18n = i18n;
        this.locales = locales;
        this.settings = new OParlSettings(settings);
        this.clock = clock;
    }

    /** 503 with Retry-After while the ledger is older than {@link #STALE_AFTER}, or was never written. */
    private void current() {
        Instant published = settings.publishedAt().orElse(Instant.EPOCH);
        if (published.plus(STALE_AFTER).isBefore(clock.instant())) {
            throw UnavailableException.of(OParlPublisher.INTERVAL, "cockpit.oparl.error.stale");
        }
    }

    @GET
    @Path("/system")
    public Response system(@Context UriInfo uri) {
        return object(uri, "system");
    }

    @GET
    @Path("/bodies")
    public Response bodies(@Context UriInfo uri) {
        return list(uri, new OParlUrls(uri).bodies(), "Body", null);
    }

    @GET
    @Path("/body/{body}")
    public Response body(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        return object(uri, "body/" + body);
    }

    /**
     * The body's lists. Papers, files and legislative terms stay empty: decisions are published as
     * the results of agenda items, minutes are Confluence pages (the meetings' {@code web}), and
     * the bodies are appointed, not elected.
     */
    @GET
    @Path("/body/{body}/{list: organizations|persons|memberships|meetings|agendaItems|locations|papers|files|legislativeTerms}")
    public Response bodyList(@PathParam("body") String body, @PathParam("list") String name, @Context UriInfo uri) {
        requireBody(body);
        return list(uri, new OParlUrls(uri).bodyList(name), LIST_TYPES.get(name), null);
    }

    private static final Map<String, String> LIST_TYPES = Map.of("organizations", "Organization", "persons", "Person",
            "memberships", "Membership", "meetings", "Meeting", "agendaItems", "AgendaItem", "locations", "Location",
            "papers", "Paper", "files", "File", "legislativeTerms", "LegislativeTerm");

    @GET
    @Path("/organization/{key}")
    public Response organization(@PathParam("key") String key, @Context UriInfo uri) {
        return object(uri, "organization/" + key);
    }

    @GET
    @Path("/organization/{key}/meetings")
    public Response organizationMeetings(@PathParam("key") String key, @Context UriInfo uri) {
        current();
        if (ledger.find("organization/" + key, false).isEmpty()) {
            throw unknown("organization/" + key);
        }
        return list(uri, new OParlUrls(uri).organizationMeetings(key), "Meeting", key);
    }

    @GET
    @Path("/{type: person|meeting|agendaItem|location}/{id}")
    public Response object(@PathParam("type") String type, @PathParam("id") String id, @Context UriInfo uri) {
        return object(uri, type + "/" + id);
    }

    @GET
    @Path("/membership/{organization}/{person}")
    public Response membership(@PathParam("organization") String organization, @PathParam("person") String person,
                               @Context UriInfo uri) {
        return object(uri, "membership/" + organization + "/" + person);
    }

    /** One object as published (only its canonical address: "meeting/007" is not meeting 7), or its tombstone. */
    private Response object(UriInfo uri, String path) {
        current();
        noParameters(uri);
        OParlUrls urls = new OParlUrls(uri);
        return RestJson.ok(ledger.find(path, english()).map(p -> json(urls, p)).orElseThrow(() -> unknown(path)));
    }

    private boolean english() {
        return "en".equals(locales.getLocale().getLanguage());
    }

    /**
     * An object as the client sees it: as published, under the address the request came to,
     * written through as the stored text (not parsed); a withdrawn main object as OParl's
     * tombstone (id, type, created, modified: when it was withdrawn, deleted), nothing else.
     */
    private static RawValue json(OParlUrls urls, OParlLedger.Published p) {
        if (p.deleted()) {
            ObjectNode tombstone = JSON.createObjectNode();
            tombstone.put("id", urls.of(p.path()));
            tombstone.put("type", OParlJson.type(p.type()));
            tombstone.put("created", OParlPublisher.TIME.format(p.created().atZone(OParlObjects.BERLIN)));
            tombstone.put("modified", OParlPublisher.TIME.format(p.modified().atZone(OParlObjects.BERLIN)));
            tombstone.put("deleted", true);
            return new RawValue(RestJson.write(tombstone));
        }
        return new RawValue(urls.fromCanonicalJson(p.json()));
    }

    private static void requireBody(String body) {
        if (!OParlUrls.BODY_ID.equals(body)) {
            throw unknown("body/" + body);
        }
    }

    private static NotFoundException unknown(String path) {
        return NotFoundException.of("cockpit.oparl.error.unknown", path);
    }

    /** Objects take no parameters; one sent anyway is refused, as everywhere in this API. */
    private static void noParameters(UriInfo uri) {
        QueryParameters.of(uri, Set.of());
    }

    /**
     * One page of an external list: the client's page (from 1) of {@code elementsPerPage} items
     * (at most {@value #MAX_ELEMENTS_PER_PAGE}; OParl lets a server ignore the wish, this one
     * honours it), in the order of first publication, narrowed by OParl's filters, with links that
     * keep the client's parameters. The order never changes and nothing leaves a list (a
     * withdrawn main object stays as its tombstone), so paging on while the data changes meets
     * every object at least once.
     *
     * @param list  the list's canonical URL, whatever spelling of it the client used
     * @param scope the organisation whose meetings are listed, or null
     */
    private Response list(UriInfo uri, String list, String type, String scope) {
        current();
        MacroParameters p = QueryParameters.of(uri, LIST_PARAMETERS);
        int size = p.number("elementsPerPage", ELEMENTS_PER_PAGE, 1, MAX_ELEMENTS_PER_PAGE);
        int page = p.number("page", 1, 1, Integer.MAX_VALUE);
        Map<String, String> kept = new LinkedHashMap<>();
        if (size != ELEMENTS_PER_PAGE) {
            kept.put("elementsPerPage", String.valueOf(size));
        }
        Map<String, Instant> bounds = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            Optional<String> value = p.text(filter);
            if (value.isPresent()) {
                bounds.put(filter, dateTime(filter, value.get()));
                kept.put(filter, value.get());
            }
        }
        OParlLedger.Filters filters = new OParlLedger.Filters(bounds.get("created_since"),
                bounds.get("created_until"), bounds.get("modified_since"), bounds.get("modified_until"));
        int total = ledger.count(type, scope, filters);
        int pages = Math.max(1, (total + size - 1) / size);
        if (page > pages) {
            throw NotFoundException.of("cockpit.oparl.error.no-such-page", String.valueOf(page), String.valueOf(pages));
        }
        OParlUrls urls = new OParlUrls(uri);
        boolean english = english();
        List<RawValue> data = ledger.page(type, scope, filters, (int) Math.min(Integer.MAX_VALUE,
                        (long) (page - 1) * size), size, english).stream().map(o -> json(urls, o)).toList();
        Links links = new Links(OParlUrls.page(list, kept, 1),
                page > 1 ? OParlUrls.page(list, kept, page - 1) : null, OParlUrls.page(list, kept, page),
                page < pages ? OParlUrls.page(list, kept, page + 1) : null, OParlUrls.page(list, kept, pages));
        return RestJson.ok(new ListPage<>(data, new Pagination(total, size, page, pages), links));
    }

    /**
     * A filter's value: a complete date-time. Anything else is answered 400 with OParl's error
     * object ({@code type}, {@code message} for people, {@code debug} for developers), beside the
     * fields every error of this API carries.
     */
    private Instant dateTime(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("type", OParlJson.type("Error"));
            error.put("message", new Texts(i18n, locales.getLocale()).plain("cockpit.oparl.error.date-time", name,
                    value));
            error.put("debug", name + ": " + e.getMessage());
            error.put("status", 400);
            error.put("error", "cockpit.oparl.error.date-time");
            throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
                    .entity(RestJson.write(error)).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build());
        }
    }
}
