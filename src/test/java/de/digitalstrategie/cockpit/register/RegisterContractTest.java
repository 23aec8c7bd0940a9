package de.digitalstrategie.cockpit.register;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.store.AuditLog;
import de.digitalstrategie.cockpit.register.store.ProjectLinks;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every register promises, whatever kind of record it keeps: run for each kind on each
 * database. What only one kind does (a vote, an answer to the board) is in its own store's test.
 */
@ParameterizedClass(name = "{0} {1}")
@MethodSource("kinds")
class RegisterContractTest<R extends PageRecord<S>, S extends Enum<S> & RecordStatus> {
    private static final PageRef OPEN = new PageRef(1, 1, "DIGI", "Öffentlich");
    private static final PageRef CLOSED = new PageRef(2, 1, "DIGI", "Vertraulich");
    private static final String SECRETARY = "secretary";

    private final StoreFixture fixture;
    private final Kind<R, S> kind;
    private final RecordStore<R, S, ?, ?, ?, ?> store;

    RegisterContractTest(DatabaseTarget target, Kind<R, S> kind) {
        this.fixture = StoreFixture.on(target);
        this.kind = kind;
        this.store = kind.store(fixture);
    }

    static Stream<Arguments> kinds() {
        return DatabaseTarget.all().stream().flatMap(t -> Stream.of(Arguments.of(t, new Decisions()),
                Arguments.of(t, new Inputs())));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /**
     * One kind of record as the contract uses it: how to make one in a given status, and how its
     * own public API changes a status.
     */
    interface Kind<R extends PageRecord<S>, S extends Enum<S> & RecordStatus> {
        RecordStore<R, S, ?, ?, ?, ?> store(StoreFixture fixture);

        R record(String macroId, String number, String title, PageRef page, List<String> projects, S status,
                 LocalDate date);

        /** A status the workflow's first one may move to unconditioned, and one it may never jump to. */
        S next();

        S jump();

        R change(RecordStore<R, S, ?, ?, ?, ?> store, long id, S to, String actor);
    }

    static final class Decisions implements Kind<Decision, DecisionStatus> {
        @Override
        public RecordStore<Decision, DecisionStatus, ?, ?, ?, ?> store(StoreFixture fixture) {
            return fixture.decisions;
        }

        @Override
        public Decision record(String macroId, String number, String title, PageRef page, List<String> projects,
                               DecisionStatus status, LocalDate date) {
            return new Decision(0, macroId, number, title, "Der Lenkungskreis beschließt …", status, null, 0, 0,
                    projects, "Stabsabteilung", null, "", page, false, true);
        }

        @Override
        public DecisionStatus next() {
            return DecisionStatus.READY_FOR_VOTE;
        }

        @Override
        public DecisionStatus jump() {
            return DecisionStatus.SUPERSEDED;
        }

        @Override
        public Decision change(RecordStore<Decision, DecisionStatus, ?, ?, ?, ?> store, long id, DecisionStatus to,
                               String actor) {
            return ((DecisionStore) store).changeStatus(id, to, actor, null, null, "weiter");
        }

        @Override
        public String toString() {
            return "decisions";
        }
    }

    static final class Inputs implements Kind<AdvisoryInput, AnswerStatus> {
        @Override
        public RecordStore<AdvisoryInput, AnswerStatus, ?, ?, ?, ?> store(StoreFixture fixture) {
            return fixture.advisory;
        }

        @Override
        public AdvisoryInput record(String macroId, String number, String title, PageRef page, List<String> projects,
                                    AnswerStatus status, LocalDate date) {
            return new AdvisoryInput(0, macroId, number, title, "Der Beirat empfiehlt …", "Daten",
                    Set.of(Sector.WISSENSCHAFT), 0, projects, date == null ? LocalDate.of(2026, 6, 3) : date,
                    new CityAnswer(status, "", "", null, null), page, false, true);
        }

        @Override
        public AnswerStatus next() {
            return AnswerStatus.UNDER_REVIEW;
        }

        @Override
        public AnswerStatus jump() {
            return AnswerStatus.IMPLEMENTED;
        }

        @Override
        public AdvisoryInput change(RecordStore<AdvisoryInput, AnswerStatus, ?, ?, ?, ?> store, long id,
                                    AnswerStatus to, String actor) {
            return ((AdvisoryStore) store).changeAnswer(id, to, actor, "weiter");
        }

        @Override
        public String toString() {
            return "advisory input";
        }
    }

    /** Where the kind's workflow starts. */
    private S first() {
        return kind.next().getDeclaringClass().getEnumConstants()[0];
    }

    private R record(String macroId, String number, PageRef page, List<String> projects) {
        return store.record(kind.record(macroId, number, "Titel " + number, page, projects, first(), null), SECRETARY);
    }

    @Test
    void recordingTheSameMacroAgainUpdatesItsContentButNeverItsStatus() {
        R first = record("m-1", "NR-1", OPEN, List.of("DIGI-1"));
        assertTrue(first.id() > 0);
        R edited = store.record(kind.record("m-1", "NR-1", "Neuer Titel", new PageRef(1, 4, "DIGI", "Öffentlich"),
                List.of("DIGI-3"), kind.next(), null), "page-edit");
        assertEquals(first.id(), edited.id());
        assertEquals(1, store.count());
        R reread = store.find(first.id()).orElseThrow();
        assertEquals("Neuer Titel", reread.title());
        assertEquals(List.of("DIGI-3"), reread.projectKeys());
        assertEquals(4, reread.page().version());
        assertEquals(first(), reread.status(), "a status changes only through the workflow");
        assertEquals(first.id(), store.findByMacroId("m-1").orElseThrow().id());
        assertEquals(1, store.history(first.id()).size());
    }

    @Test
    void aStatusChangeGoesThroughTheWorkflowAndEveryStepIsAudited() {
        R r = record("m-1", "NR-1", OPEN, List.of("DIGI-1", "DIGI-2"));
        assertThrows(IllegalTransitionException.class, () -> kind.change(store, r.id(), kind.jump(), "cdo"));
        R moved = kind.change(store, r.id(), kind.next(), "cdo");
        assertEquals(kind.next(), moved.status());
        assertEquals(moved, store.find(r.id()).orElseThrow());
        assertEquals(List.of("DIGI-1", "DIGI-2"), moved.projectKeys());
        List<AuditEntry> history = store.history(r.id());
        assertEquals(2, history.size(), "the refused jump left nothing");
        assertNull(history.get(0).from());
        assertEquals(first().name(), history.get(0).to());
        assertEquals(SECRETARY, history.get(0).actor());
        assertEquals(store.kind(), history.get(1).kind());
        assertEquals(first().name(), history.get(1).from());
        assertEquals(kind.next().name(), history.get(1).to());
        assertEquals("cdo", history.get(1).actor());
        assertEquals("weiter", history.get(1).comment());
        assertEquals(StoreFixture.CLOCK.instant(), history.get(1).at());
    }

    @Test
    void withdrawingKeepsTheRecordAndRestoringBringsItBack() {
        R r = record("m-1", "NR-1", OPEN, List.of());
        assertEquals(r.id(), store.onPage(1, "NR-1").orElseThrow().id());
        store.setWithdrawn(r.id(), true, "page-edit");
        assertTrue(store.find(r.id()).orElseThrow().withdrawn());
        assertTrue(store.onPage(1, "NR-1").isEmpty(), "the page's macro no longer shows it");
        assertEquals(List.of(r.id()), store.ofPage(1).stream().map(PageRecord::id).toList(), "but it is kept");
        store.setWithdrawn(r.id(), false, "page-restore");
        assertFalse(store.find(r.id()).orElseThrow().withdrawn());
        assertEquals(List.of("withdrawn", "restored"), store.history(r.id()).stream().skip(1)
                .map(AuditEntry::comment).toList());
    }

    @Test
    void anUnknownRecordIsNotFound() {
        assertTrue(store.find(999).isEmpty());
        assertTrue(store.findByMacroId("none").isEmpty());
        NotFoundException e = assertThrows(NotFoundException.class, () -> kind.change(store, 999, kind.next(), "x"));
        assertTrue(e.userMessage().key().endsWith(".error.unknown"), e.userMessage().key());
    }

    /**
     * Nothing on a page the viewer may not see is read, counted or named: not in a page of the
     * register, nor one record, nor an export's batches, nor a project's list.
     */
    @Test
    void readsGoOnlyOverThePagesTheViewerMaySee() {
        R open = record("o", "NR-1", OPEN, List.of("DIGI-1"));
        R closed = record("c", "NR-2", CLOSED, List.of("DIGI-1"));
        RegisterPage<R, S> visible = page(RegisterFilter.all(), SortOrder.ASC, 10, List.of(1L));
        assertEquals(List.of("NR-1"), numbers(visible.page().items()));
        assertEquals(1, visible.page().total());
        assertTrue(store.one(closed.id(), List.of(1L)).isEmpty());
        assertEquals(open.id(), store.one(open.id(), List.of(1L)).orElseThrow().page().items().get(0).id());
        assertTrue(store.one(open.id(), List.of()).isEmpty(), "no page, nothing");
        List<String> exported = new ArrayList<>();
        store.forEach(RegisterFilter.all(), List.of(1L), r -> exported.add(r.number()));
        assertEquals(List.of("NR-1"), exported);
        assertEquals(List.of("NR-1"), numbers(store.concerning("DIGI-1", 10, List.of(1L))));
        assertEquals(Set.of("NR-2"), store.numbersOn(List.of("NR-1", "NR-2"), List.of(2L)));
        assertEquals(List.of("NR-1", "NR-2"), numbers(store.concerning("DIGI-1", 10, List.of(1L, 2L))));
    }

    @Test
    void aPageOfTheRegisterIsFilteredSortedAndCountedInTheDatabase() {
        record("a", "NR-1", OPEN, List.of("DIGI-1"));
        R b = record("b", "NR-2", OPEN, List.of("DIGI-2"));
        R c = record("c", "NR-3", OPEN, List.of());
        kind.change(store, b.id(), kind.next(), "cdo");
        store.setWithdrawn(c.id(), true, "page-edit");
        RegisterPage<R, S> first = page(RegisterFilter.all(), SortOrder.DESC, 1, List.of(1L));
        assertEquals(List.of("NR-2"), numbers(first.page().items()), "withdrawn ones are left out unless asked for");
        assertEquals(2, first.page().total());
        assertEquals(List.of("NR-3", "NR-2", "NR-1"), numbers(page(filter(null, Set.of(), null, null,
                true), SortOrder.DESC, 10, List.of(1L)).page().items()));
        assertEquals(List.of("NR-2"), numbers(page(filter(null, Set.of(kind.next()), null, null, false),
                SortOrder.ASC, 10, List.of(1L)).page().items()));
        assertEquals(List.of("NR-1"), numbers(page(filter(null, Set.of(), "DIGI-1", null, false),
                SortOrder.ASC, 10, List.of(1L)).page().items()));
        assertEquals(List.of("NR-1"), numbers(page(filter(null, Set.of(), null, "titel nr-1", false),
                SortOrder.ASC, 10, List.of(1L)).page().items()), "the text filter ignores case");
        assertEquals(List.of(), numbers(page(filter(1999, Set.of(), null, null, false), SortOrder.ASC,
                10, List.of(1L)).page().items()));
        assertEquals(1, store.countByStatus().get(kind.next()));
        assertEquals(2, store.countByStatus().get(first()));
        assertEquals(List.of("NR-1", "NR-2", "NR-3"), numbers(store.all()));
    }

    @Test
    void anExportWalksEveryRecordInBatchesOldestFirst() {
        for (int i = 1; i <= 1_001; i++) {
            record("m-" + i, String.format("NR-%04d", i), OPEN, i % 2 == 0 ? List.of("DIGI-1") : List.of());
        }
        List<Long> ids = new ArrayList<>();
        store.forEach(RegisterFilter.all(), List.of(1L), r -> ids.add(r.id()));
        assertEquals(1_001, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(500, store.concerning("DIGI-1", 500, List.of(1L)).stream()
                .filter(r -> r.projectKeys().equals(List.of("DIGI-1"))).count(), "projects read in batches too");
    }

    /**
     * A page's record goes in as the page says, its status only through the workflow and the
     * saver's role; what is refused stands as a conflict until the page is put right, and a macro
     * that comes back restores its record.
     */
    @Test
    void aPageEditIsAppliedThroughTheWorkflowAndTheRole() {
        PageEdit.Outcome created = store.applyPage(edit("m-1", first(), true));
        assertTrue(created.created());
        long id = store.findByMacroId("m-1").orElseThrow().id();

        PageEdit.Outcome byStaff = store.applyPage(edit("m-1", kind.next(), false));
        assertFalse(byStaff.created());
        assertFalse(byStaff.changed());
        assertTrue(byStaff.refusal().key().startsWith("cockpit.sync.error.no-role."), byStaff.refusal().key());
        assertEquals(first(), store.find(id).orElseThrow().status());
        assertEquals(kind.next(), store.conflict(id).orElseThrow());
        assertEquals(PageEdit.NO_ROLE, store.conflictReason(id).orElseThrow());

        PageEdit.Outcome jump = store.applyPage(edit("m-1", kind.jump(), true));
        assertFalse(jump.changed());
        assertEquals(kind.jump(), store.conflict(id).orElseThrow());
        assertTrue(store.history(id).stream().anyMatch(e -> e.comment().startsWith("refused " + kind.jump().name())));

        PageEdit.Outcome bySecretary = store.applyPage(edit("m-1", kind.next(), true));
        assertTrue(bySecretary.changed());
        assertNull(bySecretary.refusal());
        assertEquals(kind.next(), store.find(id).orElseThrow().status());
        assertTrue(store.conflict(id).isEmpty(), "putting the page right clears the conflict");

        store.setWithdrawn(id, true, "page:1/v5");
        PageEdit.Outcome back = store.applyPage(edit("m-1", kind.next(), false));
        assertTrue(back.restored());
        assertNull(back.refusal());
        assertFalse(store.find(id).orElseThrow().withdrawn());
        assertEquals("restored", store.history(id).get(store.history(id).size() - 1).comment());
    }

    @Test
    void aNewRecordFromSomeoneWithoutTheRoleStartsWhereTheWorkflowStarts() {
        PageEdit.Outcome created = store.applyPage(edit("m-1", kind.next(), false));
        assertTrue(created.created());
        R r = store.findByMacroId("m-1").orElseThrow();
        assertEquals(first(), r.status());
        assertEquals(kind.next(), store.conflict(r.id()).orElseThrow());
        assertEquals(1, store.count());
    }

    /**
     * An edited record is applied in one lock (its stripe), one transaction and one lookup by its
     * macro id: the minutes sync does not go back and forth between itself and the store.
     */
    @Test
    void oneEditedRecordIsOneLockOneTransactionAndOneLookup() {
        List<String> locks = new ArrayList<>();
        AtomicInteger transactions = new AtomicInteger();
        ActiveObjects counted = counting(fixture.ao, transactions);
        ClusterLocks lockNames = new ClusterLocks(name -> {
            locks.add(name);
            return fixture.lockService.getLockForName(name);
        });
        RecordStore<R, S, ?, ?, ?, ?> watched = store.kind() == RecordKind.DECISION
                ? cast(new DecisionStore(counted, new ProjectLinks(counted), new AuditLog(counted), StoreFixture.CLOCK,
                RecordListener.NONE, lockNames))
                : cast(new AdvisoryStore(counted, new ProjectLinks(counted), new AuditLog(counted), StoreFixture.CLOCK,
                RecordListener.NONE, lockNames));
        watched.applyPage(edit("m-1", first(), true));
        locks.clear();
        transactions.set(0);
        try (SqlCounter sql = new SqlCounter()) {
            PageEdit.Outcome outcome = watched.applyPage(edit("m-1", kind.next(), true));
            assertTrue(outcome.changed());
            assertEquals(1, locks.size(), locks.toString());
            assertEquals(1, transactions.get());
            assertEquals(1, sql.sql().stream().filter(s -> s.startsWith("SELECT") && s.contains("MACRO_ID")).count(),
                    sql.sql().toString());
        }
    }

    @SuppressWarnings("unchecked")
    private RecordStore<R, S, ?, ?, ?, ?> cast(RecordStore<?, ?, ?, ?, ?, ?> s) {
        return (RecordStore<R, S, ?, ?, ?, ?>) s;
    }

    /** The host's ActiveObjects, counting the transactions begun through it. */
    private static ActiveObjects counting(ActiveObjects ao, AtomicInteger transactions) {
        return (ActiveObjects) Proxy.newProxyInstance(ActiveObjects.class.getClassLoader(),
                new Class<?>[]{ActiveObjects.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeInTransaction")) {
                        transactions.incrementAndGet();
                    }
                    try {
                        return method.invoke(ao, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private PageEdit<R> edit(String macroId, S claimed, boolean mayChange) {
        return new PageEdit<>(kind.record(macroId, "NR-1", "Titel", OPEN, List.of("DIGI-1"), claimed, null),
                LocalDate.of(2026, 6, 3), mayChange, "page:1/v1");
    }

    /** A page of the register in the kind's first sort (by number); the contract asks for no kind's criteria. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private RegisterPage<R, S> page(RegisterFilter<S, ?> filter, SortOrder order, int size, List<Long> pages) {
        return ((RecordStore) store).query(new RegisterQuery<>(filter, null, order, new PageRequest(0, size)), pages);
    }

    private static <S, X> RegisterFilter<S, X> filter(Integer year, Set<S> statuses, String project, String text,
                                                      boolean withdrawn) {
        return new RegisterFilter<>(year, null, statuses, project, text, withdrawn, null);
    }

    private static List<String> numbers(List<? extends PageRecord<?>> records) {
        return records.stream().map(PageRecord::number).toList();
    }
}
