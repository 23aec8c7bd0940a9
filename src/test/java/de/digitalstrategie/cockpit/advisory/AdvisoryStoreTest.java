package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.PageEdit;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class AdvisoryStoreTest {
    private final StoreFixture store;

    AdvisoryStoreTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AdvisoryInput received() {
        return new AdvisoryInput(0, "br-1", "BR-2026-03", "KI in der Bürgerkommunikation", "Der Beirat empfiehlt …",
                "Künstliche Intelligenz", Set.of(Sector.WISSENSCHAFT, Sector.GESELLSCHAFT), 0, List.of("DIGI-4"),
                LocalDate.of(2026, 6, 3), null, new PageRef(99, 1, "DIGI", "Beirat 2026/2"), false, true);
    }

    @Test
    void theAnswerLoopIsClosedAndAudited() {
        AdvisoryInput input = store.advisory.record(received(), "secretary");
        assertEquals(AnswerStatus.RECEIVED, input.answer().status());
        assertEquals(Set.of(Sector.WISSENSCHAFT, Sector.GESELLSCHAFT), input.sectors());
        store.advisory.changeAnswer(input.id(), AnswerStatus.UNDER_REVIEW, "cdo", "");
        AdvisoryInput partly = store.advisory.changeAnswer(input.id(), AnswerStatus.PARTLY_ADOPTED, "cdo",
                "Pilot im Bürgerbüro, kein Chatbot auf der Website.");
        assertEquals(LocalDate.of(2026, 11, 27), partly.answer().answeredOn());
        assertTrue(partly.answer().awaitingReport());
        AdvisoryInput told = store.advisory.reportToBoard(input.id(), LocalDate.of(2026, 12, 2), "cdo");
        assertEquals(LocalDate.of(2026, 12, 2), told.answer().reportedToBoardOn());
        assertEquals(told, store.advisory.find(input.id()).orElseThrow());
        assertEquals(4, store.advisory.history(input.id()).size());
    }

    @Test
    void aDeclineWithoutReasonIsRefusedAndChangesNothing() {
        AdvisoryInput input = store.advisory.record(received(), "secretary");
        store.advisory.changeAnswer(input.id(), AnswerStatus.UNDER_REVIEW, "cdo", "");
        assertThrows(IllegalTransitionException.class,
                () -> store.advisory.changeAnswer(input.id(), AnswerStatus.DECLINED, "cdo", " "));
        assertThrows(ValidationException.class,
                () -> store.advisory.reportToBoard(input.id(), LocalDate.of(2026, 12, 1), "cdo"));
        AdvisoryInput after = store.advisory.find(input.id()).orElseThrow();
        assertEquals(AnswerStatus.UNDER_REVIEW, after.answer().status());
        assertEquals(2, store.advisory.history(input.id()).size());
        assertEquals(1, store.advisory.countByStatus().get(AnswerStatus.UNDER_REVIEW));
    }

    /** What only the advisory register filters by: the sectors, and where the answer stands. */
    @Test
    void theRegisterFiltersBySectorAndByWhereTheAnswerStands() {
        AdvisoryInput open = store.advisory.record(received(), "secretary");
        AdvisoryInput answered = store.advisory.record(new AdvisoryInput(0, "br-2", "BR-2026-04", "Offene Daten", "",
                "", Set.of(Sector.WIRTSCHAFT), 0, List.of(), LocalDate.of(2025, 3, 1), null,
                new PageRef(99, 1, "DIGI", "Beirat 2025/1"), false, true), "secretary");
        store.advisory.changeAnswer(answered.id(), AnswerStatus.UNDER_REVIEW, "cdo", "");
        store.advisory.changeAnswer(answered.id(), AnswerStatus.ADOPTED, "cdo", "Wird umgesetzt.");
        assertEquals(List.of("BR-2026-03"), numbers(new AdvisoryCriteria(Sector.GESELLSCHAFT, false, false), null));
        assertEquals(List.of("BR-2026-03"), numbers(new AdvisoryCriteria(null, true, false), null));
        assertEquals(List.of("BR-2026-04"), numbers(new AdvisoryCriteria(null, false, true), null));
        assertEquals(List.of("BR-2026-04"), numbers(null, 2025), "the year the input was received");
        store.advisory.reportToBoard(answered.id(), LocalDate.of(2026, 12, 2), "cdo");
        assertEquals(List.of(), numbers(new AdvisoryCriteria(null, false, true), null), "the loop is closed");
        assertEquals(open.id(), store.advisory.find(open.id()).orElseThrow().id());
    }

    /**
     * From a page, the city's answer starts as received and moves only through its workflow, and
     * the board's being told comes with an answer from someone who may give it: unlike a decision,
     * which a page records as taken.
     */
    @Test
    void aPageMovesTheAnswerThroughItsWorkflowAndTellsTheBoard() {
        PageEdit.Outcome adopted = store.advisory.applyPage(edit(AnswerStatus.ADOPTED, null));
        assertTrue(adopted.created());
        AdvisoryInput input = store.advisory.findByMacroId("br-1").orElseThrow();
        assertEquals(AnswerStatus.RECEIVED, input.status(), "received → adopted skips the review");
        assertEquals(AnswerStatus.ADOPTED, store.advisory.conflict(input.id()).orElseThrow());
        store.advisory.applyPage(edit(AnswerStatus.UNDER_REVIEW, null));
        PageEdit.Outcome told = store.advisory.applyPage(edit(AnswerStatus.DECLINED, LocalDate.of(2026, 12, 1)));
        assertTrue(told.changed());
        AdvisoryInput declined = store.advisory.find(input.id()).orElseThrow();
        assertEquals("Kein Budget.", declined.answer().text());
        assertEquals(LocalDate.of(2026, 12, 1), declined.answer().reportedToBoardOn());
        assertEquals(LocalDate.of(2026, 11, 27), declined.answer().answeredOn());
        assertEquals("reported to board 2026-12-01", store.advisory.history(input.id()).get(
                store.advisory.history(input.id()).size() - 1).comment());
    }

    private PageEdit<AdvisoryInput> edit(AnswerStatus claimed, LocalDate reported) {
        AdvisoryInput page = received();
        return new PageEdit<>(page.withAnswer(new CityAnswer(claimed, "Kein Budget.", "", null, reported)),
                page.receivedOn(), true, "page:99/v1");
    }

    private List<String> numbers(AdvisoryCriteria criteria, Integer year) {
        return store.advisory.query(new RegisterQuery<>(new RegisterFilter<>(year, null, Set.of(), null, null, false,
                        criteria), AdvisorySort.NUMBER, SortOrder.ASC, new PageRequest(0, 10)), List.of(99L))
                .page().items().stream().map(AdvisoryInput::number).toList();
    }
}
