package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.ValidationException;
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
}
