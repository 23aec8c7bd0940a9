package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ViewablePages;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.minutes.PageRef;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class DecisionStoreTest {
    private final StoreFixture store;

    DecisionStoreTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Decision proposed(String macroId, String number, List<String> projects) {
        return new Decision(0, macroId, number, "Priorisierung OZG-Leistungen", "Der Lenkungskreis beschließt die Reihenfolge …",
                DecisionStatus.PROPOSED, null, 0, 0, projects, "Stabsabteilung", LocalDate.of(2026, 12, 31), "",
                new PageRef(4711, 3, "DIGI", "Lenkungskreis 2026/4"), false, true);
    }

    @Test
    void aDecisionGoesThroughItsWorkflowAndEveryStepIsAudited() {
        Decision d = store.decisions.record(proposed("mac-1", "LK-2026-07", List.of("DIGI-1", "DIGI-2")), "secretary");
        assertTrue(d.id() > 0);
        store.decisions.changeStatus(d.id(), DecisionStatus.READY_FOR_VOTE, "secretary", null, null, "auf TO gesetzt");
        Decision decided = store.decisions.changeStatus(d.id(), DecisionStatus.DECIDED, "cdo", new Vote(8, 1, 1), null, "");
        assertEquals(new Vote(8, 1, 1), decided.vote());
        Decision superseded = store.decisions.changeStatus(d.id(), DecisionStatus.SUPERSEDED, "cdo", null, "LK-2026-19",
                "ersetzt durch Neufassung");
        assertEquals("LK-2026-19", superseded.successor());
        assertEquals(superseded, store.decisions.find(d.id()).orElseThrow());
        assertEquals(List.of("DIGI-1", "DIGI-2"), superseded.projectKeys());

        List<AuditEntry> history = store.decisions.history(d.id());
        assertEquals(4, history.size());
        AuditEntry created = history.get(0);
        assertNull(created.from());
        assertEquals("PROPOSED", created.to());
        assertEquals("secretary", created.actor());
        AuditEntry last = history.get(3);
        assertEquals("DECIDED", last.from());
        assertEquals("SUPERSEDED", last.to());
        assertEquals("cdo", last.actor());
        assertEquals("ersetzt durch Neufassung", last.comment());
        assertEquals(StoreFixture.CLOCK.instant(), last.at());
    }

    private Decision on(long pageId, String macroId, String number) {
        return new Decision(0, macroId, number, "Beschluss " + number, "Der Lenkungskreis beschließt …",
                DecisionStatus.PROPOSED, null, 0, 0, List.of(), "Stabsabteilung", null, "",
                new PageRef(pageId, 1, "LK", "Protokoll " + pageId), false, true);
    }

    /**
     * The register reads the pages its decisions lie on, has them checked, then reads the register
     * naming only the hidden ones. A decision put in between on a page nobody checked, within the
     * checked pages' bounds (the first decision on an older restricted page, or one whose macro
     * moved there), is not read with the pages checked before; read again, its page is checked.
     */
    @Test
    void aDecisionPutOnAnUncheckedPageAfterThePagesWereReadIsNotRead() {
        store.decisions.record(on(100, "m-100", "LK-1"), "secretary");
        store.decisions.record(on(103, "m-103", "LK-2"), "secretary");
        store.decisions.record(on(105, "m-105", "LK-3"), "secretary");
        store.decisions.record(on(110, "m-110", "LK-4"), "secretary");
        Set<Long> restricted = Set.of(105L, 107L, 108L);
        ViewablePages checked = ViewablePages.of(store.decisions.pageIds(), id -> !restricted.contains(id));
        assertEquals(Set.of(105L), checked.hidden());

        // Between the two reads: a first decision on the older restricted page 107, and the macro
        // of LK-2 moved onto the restricted page 108.
        store.decisions.record(on(107, "m-107", "LK-5"), "secretary");
        store.decisions.record(on(108, "m-103", "LK-2"), "secretary");

        RegisterQuery<DecisionStatus, DecisionCriteria, DecisionSort> all = new RegisterQuery<>(RegisterFilter.all(),
                DecisionSort.NUMBER, SortOrder.ASC, new PageRequest(0, 50));
        var read = store.decisions.query(all, checked).page();
        assertEquals(List.of("LK-1", "LK-4"), read.items().stream().map(Decision::number).toList());
        assertEquals(2, read.total(), "nor counted");
        long moved = store.decisions.findByMacroId("m-103").orElseThrow().id();
        assertTrue(store.decisions.one(moved, checked).isEmpty());

        ViewablePages again = ViewablePages.of(store.decisions.pageIds(), id -> !restricted.contains(id));
        assertEquals(Set.of(105L, 107L, 108L), again.hidden());
        assertEquals(List.of("LK-1", "LK-4"), store.decisions.query(all, again).page().items().stream()
                .map(Decision::number).toList());
        ViewablePages everything = ViewablePages.of(store.decisions.pageIds(), id -> true);
        assertEquals(List.of("LK-1", "LK-2", "LK-3", "LK-4", "LK-5"), store.decisions.query(all, everything).page()
                .items().stream().map(Decision::number).toList());
    }

    @Test
    void anIllegalTransitionChangesNothing() {
        Decision d = store.decisions.record(proposed("mac-2", "LK-2026-08", List.of()), "secretary");
        assertThrows(IllegalTransitionException.class,
                () -> store.decisions.changeStatus(d.id(), DecisionStatus.DECIDED, "cdo", new Vote(5, 0, 0), null, ""));
        store.decisions.changeStatus(d.id(), DecisionStatus.READY_FOR_VOTE, "secretary", null, null, "");
        // A failing guard rolls back too: a tie does not carry.
        assertThrows(IllegalTransitionException.class,
                () -> store.decisions.changeStatus(d.id(), DecisionStatus.DECIDED, "cdo", new Vote(4, 4, 0), null, ""));
        Decision after = store.decisions.find(d.id()).orElseThrow();
        assertEquals(DecisionStatus.READY_FOR_VOTE, after.status());
        assertNull(after.vote());
        assertEquals(2, store.decisions.history(d.id()).size());
    }

    @Test
    void supersessionNamesOnlyDecisionsOnTheViewersPages() {
        PageRef open = new PageRef(1, 1, "DIGI", "Öffentlich");
        PageRef closed = new PageRef(2, 1, "DIGI", "Vertraulich");
        Decision publicOne = store.decisions.record(superseded("p", "LK-P", "LK-C2", open), "s");
        Decision confidential = store.decisions.record(superseded("c", "LK-C1", "LK-P2", closed), "s");
        store.decisions.record(superseded("c2", "LK-C2", "", closed), "s");
        store.decisions.record(superseded("p2", "LK-P2", "LK-NEVER", open), "s");

        var page = store.decisions.query(new RegisterQuery<>(RegisterFilter.all(), DecisionSort.NUMBER,
                SortOrder.ASC, new PageRequest(0, 10)), List.of(1L));
        assertEquals(List.of("LK-P", "LK-P2"), page.page().items().stream().map(Decision::number).toList());
        assertEquals(List.of("", ""), page.page().items().stream().map(Decision::successor).toList(),
                "neither a confidential successor nor an unknown one is named");
        assertEquals(java.util.Map.of(), page.replacedBy(), "the confidential decision LK-P2 replaced is not named");
        assertTrue(store.decisions.one(confidential.id(), List.of(1L)).isEmpty(), "a confidential decision is not there");
        assertEquals("", store.decisions.one(publicOne.id(), List.of(1L)).orElseThrow().page().items().get(0).successor());
        List<String> exported = new java.util.ArrayList<>();
        store.decisions.forEach(RegisterFilter.all(), List.of(1L), d -> exported.add(d.number() + ">" + d.successor()));
        assertEquals(List.of("LK-P>", "LK-P2>"), exported);

        var all = store.decisions.query(new RegisterQuery<>(RegisterFilter.all(), DecisionSort.NUMBER,
                SortOrder.ASC, new PageRequest(0, 10)), List.of(1L, 2L));
        assertEquals(List.of("LK-P2", "", "LK-C2", ""), all.page().items().stream().map(Decision::successor).toList(),
                "a member sees the successors recorded (the one never recorded stays unnamed)");
        assertEquals(java.util.Map.of("LK-C2", List.of("LK-P"), "LK-P2", List.of("LK-C1")), all.replacedBy());
        assertEquals(java.util.Set.of("LK-C1"), store.decisions.numbersOn(List.of("LK-C1", "LK-X"), List.of(2L)));
    }

    /**
     * A viewer who may see most minutes pages: the register filters by the few hidden ones, and
     * reads exactly what it reads with the viewable pages named one by one, across every read
     * (page, total, one record, export, successors and what replaced what). Records on no page or
     * on a page outside the checked ones stay out, as with the plain set.
     */
    @Test
    void filteringByTheHiddenPagesReadsWhatNamingTheViewableOnesReads() {
        List<Long> minutes = java.util.stream.LongStream.rangeClosed(100, 129).boxed().toList();
        java.util.function.Predicate<Long> mayView = id -> id % 10 != 3;
        List<Decision> recorded = new java.util.ArrayList<>();
        for (long pageId : minutes) {
            PageRef page = new PageRef(pageId, 1, "LK", "Sitzung " + pageId);
            recorded.add(store.decisions.record(superseded("m" + pageId, "LK-" + pageId, "LK-" + (pageId + 1), page),
                    "s"));
        }
        recorded.add(store.decisions.record(superseded("none", "LK-0", "", PageRef.NONE), "s"));
        recorded.add(store.decisions.record(superseded("below", "LK-99", "", new PageRef(99, 1, "X", "X")), "s"));
        recorded.add(store.decisions.record(superseded("above", "LK-130", "", new PageRef(130, 1, "X", "X")), "s"));
        de.digitalstrategie.cockpit.query.ViewablePages viewable =
                de.digitalstrategie.cockpit.query.ViewablePages.of(minutes, mayView);
        Set<Long> named = new java.util.HashSet<>(viewable);
        assertEquals(27, named.size());
        assertEquals(Set.of(103L, 113L, 123L), viewable.hidden());

        RegisterQuery<DecisionStatus, DecisionCriteria, DecisionSort> all = new RegisterQuery<>(RegisterFilter.all(),
                DecisionSort.NUMBER, SortOrder.ASC, new PageRequest(0, 100));
        var byHidden = store.decisions.query(all, viewable);
        var byViewable = store.decisions.query(all, named);
        assertEquals(27, byHidden.page().total());
        assertEquals(byViewable.page(), byHidden.page());
        assertEquals(byViewable.replacedBy(), byHidden.replacedBy());
        assertTrue(byHidden.page().items().stream().allMatch(d -> named.contains(d.page().pageId())));
        assertEquals("", byHidden.page().items().stream().filter(d -> d.number().equals("LK-102")).findFirst()
                .orElseThrow().successor(), "the successor on a hidden page is not named");
        for (Decision d : recorded) {
            assertEquals(store.decisions.one(d.id(), named).isPresent(), store.decisions.one(d.id(), viewable)
                    .isPresent(), d.number());
        }
        List<Decision> exported = new java.util.ArrayList<>();
        store.decisions.forEach(RegisterFilter.all(), viewable, exported::add);
        assertEquals(byViewable.page().items(), exported);
        assertEquals(Set.of("LK-100"), store.decisions.numbersOn(List.of("LK-100", "LK-103", "LK-0", "LK-130"),
                viewable));
        assertEquals(java.util.Map.of("LK-103", Set.of(103L), "LK-0", Set.of(0L)),
                store.decisions.pagesOf(List.of("LK-103", "LK-0", "LK-NEVER")), "what a page that names them checks");
    }

    private static Decision superseded(String macroId, String number, String successor, PageRef page) {
        return new Decision(0, macroId, number, "Beschluss " + number, "", successor.isEmpty() ? DecisionStatus.DECIDED
                : DecisionStatus.SUPERSEDED, new Vote(6, 0, 0), 0, 0, List.of(), "", null, successor, page, false, true);
    }

    /**
     * What only the decision register filters and sorts by: the owner, and the day of the meeting
     * that took a decision (kept beside it), for the year and the date column.
     */
    @Test
    void theRegisterFiltersByOwnerAndByTheMeetingsYear() {
        store.decisions.record(proposed("a", "LK-2025-01", List.of()), LocalDate.of(2025, 11, 3), "s");
        store.decisions.record(new Decision(0, "b", "LK-2026-01", "Zweiter", "", DecisionStatus.PROPOSED, null, 0, 0,
                List.of(), "FB 2", null, "", new PageRef(4711, 1, "DIGI", "LK"), false, true), LocalDate.of(2026, 2, 5),
                "s");
        assertEquals(List.of("LK-2026-01"), numbers(new RegisterFilter<>(null, null, Set.of(), null, null, false,
                new DecisionCriteria("FB 2")), DecisionSort.NUMBER, SortOrder.ASC));
        assertEquals(List.of("LK-2025-01"), numbers(new RegisterFilter<>(2025, null, Set.of(), null, null, false,
                null), DecisionSort.NUMBER, SortOrder.ASC));
        assertEquals(List.of("LK-2026-01", "LK-2025-01"), numbers(RegisterFilter.all(), DecisionSort.DATE,
                SortOrder.DESC));
        assertEquals(LocalDate.of(2026, 2, 5), store.decisions.query(new RegisterQuery<>(RegisterFilter.all(),
                DecisionSort.DATE, SortOrder.DESC, new PageRequest(0, 1)), List.of(4711L)).dates().values()
                .iterator().next());
    }

    private List<String> numbers(RegisterFilter<DecisionStatus, DecisionCriteria> filter, DecisionSort sort,
                                 SortOrder order) {
        return store.decisions.query(new RegisterQuery<>(filter, sort, order, new PageRequest(0, 10)),
                List.of(4711L)).page().items().stream().map(Decision::number).toList();
    }
}
