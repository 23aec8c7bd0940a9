package de.digitalstrategie.cockpit.calendar.rest;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import de.digitalstrategie.cockpit.access.MeetingAccess;
import de.digitalstrategie.cockpit.calendar.MeetingCalendar;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.publication.PublicLanguage;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.RequestParameters;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.QueryParameters;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the public and the personal feeds share: the calendar of the meetings one caller may see,
 * of one body or of all, in the caller's language, and the one answer of every address that is no
 * feed (an unknown body, a body that is not public, an unknown or revoked personal address), the
 * same bytes and headers for all of them, so no answer tells a revoked address from one that never
 * was, nor a confidential body from a misspelt one. The secret of a personal address is never
 * written into an answer, a message or a log.
 */
public class CalendarFeeds {
    /** RFC 5545 section 8.1: a calendar with a METHOD property names it in the media type too. */
    static final String ICS = "text/calendar; charset=utf-8; method=PUBLISH";
    private static final Set<String> PARAMETERS = Set.of("lang");
    private final CommitteeStore committee;
    private final MeetingAccess meetings;
    private final PageLinks pages;
    private final ApplicationProperties application;
    private final I18nResolver i18n;
    private final RequestParameters request;
    private final Clock clock;

    public CalendarFeeds(CommitteeStore committee, MeetingAccess meetings, PageLinks pages,
                         ApplicationProperties application, I18nResolver i18n, RequestParameters request,
                         Clock clock) {
        this.committee = committee;
        this.meetings = meetings;
        this.pages = pages;
        this.application = application;
        this.i18n = i18n;
        this.request = request;
        this.clock = clock;
    }

    /** The public calendar of {@code bodyKey} (all public bodies when null), or the one 404. */
    Response publicFeed(String bodyKey, UriInfo uri, HttpHeaders headers) {
        Texts t = texts(uri, headers);
        return feed(bodyKey, true, t, bodies -> Optional.of(meetings.publicMeetings(bodies)),
                t.plain("cockpit.calendar.name.public"), "public, no-cache");
    }

    /**
     * The calendar of what {@code userKey} may see now, of {@code bodyKey} or of all bodies; or the
     * one 404, also when the owner is gone or deactivated.
     */
    Response personalFeed(String userKey, String bodyKey, UriInfo uri, HttpHeaders headers) {
        Texts t = texts(uri, headers);
        return feed(bodyKey, false, t, bodies -> meetings.meetingsVisibleTo(userKey, bodies),
                t.plain("cockpit.calendar.name.personal"), "no-store");
    }

    /** The answer of an address that is no feed, for {@code uri}'s language. */
    Response notFound(UriInfo uri, HttpHeaders headers) {
        return notFound(texts(uri, headers));
    }

    private Response feed(String bodyKey, boolean publicOnly, Texts t,
                          Function<List<Body>, Optional<List<Meeting>>> visible, String kind,
                          String cacheControl) {
        List<Body> bodies = committee.bodies().stream().filter(b -> !publicOnly || b.isPublic()).toList();
        if (bodyKey != null) {
            Optional<Body> body = bodies.stream().filter(b -> b.key().equals(bodyKey)).findFirst();
            if (body.isEmpty()) {
                return notFound(t);
            }
            bodies = List.of(body.get());
        }
        Optional<List<Meeting>> shown = visible.apply(bodies);
        if (shown.isEmpty()) {
            return notFound(t);
        }
        Map<String, Body> byKey = new LinkedHashMap<>();
        bodies.forEach(b -> byKey.put(b.key(), b));
        String name = bodyKey == null ? t.plain("cockpit.calendar.name.all", kind)
                : t.plain("cockpit.calendar.name.body", bodies.get(0).name(), kind);
        String ics = new MeetingCalendar(uidHost(), base(), pages).write(name, byKey, shown.get(), clock.instant());
        return Response.ok(ics.getBytes(StandardCharsets.UTF_8), ICS)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static Response notFound(Texts t) {
        return Response.status(404).type("text/plain; charset=utf-8")
                .entity(t.plain("cockpit.calendar.error.not-found").getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private Texts texts(UriInfo uri, HttpHeaders headers) {
        QueryParameters.of(uri, PARAMETERS);
        // The host's own request: REST hosts may take ?lang= for themselves before a resource sees it.
        return new Texts(i18n, PublicLanguage.of(request.first("lang").orElse(null),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** The installation's address, the same on every node. */
    private String base() {
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        return base == null ? "" : base.replaceAll("/+$", "") + "/";
    }

    /** The installation's host, the right-hand side of every UID. */
    private String uidHost() {
        try {
            String host = URI.create(base()).getHost();
            return host == null || host.isBlank() ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }
}
