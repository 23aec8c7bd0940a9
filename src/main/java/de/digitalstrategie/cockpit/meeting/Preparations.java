package de.digitalstrategie.cockpit.meeting;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares a body's next meeting: works out the span since its last meeting and asks each section
 * for what happened in it, over what the viewer may see.
 */
public class Preparations {
    private final CommitteeStore committee;
    private final MinutesPlaces places;
    private final PageAccess pageAccess;
    private final ProjectAccess projectAccess;
    private final List<PreparationSection> sections;
    private final Clock clock;

    public Preparations(CommitteeStore committee, MinutesPlaces places, PageAccess pageAccess,
                        ProjectAccess projectAccess, List<PreparationSection> sections, Clock clock) {
        this.committee = committee;
        this.places = places;
        this.pageAccess = pageAccess;
        this.projectAccess = projectAccess;
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    /**
     * The body named, or else the one whose minutes places hold the page.
     *
     * @throws ValidationException for a key that names no body, or no key on a page outside every
     *                             body's minutes
     */
    public Body body(Optional<String> key, PageLocation page) {
        if (key.isPresent()) {
            return committee.body(key.get()).orElseThrow(() ->
                    ValidationException.of("cockpit.preparation.error.unknown-body", key.get()));
        }
        for (BodyKind kind : BodyKind.values()) {
            Optional<Body> found = places.bodyFor(kind, page);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw ValidationException.of("cockpit.preparation.error.no-body");
    }

    /**
     * What happened since the body's last meeting before the page's meeting (or before today when
     * the page minutes none of the body's meetings, as a page made from the blueprint does not yet).
     */
    public Preparation prepare(Body body, long pageId, int unansweredDays) {
        Sight sight = new Sight(pageAccess.viewable(committee.minutesPageIds()), projectAccess.visibility());
        Span span = span(body, pageId, sight.pages(), unansweredDays);
        List<Section> shown = new ArrayList<>();
        for (PreparationSection section : sections) {
            if (section.appliesTo(body.kind())) {
                shown.add(new Section(section.key(), section.items(span, sight)));
            }
        }
        return new Preparation(span, shown);
    }

    private Span span(Body body, long pageId, Set<Long> viewable, int unansweredDays) {
        LocalDate today = LocalDate.now(clock);
        LocalDate tomorrow = today.plusDays(1);
        Optional<Meeting> prepared = pageId > 0 ? committee.meetingByPage(pageId)
                .filter(m -> m.bodyKey().equals(body.key())) : Optional.empty();
        LocalDate until = prepared.map(Meeting::date).filter(d -> d.isBefore(tomorrow)).orElse(tomorrow);
        // Only a meeting whose minutes the viewer may read: one he may not is not mentioned, not
        // even by its day, and the span reaches back to the one before it.
        Meeting last = committee.meetings(body.key()).stream()
                .filter(m -> m.pageId() > 0 && viewable.contains(m.pageId()))
                .filter(m -> prepared.map(p -> p.id() != m.id()).orElse(true))
                .filter(m -> m.date().isBefore(prepared.map(Meeting::date).orElse(tomorrow)))
                .findFirst().orElse(null);
        return new Span(body, last, until, today, unansweredDays);
    }
}
