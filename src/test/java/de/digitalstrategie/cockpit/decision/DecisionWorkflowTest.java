package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static de.digitalstrategie.cockpit.decision.DecisionStatus.DECIDED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.DEFERRED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.PROPOSED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.READY_FOR_VOTE;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.REJECTED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.REVOKED;
import static de.digitalstrategie.cockpit.decision.DecisionStatus.SUPERSEDED;
import static de.digitalstrategie.cockpit.decision.DecisionWorkflow.WORKFLOW;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecisionWorkflowTest {

    /** The legal transitions as the committee's rules of procedure state them, written out by hand. */
    private static final Set<List<DecisionStatus>> LEGAL = Set.of(
            List.of(PROPOSED, READY_FOR_VOTE),
            List.of(PROPOSED, DEFERRED),
            List.of(READY_FOR_VOTE, DECIDED),
            List.of(READY_FOR_VOTE, REJECTED),
            List.of(READY_FOR_VOTE, DEFERRED),
            List.of(DEFERRED, READY_FOR_VOTE),
            List.of(DECIDED, SUPERSEDED),
            List.of(DECIDED, REVOKED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (DecisionStatus from : DecisionStatus.values()) {
            for (DecisionStatus to : DecisionStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    private static Decision in(DecisionStatus status) {
        return new Decision(1, "m-1", "LK-2026-07", "Einführung E-Akte", "Der Lenkungskreis beschließt …", status,
                null, 0, 0, List.of("DIGI-1"), "FB 1", null, "", PageRef.NONE, false, true);
    }

    /** A change that satisfies every guard, so that only the edge itself decides. */
    private static DecisionChange complete(DecisionStatus from, DecisionStatus to) {
        Vote vote = to == REJECTED ? new Vote(2, 6, 1) : new Vote(7, 1, 1);
        return new DecisionChange(in(from), to, "secretary", vote, "LK-2026-19", "Begründung");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheLegalTransitions(DecisionStatus from, DecisionStatus to) {
        DecisionChange change = complete(from, to);
        if (LEGAL.contains(List.of(from, to))) {
            assertDoesNotThrow(() -> WORKFLOW.check(from, to, change));
        } else {
            IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                    () -> WORKFLOW.check(from, to, change));
            String expectedKey = from == to ? "cockpit.workflow.error.unchanged"
                    : WORKFLOW.isFinal(from) ? "cockpit.workflow.error.final" : "cockpit.workflow.error.not-allowed";
            assertEquals(expectedKey, refused.userMessage().key());
            assertEquals(from.name(), refused.from());
            assertEquals(to.name(), refused.to());
        }
    }

    @Test
    void finalStatesAreTheOnesWithoutWayOut() {
        for (DecisionStatus s : DecisionStatus.values()) {
            boolean hasWayOut = LEGAL.stream().anyMatch(edge -> edge.get(0) == s);
            assertEquals(!hasWayOut, WORKFLOW.isFinal(s), s.name());
        }
        assertEquals(PROPOSED, WORKFLOW.initial());
    }

    @Test
    void decidedNeedsACarryingVote() {
        Decision ready = in(READY_FOR_VOTE);
        assertEquals("cockpit.decision.error.vote-required", assertThrows(IllegalTransitionException.class,
                () -> WORKFLOW.check(READY_FOR_VOTE, DECIDED, new DecisionChange(ready, DECIDED, "s", null, "", "")))
                .userMessage().key());
        assertEquals("cockpit.decision.error.vote-not-carried", assertThrows(IllegalTransitionException.class,
                () -> WORKFLOW.check(READY_FOR_VOTE, DECIDED,
                        new DecisionChange(ready, DECIDED, "s", new Vote(4, 4, 1), "", "")))
                .userMessage().key());
        assertDoesNotThrow(() -> WORKFLOW.check(READY_FOR_VOTE, DECIDED,
                new DecisionChange(ready, DECIDED, "s", new Vote(5, 4, 0), "", "")));
    }

    @Test
    void rejectedNeedsAFailedVote() {
        Decision ready = in(READY_FOR_VOTE);
        assertEquals("cockpit.decision.error.vote-carried", assertThrows(IllegalTransitionException.class,
                () -> WORKFLOW.check(READY_FOR_VOTE, REJECTED,
                        new DecisionChange(ready, REJECTED, "s", new Vote(6, 2, 0), "", "")))
                .userMessage().key());
        assertDoesNotThrow(() -> WORKFLOW.check(READY_FOR_VOTE, REJECTED,
                new DecisionChange(ready, REJECTED, "s", new Vote(3, 3, 2), "", "")));
    }

    @Test
    void supersededAndRevokedNameAnotherDecision() {
        Decision decided = in(DECIDED);
        for (DecisionStatus end : List.of(SUPERSEDED, REVOKED)) {
            assertEquals("cockpit.decision.error.successor-required", assertThrows(IllegalTransitionException.class,
                    () -> WORKFLOW.check(DECIDED, end, new DecisionChange(decided, end, "s", null, " ", "")))
                    .userMessage().key());
            assertEquals("cockpit.decision.error.successor-self", assertThrows(IllegalTransitionException.class,
                    () -> WORKFLOW.check(DECIDED, end, new DecisionChange(decided, end, "s", null, "LK-2026-07", "")))
                    .userMessage().key());
        }
    }

    @Test
    void voteIsParsedAndChecked() {
        assertEquals(new Vote(7, 1, 2), Vote.parse(" 7 / 1 / 2 "));
        assertEquals("7/1/2", new Vote(7, 1, 2).toString());
        for (String bad : List.of("", "7/1", "a/b/c", "7/1/2/3", "-1/2/3", "0/0/0")) {
            assertThrows(de.digitalstrategie.cockpit.message.ValidationException.class, () -> Vote.parse(bad), bad);
        }
    }
}
