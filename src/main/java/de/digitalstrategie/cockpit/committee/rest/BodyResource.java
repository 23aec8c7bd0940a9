package de.digitalstrategie.cockpit.committee.rest;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The bodies with their members, and their meetings, for signed-in staff. A meeting whose minutes
 * the caller may not view is left out.
 */
@Path("/bodies")
@Produces(MediaType.APPLICATION_JSON)
public class BodyResource {
    private final CommitteeStore committee;
    private final PageAccess pages;

    public record MemberJson(String userKey, String name, String role, String sector, String department) {
    }

    public record BodyJson(String key, String kind, String name, List<MemberJson> members) {
    }

    public record MeetingJson(long id, String number, String title, LocalDate date, String location, long pageId) {
    }

    @Inject
    public BodyResource(CommitteeStore committee, PageAccess pages) {
        this.committee = committee;
        this.pages = pages;
    }

    @GET
    public Response bodies() {
        return RestJson.ok(committee.bodies().stream().map(this::json).toList());
    }

    @GET
    @Path("/{key}/meetings")
    public Response meetings(@PathParam("key") String key) {
        Body body = committee.body(key).orElseThrow(() -> NotFoundException.of("cockpit.body.error.unknown", key));
        List<Meeting> meetings = committee.meetings(body.key());
        Set<Long> viewable = pages.viewable(meetings.stream().map(Meeting::pageId).filter(id -> id > 0).toList());
        return RestJson.ok(meetings.stream().filter(m -> m.pageId() == 0 || viewable.contains(m.pageId()))
                .map(m -> new MeetingJson(m.id(), m.number(), m.title(), m.date(), m.location(), m.pageId())).toList());
    }

    private BodyJson json(Body b) {
        return new BodyJson(b.key(), b.kind().name(), b.name(), committee.members(b.key()).stream().map(BodyResource::json)
                .toList());
    }

    private static MemberJson json(Member m) {
        return new MemberJson(m.userKey(), m.displayName(), m.role().name(), m.sector() == null ? null : m.sector().name(),
                m.departmentKey());
    }
}
