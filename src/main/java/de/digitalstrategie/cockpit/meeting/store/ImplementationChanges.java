package de.digitalstrategie.cockpit.meeting.store;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.ImplementationChange;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.meeting.Item;
import de.digitalstrategie.cockpit.meeting.PreparationSection;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.meeting.Span;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.register.store.RegisterPage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes of decisions' implementation since the last meeting (from the start of its day, in
 * the city's zone), newest first, read from the decisions' history: each change with its states,
 * who made it (a user, or the Jira sync and its issue) and its day. A change of a decision on a
 * page the viewer may not see, or since withdrawn, is left out as if never made; the decisions are
 * read in one go through the register, the only way a number reaches the viewer.
 */
public class ImplementationChanges implements PreparationSection {
    private final DecisionStore decisions;
    private final Clock clock;

    public ImplementationChanges(DecisionStore decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "implementation";
    }

    @Override
    public List<Item> items(Span span, Sight sight) {
        Instant from = span.since() == null ? Instant.EPOCH : span.since().atStartOfDay(clock.getZone()).toInstant();
        Instant until = span.until().atStartOfDay(clock.getZone()).toInstant();
        List<AuditEntry> changes = decisions.historyBetween(from, until).stream()
                .filter(e -> ImplementationChange.of(e).isPresent()).toList();
        if (changes.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = changes.stream().map(AuditEntry::recordId).collect(Collectors.toCollection(LinkedHashSet::new));
        RegisterPage<Decision, DecisionStatus> read = decisions.among(ids, sight.pages());
        Map<Long, Decision> seen = read.page().items().stream().collect(Collectors.toMap(Decision::id,
                Function.identity()));
        List<Item> items = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            AuditEntry entry = changes.get(i);
            Decision d = seen.get(entry.recordId());
            Optional<ImplementationChange> change = ImplementationChange.of(entry);
            if (d == null || change.isEmpty()) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(entry.at(), clock.getZone());
            Message note = ImplementationChange.fromJira(entry)
                    ? Message.of("cockpit.preparation.implementation.note-jira", change.get().from().label(),
                    change.get().to().label(), entry.actor().substring(ImplementationChange.JIRA_SOURCE.length()), day)
                    : Message.of("cockpit.preparation.implementation.note", change.get().from().label(),
                    change.get().to().label(), entry.actor(), day);
            items.add(Item.onPage(d.number(), d.title(), note, d.page().pageId()));
        }
        return items;
    }
}
