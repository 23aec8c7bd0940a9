package de.digitalstrategie.cockpit.workflow;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.MessageList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An explicit state machine: which state may follow which, and what a transition into a state
 * must bring with it. Immutable once built; one instance per kind of record.
 *
 * @param <S> the states
 * @param <C> the change a guard inspects
 */
public final class Workflow<S extends Enum<S> & WorkflowState, C> {

    private final S initial;
    private final Map<S, Set<S>> successors;
    private final Map<S, List<Guard<C>>> guards;

    private Workflow(S initial, Map<S, Set<S>> successors, Map<S, List<Guard<C>>> guards) {
        this.initial = initial;
        this.successors = successors;
        this.guards = guards;
    }

    public static <S extends Enum<S> & WorkflowState, C> Builder<S, C> startingAt(S initial) {
        return new Builder<>(initial);
    }

    public S initial() {
        return initial;
    }

    public Set<S> successors(S from) {
        return successors.get(from);
    }

    public boolean isFinal(S state) {
        return successors.get(state).isEmpty();
    }

    public boolean allows(S from, S to) {
        return successors.get(from).contains(to);
    }

    /**
     * Checks that {@code from → to} is allowed and that every guard on {@code to} accepts the change.
     *
     * @throws IllegalTransitionException naming the first reason for refusal
     */
    public void check(S from, S to, C change) {
        if (from == to) {
            throw new IllegalTransitionException(from, to,
                    Message.of("cockpit.workflow.error.unchanged", from.label()));
        }
        if (!allows(from, to)) {
            Message reason = isFinal(from)
                    ? Message.of("cockpit.workflow.error.final", from.label(), to.label())
                    : Message.of("cockpit.workflow.error.not-allowed", from.label(), to.label(),
                            allowedList(from));
            throw new IllegalTransitionException(from, to, reason);
        }
        for (Guard<C> guard : guards.get(to)) {
            Optional<Message> refusal = guard.refuse(change);
            if (refusal.isPresent()) {
                throw new IllegalTransitionException(from, to, refusal.get());
            }
        }
    }

    private MessageList allowedList(S from) {
        List<Message> labels = new ArrayList<>();
        for (S s : successors.get(from)) {
            labels.add(s.label());
        }
        return new MessageList(labels);
    }

    /** Builds a workflow; every state of the enum gets an entry, states without edges are final. */
    public static final class Builder<S extends Enum<S> & WorkflowState, C> {
        private final S initial;
        private final Map<S, Set<S>> successors;
        private final Map<S, List<Guard<C>>> guards;

        private Builder(S initial) {
            this.initial = initial;
            Class<S> type = initial.getDeclaringClass();
            this.successors = new EnumMap<>(type);
            this.guards = new EnumMap<>(type);
            for (S s : type.getEnumConstants()) {
                successors.put(s, EnumSet.noneOf(type));
                guards.put(s, new ArrayList<>());
            }
        }

        @SafeVarargs
        public final Builder<S, C> allow(S from, S... to) {
            successors.get(from).addAll(List.of(to));
            return this;
        }

        public Builder<S, C> guard(S into, Guard<C> guard) {
            guards.get(into).add(guard);
            return this;
        }

        public Workflow<S, C> build() {
            Class<S> type = initial.getDeclaringClass();
            Map<S, Set<S>> frozenSuccessors = new EnumMap<>(type);
            Map<S, List<Guard<C>>> frozenGuards = new EnumMap<>(type);
            successors.forEach((k, v) -> frozenSuccessors.put(k, Collections.unmodifiableSet(EnumSet.copyOf(v))));
            guards.forEach((k, v) -> frozenGuards.put(k, List.copyOf(v)));
            return new Workflow<>(initial, Collections.unmodifiableMap(frozenSuccessors),
                    Collections.unmodifiableMap(frozenGuards));
        }
    }
}
