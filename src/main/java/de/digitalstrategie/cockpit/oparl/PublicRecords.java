package de.digitalstrategie.cockpit.oparl;

import de.digitalstrategie.cockpit.access.MeetingAccess;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.AgendaItem;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The one place that decides what of the registers is public. Everything OParl shows comes from a
 * {@link Snapshot} read here, so an item left out here is left out of every object, list, count
 * and link alike. A record is public only if every level above it is:
 * <ul>
 *   <li>a body: marked public;</li>
 *   <li>a person: holds a seat in a public body and agreed to be named (per seat);</li>
 *   <li>a meeting: in a public body, marked public, and its minutes page (if any) viewable by
 *       anonymous visitors — a page restricted to the committee hides the meeting and everything
 *       recorded on it, whoever asks ({@link MeetingAccess#publicMeetings});</li>
 *   <li>a decision or advisory input: marked public, not withdrawn, its own page viewable by
 *       anonymous visitors, its meeting public, and (for a decision filed under a stored agenda
 *       item) that item public.</li>
 * </ul>
 * The public part is small (two bodies, a handful of meetings a year), so it is read whole per
 * request; lists are paged from it.
 */
final class PublicRecords {
    private final CommitteeStore committee;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final PageAccess pages;
    private final UnaryOperator<String> personIds;

    /** @param personIds the public id of a person, by Confluence user key */
    PublicRecords(CommitteeStore committee, DecisionStore decisions, AdvisoryStore advisory, PageAccess pages,
                  UnaryOperator<String> personIds) {
        this.committee = committee;
        this.decisions = decisions;
        this.advisory = advisory;
        this.pages = pages;
        this.personIds = personIds;
    }

    /** A seat a person agreed to have published. */
    record Seat(Body body, Member member) {
    }

    /** A person with the seats they agreed to have published; never empty. */
    record Person(String id, String name, List<Seat> seats) {
    }

    /**
     * A public item of a meeting's agenda: a stored agenda item ({@code key} is its id), or, for
     * decisions not filed under a stored item and for advisory input, one derived from the
     * decision ({@code decision-<id>}) or input ({@code input-<id>}).
     *
     * @param order     the position among the meeting's public items, from 1
     * @param number    the printed number of a stored item; null for derived ones
     * @param decisions the public decisions taken under the item
     * @param input     the advisory input the item stands for, or null
     */
    record Item(String key, Meeting meeting, int order, String number, String name, List<Decision> decisions,
                AdvisoryInput input) {
    }

    /** Where meetings take place, by the text the meeting gives. */
    record Place(String id, String description) {
    }

    record Snapshot(List<Body> bodies, List<Person> persons, List<Meeting> meetings, List<Item> items,
                    List<Place> places) {
        Optional<Body> body(String key) {
            return bodies.stream().filter(b -> b.key().equals(key)).findFirst();
        }

        Optional<Person> person(String id) {
            return persons.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        Optional<Meeting> meeting(long id) {
            return meetings.stream().filter(m -> m.id() == id).findFirst();
        }

        Optional<Item> item(String key) {
            return items.stream().filter(i -> i.key().equals(key)).findFirst();
        }

        Optional<Place> place(String id) {
            return places.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        List<Item> agenda(long meetingId) {
            return items.stream().filter(i -> i.meeting().id() == meetingId).toList();
        }

        List<Meeting> meetingsOf(String bodyKey) {
            return meetings.stream().filter(m -> m.bodyKey().equals(bodyKey)).toList();
        }

        /** The published seats, person by person (by name), for the membership lists. */
        List<Seat> seats() {
            return persons.stream().flatMap(p -> p.seats().stream()).toList();
        }

        List<Seat> seatsIn(String bodyKey) {
            return seats().stream().filter(s -> s.body().key().equals(bodyKey)).toList();
        }

        String personId(Seat seat) {
            return persons.stream().filter(p -> p.seats().contains(seat)).map(Person::id).findFirst()
                    .orElseThrow();
        }
    }

    Snapshot read() {
        List<Body> bodies = committee.bodies().stream().filter(Body::isPublic)
                .sorted(Comparator.comparing(Body::key)).toList();
        List<Person> persons = persons(bodies);

        // Which meetings are public is decided where the public calendar feeds decide it too.
        List<Meeting> meetings = new MeetingAccess(committee, pages).publicMeetings(bodies);
        Set<Long> meetingIds = new HashSet<>();
        meetings.forEach(m -> meetingIds.add(m.id()));
        List<Decision> publicDecisions = decisions.all().stream()
                .filter(d -> d.isPublic() && !d.withdrawn() && meetingIds.contains(d.meetingId())).toList();
        List<AdvisoryInput> publicInputs = advisory.all().stream()
                .filter(i -> i.isPublic() && !i.withdrawn() && meetingIds.contains(i.meetingId())).toList();

        // One permission check per distinct page, as the anonymous visitor.
        Set<Long> pageIds = new HashSet<>();
        publicDecisions.forEach(d -> pageIds.add(d.page().pageId()));
        publicInputs.forEach(i -> pageIds.add(i.page().pageId()));
        pageIds.remove(0L);
        Set<Long> publicPages = pages.publiclyViewable(pageIds);

        List<Item> items = new ArrayList<>();
        for (Meeting meeting : meetings) {
            items.addAll(agenda(meeting,
                    publicDecisions.stream().filter(d -> d.meetingId() == meeting.id()
                            && (!d.page().exists() || publicPages.contains(d.page().pageId()))).toList(),
                    publicInputs.stream().filter(i -> i.meetingId() == meeting.id()
                            && (!i.page().exists() || publicPages.contains(i.page().pageId()))).toList()));
        }
        Map<String, Place> places = new TreeMap<>();
        for (Meeting m : meetings) {
            if (!m.location().isBlank()) {
                places.putIfAbsent(m.location(), new Place(placeId(m.location()), m.location()));
            }
        }
        return new Snapshot(bodies, persons, meetings, List.copyOf(items), List.copyOf(places.values()));
    }

    private List<Person> persons(List<Body> bodies) {
        Map<String, List<Seat>> byUser = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Body body : bodies) {
            for (Member m : committee.members(body.key())) {
                if (m.publishConsent()) {
                    byUser.computeIfAbsent(m.userKey(), k -> new ArrayList<>()).add(new Seat(body, m));
                    names.putIfAbsent(m.userKey(), m.displayName());
                }
            }
        }
        List<Person> persons = new ArrayList<>();
        byUser.forEach((user, seats) -> persons.add(new Person(personIds.apply(user), names.get(user),
                List.copyOf(seats))));
        persons.sort(Comparator.comparing(Person::name).thenComparing(Person::id));
        return List.copyOf(persons);
    }

    /**
     * A meeting's public agenda: its public stored items in their order, each with the decisions
     * filed under it; then one item per decision filed under no stored item of this meeting (the
     * minutes' decision macros name no agenda item), by decision number; then one per advisory
     * input, by number. Decisions filed under a stored item that is not public stay out with it.
     */
    private List<Item> agenda(Meeting meeting, List<Decision> meetingDecisions, List<AdvisoryInput> inputs) {
        List<AgendaItem> stored = committee.agenda(meeting.id());
        Set<Long> storedIds = new HashSet<>();
        stored.forEach(i -> storedIds.add(i.id()));
        List<Item> items = new ArrayList<>();
        for (AgendaItem item : stored) {
            if (item.isPublic()) {
                items.add(new Item(String.valueOf(item.id()), meeting, items.size() + 1, item.number(), item.title(),
                        meetingDecisions.stream().filter(d -> d.agendaItemId() == item.id()).toList(), null));
            }
        }
        meetingDecisions.stream().filter(d -> !storedIds.contains(d.agendaItemId()))
                .sorted(Comparator.comparing(Decision::number).thenComparing(Decision::id))
                .forEach(d -> items.add(new Item("decision-" + d.id(), meeting, items.size() + 1, null,
                        d.number() + " " + d.title(), List.of(d), null)));
        inputs.stream().sorted(Comparator.comparing(AdvisoryInput::number).thenComparing(AdvisoryInput::id))
                .forEach(i -> items.add(new Item("input-" + i.id(), meeting, items.size() + 1, null,
                        i.number() + " " + i.title(), List.of(), i)));
        return items;
    }

    /** A stable id for a place: the same text gives the same id on every node and after restarts. */
    static String placeId(String description) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
