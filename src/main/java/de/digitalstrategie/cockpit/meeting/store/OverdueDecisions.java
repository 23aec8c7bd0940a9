package de.digitalstrategie.cockpit.meeting.store;

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
import java.util.List;
import java.util.Set;

/**
 * The decisions overdue today, longest overdue first, whenever they were taken: what is overdue is
 * {@link Decision#overdue}'s to say, so a decision's implementation state, once kept, decides it
 * there and here alike.
 */
public class OverdueDecisions implements PreparationSection {
    private final DecisionStore decisions;

    public OverdueDecisions(DecisionStore decisions) {
        this.decisions = decisions;
    }

    @Override
    public String key() {
        return "overdue";
    }

    @Override
    public List<Item> items(Span span, Sight sight) {
        List<Decision> overdue = new ArrayList<>();
        decisions.forEach(new RegisterFilter<DecisionStatus, DecisionCriteria>(null, null,
                Set.of(DecisionStatus.DECIDED), null, null, false, null), sight.pages(), d -> {
            if (d.overdue(span.today())) {
                overdue.add(d);
            }
        });
        overdue.sort(Comparator.comparing(Decision::dueDate).thenComparing(Decision::number));
        return overdue.stream().map(d -> Item.onPage(d.number(), d.title(), d.owner().isEmpty()
                ? Message.of("cockpit.preparation.overdue.note", d.dueDate())
                : Message.of("cockpit.preparation.overdue.note-owner", d.dueDate(), d.owner()), d.page().pageId()))
                .toList();
    }
}
