package de.digitalstrategie.cockpit.access;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which meetings are public, and which a given user may see. Public is one notion for every public
 * answer (OParl, the public calendar feeds): the body is public, the meeting is marked public, and
 * its minutes page, where it has one, is viewable by anonymous visitors, so a page restricted to
 * the committee hides its meeting whoever asks. A user sees a meeting whose minutes page he may
 * view, or that has no page yet, as the registers show it. Each page is checked once, at the time
 * of the call.
 */
public class MeetingAccess {
    private static final Comparator<Meeting> BY_DATE = Comparator.comparing(Meeting::date)
            .thenComparingLong(Meeting::id);
    private final CommitteeStore committee;
    private final PageAccess pages;

    public MeetingAccess(CommitteeStore committee, PageAccess pages) {
        this.committee = committee;
        this.pages = pages;
    }

    /** The public meetings of those of {@code bodies} that are public, oldest first. */
    public List<Meeting> publicMeetings(Collection<Body> bodies) {
        List<Meeting> candidates = new ArrayList<>();
        for (Body body : bodies) {
            if (body.isPublic()) {
                committee.meetings(body.key()).stream().filter(Meeting::isPublic).forEach(candidates::add);
            }
        }
        return withViewablePages(candidates, pages::publiclyViewable);
    }

    /**
     * The meetings of {@code bodies} the user {@code userKey} may see now, oldest first; empty for a
     * user who may not use Confluence any more (gone or deactivated), who sees nothing at all.
     */
    public Optional<List<Meeting>> meetingsVisibleTo(String userKey, Collection<Body> bodies) {
        if (!pages.isActive(userKey)) {
            return Optional.empty();
        }
        List<Meeting> candidates = new ArrayList<>();
        for (Body body : bodies) {
            candidates.addAll(committee.meetings(body.key()));
        }
        return Optional.of(withViewablePages(candidates, ids -> pages.viewableBy(userKey, ids)));
    }

    private static List<Meeting> withViewablePages(List<Meeting> meetings,
                                                   Function<Collection<Long>, Set<Long>> viewable) {
        List<Long> pageIds = meetings.stream().map(Meeting::pageId).filter(id -> id > 0).distinct().toList();
        Set<Long> shown = pageIds.isEmpty() ? Set.of() : viewable.apply(pageIds);
        return meetings.stream().filter(m -> m.pageId() == 0 || shown.contains(m.pageId())).sorted(BY_DATE).toList();
    }
}
