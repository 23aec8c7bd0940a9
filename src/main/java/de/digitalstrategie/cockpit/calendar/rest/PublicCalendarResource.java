package de.digitalstrategie.cockpit.calendar.rest;

import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * The public meeting calendars, for anyone (a citizen's calendar app, the city's website), as
 * iCalendar (RFC 5545):
 * <ul>
 *   <li>{@code GET /public/calendar/meetings.ics}: the public meetings of every public body;</li>
 *   <li>{@code GET /public/calendar/{body}/meetings.ics}: those of one public body.</li>
 * </ul>
 * Public means what it means for OParl ({@code MeetingAccess#publicMeetings}), for every caller
 * alike, signed in or not. Under {@code public/}, so CORS is open as for every public answer.
 */
@Path("/public/calendar")
@AnonymousSiteAccess
public class PublicCalendarResource {
    private final CalendarFeeds feeds;

    @Inject
    public PublicCalendarResource(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/meetings.ics")
    public Response all(@Context UriInfo uri, @Context HttpHeaders headers) {
        return feeds.publicFeed(null, uri, headers);
    }

    @GET
    @Path("/{body}/meetings.ics")
    public Response body(@PathParam("body") String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return feeds.publicFeed(body, uri, headers);
    }
}
