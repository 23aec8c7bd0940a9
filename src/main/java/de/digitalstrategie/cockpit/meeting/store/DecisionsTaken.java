package de.digitalstrategie.cockpit.meeting.store;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.meeting.Item;
import de.digitalstrategie.cockpit.meeting.PreparationSection;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.meeting.Span;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RegisterPage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decisions in force taken since the last meeting (its own included, by the day the register
 * files them under), newest first: read from the register sorted by that day, a page at a time,
 * until the pages reach before the span.
 */
public class DecisionsTaken implements PreparationSection {
    private final DecisionStore decisions;

    public DecisionsTaken(DecisionStore decisions) {
        this.decisions = decisions;
    }

    @Override
    public String key() {
        return "decided";
    }

    @Override
    public List<Item> items(Span span, Sight sight) {
        List<Item> items = new ArrayList<>();
        RegisterFilter<DecisionStatus, DecisionCriteria> filter = new RegisterFilter<>(null, null,
                Set.of(DecisionStatus.DECIDED), null, null, false, null);
        int offset = 0;
        while (true) {
            RegisterPage<Decision, DecisionStatus> page = decisions.query(new RegisterQuery<>(filter,
                    DecisionSort.DATE, SortOrder.DESC, new PageRequest(offset, PageRequest.MAX_LIMIT)), sight.pages());
            for (Decision d : page.page().items()) {
                LocalDate day = page.dates().get(d.id());
                if (day != null && span.since() != null && day.isBefore(span.since())) {
                    return items;
                }
                if (span.covers(day)) {
                    items.add(Item.onPage(d.number(), d.title(), Message.of("cockpit.preparation.decided.note", day),
                            d.page().pageId()));
                }
            }
            if (!page.page().hasNext()) {
                return items;
            }
            offset += PageRequest.MAX_LIMIT;
        }
    }
}
