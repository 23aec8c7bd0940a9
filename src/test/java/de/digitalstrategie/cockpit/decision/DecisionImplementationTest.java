package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decided decision's implementation state: set by hand while it has no Jira issue, following the
 * issue once it has one, every change in the audit trail with its source, the register filtering
 * by it, and overdue computed from it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class DecisionImplementationTest {
    private static final PageRef PAGE = new PageRef(4711, 1, "LK", "Protokoll LK 2026/4");
    private final StoreFixture store;

    DecisionImplementationTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Decision record(String number, DecisionStatus status, LocalDate due) {
        return store.decisions.record(new Decision(0, "mac-" + number, number, "Beschluss " + number, "Text",
                status, status == DecisionStatus.DECIDED ? new Vote(7, 1, 0) : null, 0, 0, List.of(), "Finanzen",
                due, "", PAGE, false, true), LocalDate.of(2026, 3, 12), "schriftfuehrung");
    }

    private List<String> register(ImplementationState... states) {
        RegisterQuery<DecisionStatus, DecisionCriteria, DecisionSort> query = new RegisterQuery<>(
                new RegisterFilter<>(null, null, Set.of(), null, null, false, new DecisionCriteria(null, Set.of(states))),
                DecisionSort.NUMBER, SortOrder.ASC, new PageRequest(0, 50));
        return store.decisions.query(query, List.of(PAGE.pageId())).page().items().stream().map(Decision::number)
                .toList();
    }

    @Test
    void aDecidedDecisionStartsOpenAndTheResponsibleUnitMovesItOnWithItsHistory() {
        Decision d = record("LK-2026-01", DecisionStatus.DECIDED, LocalDate.of(2026, 6, 30));
        assertEquals(ImplementationState.OPEN, d.implementation());
        assertEquals("", d.jiraIssue());

        store.decisions.setImplementation(d.id(), ImplementationState.IN_PROGRESS, "leitung-finanzen", "begonnen");
        Decision done = store.decisions.setImplementation(d.id(), ImplementationState.DONE, "leitung-finanzen", "");
        assertEquals(ImplementationState.DONE, done.implementation());
        assertEquals(done, store.decisions.find(d.id()).orElseThrow());

        List<AuditEntry> history = store.decisions.history(d.id());
        assertEquals(3, history.size(), history.toString());
        AuditEntry first = history.get(1);
        assertEquals("DECIDED", first.from(), "the decision's status stays");
        assertEquals("DECIDED", first.to());
        assertEquals("leitung-finanzen", first.actor());
        assertEquals(new ImplementationChange(ImplementationState.OPEN, ImplementationState.IN_PROGRESS, "begonnen"),
                ImplementationChange.of(first).orElseThrow());
        assertFalse(ImplementationChange.fromJira(first));
        assertEquals(ImplementationState.DONE, ImplementationChange.of(history.get(2)).orElseThrow().to());
        assertTrue(ImplementationChange.of(history.get(0)).isEmpty(), "recording it is no implementation change");

        // The same state again is no change and leaves no trace.
        store.decisions.setImplementation(d.id(), ImplementationState.DONE, "cdo", "");
        assertEquals(3, store.decisions.history(d.id()).size());
    }

    @Test
    void onlyADecisionInForceIsCarriedOutAndOneInJiraChangesThereOnly() {
        Decision proposed = record("LK-2026-02", DecisionStatus.PROPOSED, null);
        IllegalTransitionException notInForce = assertThrows(IllegalTransitionException.class,
                () -> store.decisions.setImplementation(proposed.id(), ImplementationState.DONE, "cdo", ""));
        assertEquals("cockpit.decision.error.implementation-not-in-force", notInForce.userMessage().key());

        Decision d = record("LK-2026-03", DecisionStatus.DECIDED, null);
        Decision following = store.decisions.followIssue(d.id(), "DIGI-12", ImplementationState.IN_PROGRESS);
        assertEquals("DIGI-12", following.jiraIssue());
        assertEquals(ImplementationState.IN_PROGRESS, following.implementation());
        AuditEntry fromJira = store.decisions.history(d.id()).get(1);
        assertEquals("jira:DIGI-12", fromJira.actor());
        assertTrue(ImplementationChange.fromJira(fromJira));

        IllegalTransitionException inJira = assertThrows(IllegalTransitionException.class,
                () -> store.decisions.setImplementation(d.id(), ImplementationState.DONE, "cdo", ""));
        assertEquals("cockpit.decision.error.implementation-follows-jira", inJira.userMessage().key());
        assertEquals(ImplementationState.IN_PROGRESS, store.decisions.find(d.id()).orElseThrow().implementation());

        // A page saved again changes the wording, never the implementation nor the issue it follows.
        record("LK-2026-03", DecisionStatus.DECIDED, LocalDate.of(2027, 1, 1));
        Decision after = store.decisions.find(d.id()).orElseThrow();
        assertEquals(ImplementationState.IN_PROGRESS, after.implementation());
        assertEquals("DIGI-12", after.jiraIssue());
    }

    @Test
    void overdueIsComputedFromDueDateAndStateAndADoneDecisionNeverIs() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        Decision d = record("LK-2026-04", DecisionStatus.DECIDED, LocalDate.of(2026, 9, 30));
        assertTrue(d.overdue(today));
        assertTrue(store.decisions.setImplementation(d.id(), ImplementationState.IN_PROGRESS, "cdo", "")
                .overdue(today));
        assertFalse(store.decisions.setImplementation(d.id(), ImplementationState.DONE, "cdo", "").overdue(today));
        assertFalse(record("LK-2026-05", DecisionStatus.DECIDED, LocalDate.of(2026, 12, 31)).overdue(today));
        assertFalse(record("LK-2026-06", DecisionStatus.PROPOSED, LocalDate.of(2026, 1, 31)).overdue(today));
    }

    @Test
    void theRegisterFiltersDecisionsInForceByImplementation() {
        record("LK-2026-10", DecisionStatus.DECIDED, null);
        long progressing = record("LK-2026-11", DecisionStatus.DECIDED, null).id();
        long done = record("LK-2026-12", DecisionStatus.DECIDED, null).id();
        record("LK-2026-13", DecisionStatus.PROPOSED, null);
        store.decisions.setImplementation(progressing, ImplementationState.IN_PROGRESS, "cdo", "");
        store.decisions.followIssue(done, "DIGI-3", ImplementationState.DONE);
        // A row written before the column existed reads, and filters, as open.
        store.ao.executeInTransaction(() -> {
            var e = store.ao.get(de.digitalstrategie.cockpit.decision.store.DecisionEntity.class,
                    (int) store.decisions.onPage(PAGE.pageId(), "LK-2026-10").orElseThrow().id());
            e.setImplementation(null);
            e.save();
            return null;
        });

        assertEquals(List.of("LK-2026-10", "LK-2026-11", "LK-2026-12", "LK-2026-13"), register());
        assertEquals(List.of("LK-2026-10"), register(ImplementationState.OPEN));
        assertEquals(List.of("LK-2026-11"), register(ImplementationState.IN_PROGRESS));
        assertEquals(List.of("LK-2026-10", "LK-2026-12"), register(ImplementationState.OPEN, ImplementationState.DONE));
        assertEquals(ImplementationState.OPEN, store.decisions.onPage(PAGE.pageId(), "LK-2026-10").orElseThrow()
                .implementation());
    }

    @Test
    void theRegisterCountsDecisionsInForceByImplementationUnderItsFilterOnTheViewersPagesOnly() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        LocalDate past = LocalDate.of(2026, 6, 30);
        LocalDate future = LocalDate.of(2027, 6, 30);
        record("LK-2026-20", DecisionStatus.DECIDED, past);                       // open, overdue
        Decision started = record("LK-2026-21", DecisionStatus.DECIDED, past);    // in progress, overdue
        store.decisions.setImplementation(started.id(), ImplementationState.IN_PROGRESS, "cdo", "");
        Decision done = record("LK-2026-22", DecisionStatus.DECIDED, past);       // done: never overdue
        store.decisions.setImplementation(done.id(), ImplementationState.DONE, "cdo", "");
        record("LK-2026-23", DecisionStatus.DECIDED, future);                     // open, not yet due
        record("LK-2026-24", DecisionStatus.DECIDED, null);                       // open, no due date
        record("LK-2026-25", DecisionStatus.PROPOSED, past);                      // not in force
        Decision withdrawn = record("LK-2026-26", DecisionStatus.DECIDED, past);
        store.decisions.setWithdrawn(withdrawn.id(), true, "schriftfuehrung");
        PageRef hidden = new PageRef(4712, 1, "LK", "Protokoll LK 2026/5 (vertraulich)");
        store.decisions.record(new Decision(0, "mac-hidden", "LK-2026-27", "Vertraulich", "Text",
                DecisionStatus.DECIDED, new Vote(7, 0, 0), 0, 0, List.of(), "Finanzen", past, "", hidden, false,
                false), LocalDate.of(2026, 3, 12), "schriftfuehrung");

        RegisterFilter<DecisionStatus, DecisionCriteria> all = new RegisterFilter<>(null, null, Set.of(), null, null,
                false, new DecisionCriteria(null, Set.of()));
        assertEquals(new DecisionStore.ImplementationCounts(3, 1, 1, 2),
                store.decisions.implementationCounts(all, List.of(PAGE.pageId()), today));
        assertEquals(new DecisionStore.ImplementationCounts(4, 1, 1, 3),
                store.decisions.implementationCounts(all, List.of(PAGE.pageId(), hidden.pageId()), today),
                "the confidential page counts only for who may see it");
        assertEquals(new DecisionStore.ImplementationCounts(0, 1, 0, 1), store.decisions.implementationCounts(
                new RegisterFilter<>(null, null, Set.of(), null, null, false,
                        new DecisionCriteria(null, Set.of(ImplementationState.IN_PROGRESS))),
                List.of(PAGE.pageId()), today), "under the register's filter");
        assertEquals(new DecisionStore.ImplementationCounts(0, 0, 0, 0), store.decisions.implementationCounts(
                new RegisterFilter<>(null, null, Set.of(), null, null, false, new DecisionCriteria("Innere", Set.of())),
                List.of(PAGE.pageId()), today));
        assertEquals(new DecisionStore.ImplementationCounts(0, 0, 0, 0),
                store.decisions.implementationCounts(all, List.of(), today), "no pages, nothing counted");
    }
}
