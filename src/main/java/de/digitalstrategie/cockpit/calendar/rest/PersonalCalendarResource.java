package de.digitalstrategie.cockpit.calendar.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import de.digitalstrategie.cockpit.calendar.store.FeedTokens;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * A user's personal meeting calendar, read by a calendar client that signs in to nothing: the
 * secret in the address stands for its owner, who made it on the calendar page
 * ({@code CalendarServlet}) and can revoke it there.
 * <ul>
 *   <li>{@code GET /calendar/{secret}/meetings.ics}: the meetings of every body the owner may see;</li>
 *   <li>{@code GET /calendar/{secret}/{body}/meetings.ics}: those of one body.</li>
 * </ul>
 * What the owner may see is decided at each request, with Confluence's page permissions as they
 * are then: a minutes page restricted since, or an owner deactivated since, shows at the next
 * refresh. Unrestricted access, as the secret is the credential and calendar clients carry no
 * session; so the feed works on a site closed to anonymous visitors too, and answers the same
 * whoever is signed in. An address that is not current answers exactly like a feed that does not
 * exist.
 */
@Path("/calendar")
@UnrestrictedAccess
public class PersonalCalendarResource {
    private final CalendarFeeds feeds;
    private final FeedTokens tokens;

    @Inject
    public PersonalCalendarResource(CalendarFeeds feeds, FeedTokens tokens) {
        this.feeds = feeds;
        this.tokens = tokens;
    }

    @GET
    @Path("/{secret}/meetings.ics")
    public Response all(@PathParam("secret") String secret, @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed(secret, null, uri, headers);
    }

    @GET
    @Path("/{secret}/{body}/meetings.ics")
    public Response body(@PathParam("secret") String secret, @PathParam("body") String body,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed(secret, body, uri, headers);
    }

    private Response feed(String secret, String body, UriInfo uri, HttpHeaders headers) {
        Optional<String> owner = tokens.owner(secret);
        return owner.isEmpty() ? feeds.notFound(uri, headers) : feeds.personalFeed(owner.get(), body, uri, headers);
    }
}
