package de.digitalstrategie.cockpit.committee.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.committee.AgendaItem;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.ValidationException;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/** Bodies, their members and their meetings with agendas. */
public class CommitteeStore {
    private final ActiveObjects ao;

    public CommitteeStore(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Creates or updates the body with the same key. */
    public void save(Body body) {
        ao.executeInTransaction(() -> {
            BodyEntity[] found = ao.find(BodyEntity.class, BodyEntity.BODY_KEY + " = ?", body.key());
            BodyEntity e = found.length > 0 ? found[0] : ao.create(BodyEntity.class,
                    new DBParam(BodyEntity.BODY_KEY, body.key()), new DBParam("KIND", body.kind().name()),
                    new DBParam("NAME", body.name()));
            e.setKind(body.kind().name());
            e.setName(body.name());
            e.setPublished(body.isPublic());
            e.save();
            return null;
        });
    }

    public List<Body> bodies() {
        List<Body> bodies = new java.util.ArrayList<>();
        ao.stream(BodyEntity.class, Query.select("*").order(BodyEntity.BODY_KEY), e -> bodies.add(toBody(e)));
        return List.copyOf(bodies);
    }

    public Optional<Body> body(String key) {
        return Arrays.stream(ao.find(BodyEntity.class, BodyEntity.BODY_KEY + " = ?", key)).findFirst()
                .map(CommitteeStore::toBody);
    }

    /** Seats a member (or updates their seat) after checking the role fits the body. */
    public void save(Member member) {
        Body body = body(member.bodyKey())
                .orElseThrow(() -> ValidationException.of("cockpit.body.error.unknown", member.bodyKey()));
        member.checkFits(body.kind());
        ao.executeInTransaction(() -> {
            MemberEntity[] found = ao.find(MemberEntity.class, MemberEntity.BODY_KEY + " = ? AND "
                    + MemberEntity.USER_KEY + " = ?", member.bodyKey(), member.userKey());
            MemberEntity e = found.length > 0 ? found[0] : ao.create(MemberEntity.class,
                    new DBParam(MemberEntity.BODY_KEY, member.bodyKey()),
                    new DBParam(MemberEntity.USER_KEY, member.userKey()),
                    new DBParam("DISPLAY_NAME", member.displayName()),
                    new DBParam("MEMBER_ROLE", member.role().name()));
            e.setDisplayName(member.displayName());
            e.setMemberRole(member.role().name());
            e.setSector(member.sector() == null ? null : member.sector().name());
            e.setDepartmentKey(member.departmentKey());
            e.setPublishConsent(member.publishConsent());
            e.save();
            return null;
        });
    }

    public List<Member> members(String bodyKey) {
        return Arrays.stream(ao.find(MemberEntity.class, Query.select()
                        .where(MemberEntity.BODY_KEY + " = ?", bodyKey).order("DISPLAY_NAME")))
                .map(CommitteeStore::toMember).toList();
    }

    /** Every seat a user holds, in all bodies: what the user may do follows from these. */
    public List<Member> seatsOf(String userKey) {
        return Arrays.stream(ao.find(MemberEntity.class, MemberEntity.USER_KEY + " = ?", userKey))
                .map(CommitteeStore::toMember).toList();
    }

    public Meeting save(Meeting meeting) {
        return ao.executeInTransaction(() -> {
            MeetingEntity e = meeting.id() > 0 ? Arrays.stream(ao.find(MeetingEntity.class, "ID = ?", meeting.id()))
                    .findFirst().orElse(null) : null;
            if (e == null) {
                e = ao.create(MeetingEntity.class,
                        new DBParam(MeetingEntity.BODY_KEY, meeting.bodyKey()),
                        new DBParam("MEETING_NUMBER", meeting.number()),
                        new DBParam("TITLE", meeting.title()),
                        new DBParam(MeetingEntity.MEETING_DATE, toDate(meeting.date())));
            }
            e.setBodyKey(meeting.bodyKey());
            e.setMeetingNumber(meeting.number());
            e.setTitle(meeting.title());
            e.setMeetingDate(toDate(meeting.date()));
            e.setLocation(meeting.location());
            e.setPageId(meeting.pageId());
            e.setPublished(meeting.isPublic());
            e.save();
            return meeting.withId(e.getID());
        });
    }

    public Optional<Meeting> meeting(long id) {
        return Arrays.stream(ao.find(MeetingEntity.class, "ID = ?", id)).findFirst().map(CommitteeStore::toMeeting);
    }

    /**
     * A body's meetings, newest first. Streamed: every register view lists them for its filter, and
     * an entity per row would cost a body with years of meetings more than the register itself.
     */
    public List<Meeting> meetings(String bodyKey) {
        List<Meeting> meetings = new java.util.ArrayList<>();
        ao.stream(MeetingEntity.class, Query.select("*").where(MeetingEntity.BODY_KEY + " = ?", bodyKey)
                .order(MeetingEntity.MEETING_DATE + " DESC"), e -> meetings.add(toMeeting(e)));
        return List.copyOf(meetings);
    }

    /** The meeting minuted on a page, if the page is a meeting's minutes. */
    public Optional<Meeting> meetingByPage(long pageId) {
        return Arrays.stream(ao.find(MeetingEntity.class, MeetingEntity.PAGE_ID + " = ?", pageId)).findFirst()
                .map(CommitteeStore::toMeeting);
    }

    /** The pages on which meetings are minuted: where decisions and input are recorded. */
    public List<Long> minutesPageIds() {
        Set<Long> pages = new java.util.LinkedHashSet<>();
        ao.stream(MeetingEntity.class, Query.select("ID, " + MeetingEntity.PAGE_ID)
                .where(MeetingEntity.PAGE_ID + " > ?", 0L), e -> pages.add(e.getPageId()));
        return List.copyOf(pages);
    }

    public int countMeetings(String bodyKey) {
        return ao.count(MeetingEntity.class, MeetingEntity.BODY_KEY + " = ?", bodyKey);
    }

    public AgendaItem add(AgendaItem item) {
        if (meeting(item.meetingId()).isEmpty()) {
            throw ValidationException.of("cockpit.meeting.error.unknown", item.meetingId());
        }
        return ao.executeInTransaction(() -> {
            AgendaItemEntity e = ao.create(AgendaItemEntity.class,
                    new DBParam(AgendaItemEntity.MEETING_ID, item.meetingId()),
                    new DBParam(AgendaItemEntity.SORT_ORDER, item.position()),
                    new DBParam("ITEM_NUMBER", item.number()),
                    new DBParam("TITLE", item.title()),
                    new DBParam("PUBLISHED", item.isPublic()));
            return item.withId(e.getID(), item.meetingId());
        });
    }

    public List<AgendaItem> agenda(long meetingId) {
        return Arrays.stream(ao.find(AgendaItemEntity.class, Query.select()
                        .where(AgendaItemEntity.MEETING_ID + " = ?", meetingId).order(AgendaItemEntity.SORT_ORDER)))
                .map(CommitteeStore::toAgendaItem).toList();
    }

    private static Body toBody(BodyEntity e) {
        return new Body(e.getBodyKey(), BodyKind.valueOf(e.getKind()), e.getName(), e.isPublished());
    }

    private static Member toMember(MemberEntity e) {
        return new Member(e.getBodyKey(), e.getUserKey(), e.getDisplayName(), MemberRole.valueOf(e.getMemberRole()),
                e.getSector() == null || e.getSector().isBlank() ? null : Sector.valueOf(e.getSector()),
                e.getDepartmentKey(), e.isPublishConsent());
    }

    private static Meeting toMeeting(MeetingEntity e) {
        return new Meeting(e.getID(), e.getBodyKey(), e.getMeetingNumber(), e.getTitle(), toDay(e.getMeetingDate()),
                e.getLocation(), e.getPageId(), e.isPublished());
    }

    private static AgendaItem toAgendaItem(AgendaItemEntity e) {
        return new AgendaItem(e.getID(), e.getMeetingId(), e.getSortOrder(), e.getItemNumber(), e.getTitle(),
                e.isPublished());
    }
}
