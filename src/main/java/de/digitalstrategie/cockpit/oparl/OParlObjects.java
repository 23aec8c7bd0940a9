package de.digitalstrategie.cockpit.oparl;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.oparl.OParlJson.AgendaItemJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.BodyJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.ImplementationStateJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.LocationJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.MeetingJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.MembershipJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.OrganizationJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.PersonJson;
import de.digitalstrategie.cockpit.oparl.OParlJson.SystemJson;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Item;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Person;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Place;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Seat;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Snapshot;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the public records as OParl objects. An object is written the same way wherever it
 * appears (alone, in a list, embedded), so a client may take any copy.
 */
final class OParlObjects {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** OParl's suggested vocabulary is German; it is data, not a text for the viewer's language. */
    static final String ORGANIZATION_TYPE = "Gremium";
    /** Statuses that are the outcome of a vote (or of deciding not to vote yet). */
    private static final Set<DecisionStatus> RESULTS = EnumSet.of(DecisionStatus.DECIDED, DecisionStatus.REJECTED,
            DecisionStatus.DEFERRED, DecisionStatus.SUPERSEDED, DecisionStatus.REVOKED);
    /** Statuses under which the committee resolved the text, whatever became of it later. */
    private static final Set<DecisionStatus> RESOLVED = EnumSet.of(DecisionStatus.DECIDED, DecisionStatus.SUPERSEDED,
            DecisionStatus.REVOKED);

    /**
     * The city's extension property on agenda items, under its prefix: where each public decision
     * on the item stands in being carried out (OpenGovLD/specs#173, "Beschlusskontrolle", puts
     * it beside the resolution, which OParl keeps on the agenda item).
     */
    static final String IMPLEMENTATION_STATE = "implementationState";
    /** The vocabulary of {@link #implementationState}'s codes while it is the decision's status. */
    static final String STATUS_SCHEME = "decisionStatus";
    /** The vocabulary of a decision in force: how far it has been carried out (open, in-progress, done). */
    static final String IMPLEMENTATION_SCHEME = "implementation";

    private final OParlUrls urls;
    private final OParlSettings settings;
    private final PageLinks pageLinks;
    private final Texts texts;
    /** Read once: every agenda item of a publication carries it. */
    private final String implementationStateProperty;

    OParlObjects(OParlUrls urls, OParlSettings settings, PageLinks pageLinks, Texts texts) {
        this.urls = urls;
        this.settings = settings;
        this.pageLinks = pageLinks;
        this.texts = texts;
        this.implementationStateProperty = settings.extensionPrefix() + ":" + IMPLEMENTATION_STATE;
    }

    SystemJson system() {
        return new SystemJson(urls.system(), OParlJson.type("System"), OParlJson.VERSION, urls.bodies(),
                texts.plain("cockpit.oparl.system.name", settings.name()), settings.website(), settings.vendor().orElse(null),
                settings.product().orElse(null), settings.license().orElse(null),
                settings.contactEmail().orElse(null), settings.contactName().orElse(null));
    }

    BodyJson body() {
        return new BodyJson(urls.body(), OParlJson.type("Body"), urls.system(), settings.shortName(), settings.name(),
                settings.website(), settings.license().orElse(null), settings.contactEmail().orElse(null),
                settings.contactName().orElse(null), settings.classification(),
                urls.bodyList("organizations"), urls.bodyList("persons"), urls.bodyList("meetings"),
                urls.bodyList("papers"), List.of(), urls.bodyList("agendaItems"), urls.bodyList("files"),
                urls.bodyList("locations"), urls.bodyList("legislativeTerms"), urls.bodyList("memberships"));
    }

    OrganizationJson organization(Body body, Snapshot snapshot) {
        return new OrganizationJson(urls.organization(body.key()), OParlJson.type("Organization"), urls.body(),
                body.name(), snapshot.seatsIn(body.key()).stream()
                .map(s -> urls.membership(body.key(), snapshot.personId(s))).toList(),
                urls.organizationMeetings(body.key()), ORGANIZATION_TYPE, texts.plain(body.kind()));
    }

    PersonJson person(Person person) {
        return new PersonJson(urls.person(person.id()), OParlJson.type("Person"), urls.body(), person.name(),
                person.seats().stream().map(s -> membership(s, person.id())).toList());
    }

    MembershipJson membership(Seat seat, String personId) {
        Member m = seat.member();
        String role = m.sector() == null ? texts.plain(m.role())
                : texts.plain("cockpit.oparl.membership.sector", texts.plain(m.role()), texts.plain(m.sector()));
        // Only the steering committee votes, and there only its voting members.
        boolean votes = seat.body().kind() == BodyKind.STEERING_COMMITTEE && m.role() == MemberRole.VOTING_MEMBER;
        return new MembershipJson(urls.membership(seat.body().key(), personId), OParlJson.type("Membership"),
                urls.person(personId), urls.organization(seat.body().key()), role, votes);
    }

    MeetingJson meeting(Meeting meeting, Snapshot snapshot) {
        LocationJson location = meeting.location().isBlank() ? null
                : location(new Place(PublicRecords.placeId(meeting.location()), meeting.location()));
        return new MeetingJson(urls.meeting(meeting.id()), OParlJson.type("Meeting"), meeting.title(),
                start(meeting.date()), location, List.of(urls.organization(meeting.bodyKey())),
                snapshot.agenda(meeting.id()).stream().map(this::agendaItem).toList(),
                meeting.pageId() > 0 ? urls.absolute(pageLinks.page(meeting.pageId())) : null);
    }

    LocationJson location(Place place) {
        return new LocationJson(urls.location(place.id()), OParlJson.type("Location"), place.description());
    }

    AgendaItemJson agendaItem(Item item) {
        String result;
        String resolution;
        Map<String, Object> extensions = Map.of();
        if (item.input() != null) {
            AdvisoryInput input = item.input();
            result = texts.plain("cockpit.oparl.result.recommendation", texts.plain(input.answer().status()));
            resolution = blankToNull(input.recommendation());
        } else {
            result = joined(item.decisions().stream().filter(d -> RESULTS.contains(d.status())).toList(), "; ",
                    this::result);
            resolution = joined(item.decisions().stream().filter(d -> RESOLVED.contains(d.status())
                    && !d.text().isBlank()).toList(), "\n\n", Decision::text);
            if (!item.decisions().isEmpty()) {
                extensions = Map.of(implementationStateProperty,
                        item.decisions().stream().map(this::implementationState).toList());
            }
        }
        return new AgendaItemJson(urls.agendaItem(item.key()), OParlJson.type("AgendaItem"),
                urls.meeting(item.meeting().id()), item.number(), item.order(), item.name(), true, result, resolution,
                extensions);
    }

    /**
     * A decision in force stands where its implementation does (open, in progress, done); any other
     * decision's state is its status. The scheme says which vocabulary the code is from.
     */
    private ImplementationStateJson implementationState(Decision d) {
        return d.implementable()
                ? new ImplementationStateJson(d.number(), IMPLEMENTATION_SCHEME, d.implementation().code(),
                texts.plain(d.implementation()))
                : new ImplementationStateJson(d.number(), STATUS_SCHEME, code(d.status()), texts.plain(d.status()));
    }

    /** The code of a status as its label key ends: DecisionStatus.READY_FOR_VOTE → ready-for-vote. */
    private static String code(DecisionStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private String result(Decision d) {
        String status = texts.plain(d.status());
        return d.vote() == null ? status : texts.plain("cockpit.oparl.result.vote", status, d.vote().inFavour(),
                d.vote().against(), d.vote().abstentions());
    }

    /** One decision: its value; several under one item: each after its number. Nothing: absent. */
    private static String joined(List<Decision> decisions, String separator,
                                 java.util.function.Function<Decision, String> value) {
        if (decisions.isEmpty()) {
            return null;
        }
        if (decisions.size() == 1) {
            return value.apply(decisions.get(0));
        }
        return decisions.stream().map(d -> d.number() + ": " + value.apply(d)).collect(Collectors.joining(separator));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A day as OParl's date-time: midnight in Worms, with the offset valid on that day. */
    static String start(LocalDate day) {
        return day.atStartOfDay(BERLIN).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
