package de.digitalstrategie.cockpit.meeting.store;

import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.meeting.Item;
import de.digitalstrategie.cockpit.meeting.PreparationSection;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.meeting.Span;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.register.RegisterFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steering committee's open items: motions ready for the vote and decisions deferred, lowest
 * number first, each with the meeting it comes from. What the next agenda takes up again.
 */
public class OpenDecisions implements PreparationSection {
    /** The statuses a decision waits for the committee in. */
    public static final Set<DecisionStatus> OPEN = Set.of(DecisionStatus.READY_FOR_VOTE, DecisionStatus.DEFERRED);
    private final DecisionStore decisions;
    private final CommitteeStore committee;

    public OpenDecisions(DecisionStore decisions, CommitteeStore committee) {
        this.decisions = decisions;
        this.committee = committee;
    }

    @Override
    public String key() {
        return "open";
    }

    @Override
    public boolean appliesTo(BodyKind kind) {
        return kind == BodyKind.STEERING_COMMITTEE;
    }

    @Override
    public List<Item> items(Span span, Sight sight) {
        return open(sight.pages()).stream().map(d -> Item.onPage(d.decision().number(), d.decision().title(),
                d.note(), d.decision().page().pageId())).toList();
    }

    /** An open decision and what to say of it. */
    public record Open(Decision decision, Message note) {
    }

    /** The open decisions on the given pages, lowest number first. */
    public List<Open> open(Set<Long> pages) {
        List<Decision> open = new ArrayList<>();
        decisions.forEach(new RegisterFilter<DecisionStatus, DecisionCriteria>(null, null, OPEN, null, null, false,
                null), pages, open::add);
        open.sort(Comparator.comparing(Decision::number));
        Map<Long, Optional<Meeting>> meetings = new HashMap<>();
        return open.stream().map(d -> {
            Optional<Meeting> from = d.meetingId() > 0
                    ? meetings.computeIfAbsent(d.meetingId(), committee::meeting) : Optional.empty();
            return new Open(d, from.map(m -> Message.of("cockpit.preparation.open.note", d.status().label(),
                    m.number())).orElse(d.status().label()));
        }).toList();
    }
}
