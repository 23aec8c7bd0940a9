package de.digitalstrategie.cockpit.minutes.place;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.List;
import java.util.Optional;

/**
 * Who may record: a body's decisions or input come only from pages in the places an administrator
 * named for it ({@link MinutesPlacesStore}). Being able to edit a page anywhere else gives no way
 * into the registers. The minutes sync asks here what to record, the macros why they record
 * nothing; both get the same answer.
 */
public class MinutesPlaces {
    /**
     * The key the strategy places are kept under beside the bodies' places: the pages whose goal
     * and indicator macros the goal register takes. No body's key has an underscore.
     */
    public static final String STRATEGY = "_strategy";
    private final MinutesPlacesStore store;
    private final CommitteeStore committee;

    public MinutesPlaces(MinutesPlacesStore store, CommitteeStore committee) {
        this.store = store;
        this.committee = committee;
    }

    /** The body of this kind whose minutes places hold the page (the first by key, should two). */
    public Optional<Body> bodyFor(BodyKind kind, PageLocation page) {
        if (!page.isPage()) {
            return Optional.empty();
        }
        return committee.bodies().stream().filter(b -> b.kind() == kind)
                .filter(b -> store.load(b.key()).contains(page)).findFirst();
    }

    /**
     * Why a macro of this kind on this page records nothing, or empty when it records: the page is
     * outside the body's places (or the body has none yet), or the page has no meeting yet and its
     * title, which would become the meeting's number, is not a valid one.
     */
    public Optional<Message> refusal(BodyKind kind, PageLocation page, String pageTitle) {
        if (bodyFor(kind, page).isEmpty()) {
            return Optional.of(outside(kind));
        }
        if (committee.meetingByPage(page.pageId()).isEmpty()) {
            try {
                Meeting.checkNumber(pageTitle);
            } catch (ValidationException e) {
                return Optional.of(Message.of("cockpit.places.bad-title", e.userMessage()));
            }
        }
        return Optional.empty();
    }

    /** Outside the places, or no places named yet (then the page cannot know better, the administrator can). */
    private Message outside(BodyKind kind) {
        List<Body> bodies = committee.bodies().stream().filter(b -> b.kind() == kind).toList();
        boolean named = bodies.stream().anyMatch(b -> !store.load(b.key()).isEmpty());
        return Message.of(switch (kind) {
            case STEERING_COMMITTEE -> named ? "cockpit.places.outside.steering-committee"
                    : "cockpit.places.none.steering-committee";
            case ADVISORY_BOARD -> named ? "cockpit.places.outside.advisory-board" : "cockpit.places.none.advisory-board";
        });
    }

    /**
     * Why a goal or indicator macro on this page records nothing, or empty when it records: the page
     * is outside the strategy places (or none are named yet). A page there needs no meeting, and so
     * no particular title.
     */
    public Optional<Message> strategyRefusal(PageLocation page) {
        if (inStrategyPlaces(page)) {
            return Optional.empty();
        }
        return Optional.of(Message.of(store.load(STRATEGY).isEmpty() ? "cockpit.places.none.strategy"
                : "cockpit.places.outside.strategy"));
    }

    /** Whether the page lies in the strategy places. */
    public boolean inStrategyPlaces(PageLocation page) {
        return page.isPage() && store.load(STRATEGY).contains(page);
    }
}
