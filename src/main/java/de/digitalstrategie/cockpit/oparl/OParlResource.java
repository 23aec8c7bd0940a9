package de.digitalstrategie.cockpit.oparl;

import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.oparl.OParlJson.Links;
import de.digitalstrategie.cockpit.oparl.OParlJson.ListPage;
import de.digitalstrategie.cockpit.oparl.OParlJson.Pagination;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Person;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Seat;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Snapshot;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The public part of the registers as OParl 1.1 (read-only), for transparency portals and OParl
 * clients: the city as the body, the public bodies as organisations, members who agreed to be
 * named as persons with their memberships, public meetings with their public agenda items and the
 * outcome of public decisions. What is public is decided in {@link PublicRecords} alone, the same
 * for every caller, signed in or not; anything else is answered like an address that never
 * existed (404). Entry point: {@code /rest/cockpit/1.0/oparl/system}.
 */
@Path("/oparl")
@AnonymousSiteAccess
@Produces(MediaType.APPLICATION_JSON)
public class OParlResource {
    /** Small enough that clients meet paging early, as OParl clients must handle it anyway. */
    static final int ELEMENTS_PER_PAGE = 20;
    static final int MAX_ELEMENTS_PER_PAGE = 100;
    /**
     * OParl's list filters. The registers keep no creation or modification times, so the objects
     * carry none and the filters cannot narrow anything: they are accepted (a client must be able
     * to send them), checked, kept in the paging links, and every list comes whole.
     */
    static final List<String> FILTERS = List.of("created_since", "created_until", "modified_since", "modified_until");
    private static final Set<String> LIST_PARAMETERS = Set.of("page", "elementsPerPage", "created_since",
            "created_until", "modified_since", "modified_until");

    private final CommitteeStore committee;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final PageAccess pages;
    private final PageLinks pageLinks;
    private final OParlSettings settings;
    private final I18nResolver i18n;
    private final LocaleResolver locales;

    @Inject
    public OParlResource(CommitteeStore committee, DecisionStore decisions, AdvisoryStore advisory, PageAccess pages,
                         PageLinks pageLinks, PluginSettingsFactory settings, I18nResolver i18n,
                         LocaleResolver locales) {
        this.committee = committee;
        this.decisions = decisions;
        this.advisory = advisory;
        this.pages = pages;
        this.pageLinks = pageLinks;
        this.settings = new OParlSettings(settings);
        this.i18n = i18n;
        this.locales = locales;
    }

    @GET
    @Path("/system")
    public Response system(@Context UriInfo uri) {
        noParameters(uri);
        return RestJson.ok(objects(uri).system());
    }

    @GET
    @Path("/bodies")
    public Response bodies(@Context UriInfo uri) {
        return list(uri, new OParlUrls(uri).bodies(), List.of(objects(uri).body()), Function.identity());
    }

    @GET
    @Path("/body/{body}")
    public Response body(@PathParam("body") String body, @Context UriInfo uri) {
        noParameters(uri);
        requireBody(body);
        return RestJson.ok(objects(uri).body());
    }

    @GET
    @Path("/body/{body}/organizations")
    public Response organizations(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        Snapshot s = snapshot();
        OParlObjects o = objects(uri);
        return list(uri, new OParlUrls(uri).bodyList("organizations"), s.bodies(), b -> o.organization(b, s));
    }

    @GET
    @Path("/body/{body}/persons")
    public Response persons(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        return list(uri, new OParlUrls(uri).bodyList("persons"), snapshot().persons(), objects(uri)::person);
    }

    @GET
    @Path("/body/{body}/memberships")
    public Response memberships(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        Snapshot s = snapshot();
        OParlObjects o = objects(uri);
        return list(uri, new OParlUrls(uri).bodyList("memberships"), s.seats(),
                seat -> o.membership(seat, s.personId(seat)));
    }

    @GET
    @Path("/body/{body}/meetings")
    public Response meetings(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        Snapshot s = snapshot();
        OParlObjects o = objects(uri);
        return list(uri, new OParlUrls(uri).bodyList("meetings"), s.meetings(), m -> o.meeting(m, s));
    }

    @GET
    @Path("/body/{body}/agendaItems")
    public Response agendaItems(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        return list(uri, new OParlUrls(uri).bodyList("agendaItems"), snapshot().items(), objects(uri)::agendaItem);
    }

    @GET
    @Path("/body/{body}/locations")
    public Response locations(@PathParam("body") String body, @Context UriInfo uri) {
        requireBody(body);
        return list(uri, new OParlUrls(uri).bodyList("locations"), snapshot().places(), objects(uri)::location);
    }

    /**
     * Lists OParl requires of a body that the registers have nothing for: papers (decisions are
     * published as the results of agenda items), files (minutes are Confluence pages, linked as
     * the meetings' {@code web}) and legislative terms (the bodies are appointed, not elected).
     */
    @GET
    @Path("/body/{body}/{list: papers|files|legislativeTerms}")
    public Response emptyList(@PathParam("body") String body, @PathParam("list") String name,
                              @Context UriInfo uri) {
        requireBody(body);
        return list(uri, new OParlUrls(uri).bodyList(name), List.of(), Function.identity());
    }

    @GET
    @Path("/organization/{key}")
    public Response organization(@PathParam("key") String key, @Context UriInfo uri) {
        noParameters(uri);
        Snapshot s = snapshot();
        return RestJson.ok(objects(uri).organization(s.body(key).orElseThrow(() -> unknown("organization", key)), s));
    }

    @GET
    @Path("/organization/{key}/meetings")
    public Response organizationMeetings(@PathParam("key") String key, @Context UriInfo uri) {
        Snapshot s = snapshot();
        s.body(key).orElseThrow(() -> unknown("organization", key));
        OParlObjects o = objects(uri);
        return list(uri, new OParlUrls(uri).organizationMeetings(key), s.meetingsOf(key), m -> o.meeting(m, s));
    }

    @GET
    @Path("/person/{id}")
    public Response person(@PathParam("id") String id, @Context UriInfo uri) {
        noParameters(uri);
        return RestJson.ok(objects(uri).person(snapshot().person(id).orElseThrow(() -> unknown("person", id))));
    }

    @GET
    @Path("/membership/{organization}/{person}")
    public Response membership(@PathParam("organization") String organization, @PathParam("person") String person,
                               @Context UriInfo uri) {
        noParameters(uri);
        Seat seat = snapshot().person(person).stream().flatMap(p -> p.seats().stream())
                .filter(s -> s.body().key().equals(organization)).findFirst()
                .orElseThrow(() -> unknown("membership", organization + "/" + person));
        return RestJson.ok(objects(uri).membership(seat, person));
    }

    @GET
    @Path("/meeting/{id}")
    public Response meeting(@PathParam("id") String id, @Context UriInfo uri) {
        noParameters(uri);
        Snapshot s = snapshot();
        // Only the canonical spelling of an id: "007" is not meeting 7.
        long number = id.matches("[1-9][0-9]{0,17}") ? Long.parseLong(id) : -1;
        return RestJson.ok(objects(uri).meeting(s.meeting(number).orElseThrow(() -> unknown("meeting", id)), s));
    }

    @GET
    @Path("/agendaItem/{id}")
    public Response agendaItem(@PathParam("id") String id, @Context UriInfo uri) {
        noParameters(uri);
        return RestJson.ok(objects(uri).agendaItem(snapshot().item(id).orElseThrow(() -> unknown("agendaItem", id))));
    }

    @GET
    @Path("/location/{id}")
    public Response location(@PathParam("id") String id, @Context UriInfo uri) {
        noParameters(uri);
        return RestJson.ok(objects(uri).location(snapshot().place(id).orElseThrow(() -> unknown("location", id))));
    }

    private Snapshot snapshot() {
        return new PublicRecords(committee, decisions, advisory, pages, settings.personIds()).read();
    }

    private OParlObjects objects(UriInfo uri) {
        return new OParlObjects(new OParlUrls(uri), settings, pageLinks, new Texts(i18n, locales.getLocale()));
    }

    private static void requireBody(String body) {
        if (!OParlUrls.BODY_ID.equals(body)) {
            throw unknown("body", body);
        }
    }

    private static NotFoundException unknown(String type, String id) {
        return NotFoundException.of("cockpit.oparl.error.unknown", type + "/" + id);
    }

    /** Objects take no parameters; one sent anyway is refused, as everywhere in this API. */
    private static void noParameters(UriInfo uri) {
        QueryParameters.of(uri, Set.of());
    }

    /**
     * One page of an external list: the client's page (from 1) of {@code elementsPerPage} items
     * (at most {@value #MAX_ELEMENTS_PER_PAGE}; OParl lets a server ignore the wish, this one
     * honours it), with links that keep the client's parameters.
     *
     * @param list the list's canonical URL, whatever spelling of it the client used
     */
    private <T, J> Response list(UriInfo uri, String list, List<T> items, Function<T, J> write) {
        MacroParameters p = QueryParameters.of(uri, LIST_PARAMETERS);
        int size = p.number("elementsPerPage", ELEMENTS_PER_PAGE, 1, MAX_ELEMENTS_PER_PAGE);
        int page = p.number("page", 1, 1, Integer.MAX_VALUE);
        Map<String, String> kept = new LinkedHashMap<>();
        if (size != ELEMENTS_PER_PAGE) {
            kept.put("elementsPerPage", String.valueOf(size));
        }
        for (String filter : FILTERS) {
            p.text(filter).ifPresent(value -> kept.put(filter, dateTime(filter, value)));
        }
        int pages = Math.max(1, (items.size() + size - 1) / size);
        if (page > pages) {
            throw NotFoundException.of("cockpit.oparl.error.no-such-page", String.valueOf(page), String.valueOf(pages));
        }
        List<J> data = items.subList((page - 1) * size, Math.min(items.size(), page * size)).stream().map(write)
                .toList();
        Links links = new Links(OParlUrls.page(list, kept, 1),
                page > 1 ? OParlUrls.page(list, kept, page - 1) : null, OParlUrls.page(list, kept, page),
                page < pages ? OParlUrls.page(list, kept, page + 1) : null, OParlUrls.page(list, kept, pages));
        return RestJson.ok(new ListPage<>(data, new Pagination(items.size(), size, page, pages), links));
    }

    private static String dateTime(String name, String value) {
        try {
            OffsetDateTime.parse(value);
            return value;
        } catch (DateTimeParseException e) {
            throw ValidationException.of("cockpit.oparl.error.date-time", name, value);
        }
    }
}
