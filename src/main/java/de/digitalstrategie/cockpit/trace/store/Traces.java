package de.digitalstrategie.cockpit.trace.store;

import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.ImplementationChange;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RecordLinks;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.trace.Filed;
import de.digitalstrategie.cockpit.trace.InputTrace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the trace both ways, always over the pages the viewer may see: a decision or an input on
 * a page the viewer may not view is left out as if it had never been recorded, so it is neither
 * shown, nor counted, nor does a number it names give it away. A handful of queries for any number
 * of records, never one per record.
 */
public class Traces {
    /** The most input one meeting's view lists; far beyond what a board gives in a meeting. */
    public static final int MEETING_LIMIT = PageRequest.MAX_LIMIT;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final RecordLinks links;
    private final Clock clock;

    public Traces(DecisionStore decisions, AdvisoryStore advisory, RecordLinks links, Clock clock) {
        this.decisions = decisions;
        this.advisory = advisory;
        this.links = links;
        this.clock = clock;
    }

    /** The input of one meeting, lowest number first, each with the decisions that took it up. */
    public List<InputTrace> ofMeeting(long meetingId, Collection<Long> viewablePages) {
        RegisterPage<AdvisoryInput, AnswerStatus> inputs = advisory.query(new RegisterQuery<>(
                new RegisterFilter<AnswerStatus, AdvisoryCriteria>(null, meetingId, Set.of(), null, null, false, null),
                AdvisorySort.NUMBER, SortOrder.ASC, new PageRequest(0, MEETING_LIMIT)), viewablePages);
        return traces(inputs.page().items(), viewablePages);
    }

    /** One input by its number, with the decisions that took it up; empty if the viewer may not see it. */
    public Optional<InputTrace> ofInput(String number, Collection<Long> viewablePages) {
        return traces(advisory.numbered(List.of(number), viewablePages).page().items(), viewablePages).stream()
                .findFirst();
    }

    /** Each of the inputs with the decisions on the viewer's pages that took it up, in the inputs' order. */
    public List<InputTrace> traces(List<AdvisoryInput> inputs, Collection<Long> viewablePages) {
        Map<String, List<Long>> naming = links.subjects(RecordKind.DECISION, RecordKind.ADVISORY_INPUT,
                inputs.stream().map(AdvisoryInput::number).toList());
        Set<Long> ids = new LinkedHashSet<>();
        naming.values().forEach(ids::addAll);
        Map<Long, Filed<Decision>> seen = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            RegisterPage<Decision, DecisionStatus> read = decisions.among(ids, viewablePages);
            read.page().items().forEach(d -> seen.put(d.id(), new Filed<>(d, read.dates().get(d.id()))));
        }
        Map<Long, LocalDate> doneOn = doneOn(seen.values().stream().map(Filed::record).toList());
        List<InputTrace> traces = new ArrayList<>();
        for (AdvisoryInput input : inputs) {
            List<Filed<Decision>> taking = new ArrayList<>();
            for (Long id : naming.getOrDefault(input.number(), List.of())) {
                Filed<Decision> d = seen.get(id);
                if (d != null && taking.stream().noneMatch(t -> t.record().id() == id)) {
                    taking.add(d);
                }
            }
            taking.sort((a, b) -> a.record().number().compareTo(b.record().number()));
            traces.add(new InputTrace(input, taking, doneOn));
        }
        return traces;
    }

    /** The day each decision was last set to done, in the city's zone; one read for all of them. */
    private Map<Long, LocalDate> doneOn(Collection<Decision> read) {
        List<Long> done = read.stream().filter(d -> d.implementable()
                && d.implementation() == ImplementationState.DONE).map(Decision::id).toList();
        Map<Long, LocalDate> days = new HashMap<>();
        if (!done.isEmpty()) {
            decisions.histories(done).forEach((id, history) -> ImplementationChange.doneAt(history)
                    .ifPresent(at -> days.put(id, LocalDate.ofInstant(at, clock.getZone()))));
        }
        return days;
    }

    /**
     * The input each decision takes up, by the decision's id, as far as the viewer may see it: a
     * number the page names that is no input on a page the viewer may view is not named at all.
     */
    public Map<Long, List<AdvisoryInput>> inputsOf(Collection<Decision> taking, Collection<Long> viewablePages) {
        Map<Long, List<String>> named = links.targets(RecordKind.DECISION,
                taking.stream().map(Decision::id).toList(), RecordKind.ADVISORY_INPUT);
        Set<String> numbers = new LinkedHashSet<>();
        named.values().forEach(numbers::addAll);
        Map<String, AdvisoryInput> seen = new LinkedHashMap<>();
        if (!numbers.isEmpty()) {
            advisory.numbered(numbers, viewablePages).page().items().forEach(i -> seen.putIfAbsent(i.number(), i));
        }
        Map<Long, List<AdvisoryInput>> inputs = new LinkedHashMap<>();
        named.forEach((id, list) -> {
            List<AdvisoryInput> found = list.stream().map(seen::get).filter(i -> i != null).toList();
            if (!found.isEmpty()) {
                inputs.put(id, found);
            }
        });
        return inputs;
    }
}
