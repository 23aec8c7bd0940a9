package de.digitalstrategie.cockpit.meeting.store;

import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
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

/** The board's input the city has left without a position for more than the span's days, longest waiting first. */
public class UnansweredInputs implements PreparationSection {
    private final AdvisoryStore advisory;

    public UnansweredInputs(AdvisoryStore advisory) {
        this.advisory = advisory;
    }

    @Override
    public String key() {
        return "unanswered";
    }

    @Override
    public List<Item> items(Span span, Sight sight) {
        List<AdvisoryInput> waiting = new ArrayList<>();
        advisory.forEach(new RegisterFilter<AnswerStatus, AdvisoryCriteria>(null, null, Set.of(), null, null, false,
                new AdvisoryCriteria(null, true, false)), sight.pages(), i -> {
            if (i.daysUnanswered(span.today()) > span.unansweredDays()) {
                waiting.add(i);
            }
        });
        waiting.sort(Comparator.comparing(AdvisoryInput::receivedOn).thenComparing(AdvisoryInput::number));
        return waiting.stream().map(i -> Item.onPage(i.number(), i.title(), Message.of(
                "cockpit.preparation.unanswered.note", i.daysUnanswered(span.today()), i.receivedOn()),
                i.page().pageId())).toList();
    }
}
