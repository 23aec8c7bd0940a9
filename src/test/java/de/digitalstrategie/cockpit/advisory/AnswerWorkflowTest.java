package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static de.digitalstrategie.cockpit.advisory.AnswerStatus.ADOPTED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.DECLINED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.IMPLEMENTED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.PARTLY_ADOPTED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.RECEIVED;
import static de.digitalstrategie.cockpit.advisory.AnswerStatus.UNDER_REVIEW;
import static de.digitalstrategie.cockpit.advisory.AnswerWorkflow.WORKFLOW;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerWorkflowTest {

    private static final Set<List<AnswerStatus>> LEGAL = Set.of(
            List.of(RECEIVED, UNDER_REVIEW),
            List.of(UNDER_REVIEW, ADOPTED),
            List.of(UNDER_REVIEW, PARTLY_ADOPTED),
            List.of(UNDER_REVIEW, DECLINED),
            List.of(ADOPTED, IMPLEMENTED),
            List.of(PARTLY_ADOPTED, IMPLEMENTED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (AnswerStatus from : AnswerStatus.values()) {
            for (AnswerStatus to : AnswerStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    private static AdvisoryInput input(AnswerStatus status, String answerText) {
        return new AdvisoryInput(3, "m-3", "BR-2026-02", "Open Data Portal", "Der Beirat empfiehlt …", "Open Data",
                Set.of(Sector.WISSENSCHAFT), 0, List.of(), LocalDate.of(2026, 3, 4),
                new CityAnswer(status, answerText, "Stabsabteilung", null, null), PageRef.NONE, false, true);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheLegalTransitions(AnswerStatus from, AnswerStatus to) {
        AnswerChange change = new AnswerChange(input(from, ""), to, "cdo", "Begründung und Umfang");
        if (LEGAL.contains(List.of(from, to))) {
            assertDoesNotThrow(() -> WORKFLOW.check(from, to, change));
        } else {
            IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                    () -> WORKFLOW.check(from, to, change));
            assertTrue(refused.userMessage().key().startsWith("cockpit.workflow.error."), refused.userMessage().key());
        }
    }

    @Test
    void declineNeedsAReasonAndPartialAdoptionSaysWhichPart() {
        AdvisoryInput review = input(UNDER_REVIEW, "");
        assertEquals("cockpit.advisory.error.reason-required", assertThrows(IllegalTransitionException.class,
                () -> WORKFLOW.check(UNDER_REVIEW, DECLINED, new AnswerChange(review, DECLINED, "cdo", "  ")))
                .userMessage().key());
        assertEquals("cockpit.advisory.error.part-required", assertThrows(IllegalTransitionException.class,
                () -> WORKFLOW.check(UNDER_REVIEW, PARTLY_ADOPTED, new AnswerChange(review, PARTLY_ADOPTED, "cdo", null)))
                .userMessage().key());
        // A reason already on record counts.
        AdvisoryInput explained = input(UNDER_REVIEW, "Haushaltsmittel fehlen 2026.");
        assertDoesNotThrow(() -> WORKFLOW.check(UNDER_REVIEW, DECLINED, new AnswerChange(explained, DECLINED, "cdo", "")));
    }

    @Test
    void theBoardIsToldOnlyAboutAnAnswer() {
        assertThrows(ValidationException.class,
                () -> new CityAnswer(UNDER_REVIEW, "", "", null, LocalDate.of(2026, 5, 1)));
        CityAnswer adopted = new CityAnswer(ADOPTED, "Wird umgesetzt.", "Stabsabteilung", LocalDate.of(2026, 4, 1), null);
        assertTrue(adopted.awaitingReport());
        CityAnswer told = new CityAnswer(ADOPTED, "Wird umgesetzt.", "Stabsabteilung", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 6, 1));
        assertFalse(told.awaitingReport());
    }

    @Test
    void unansweredInputCountsItsDays() {
        AdvisoryInput waiting = input(UNDER_REVIEW, "");
        assertEquals(30, waiting.daysUnanswered(LocalDate.of(2026, 4, 3)));
        assertEquals(0, input(ADOPTED, "ja").daysUnanswered(LocalDate.of(2026, 4, 3)));
    }

    @Test
    void inputNeedsASector() {
        assertThrows(ValidationException.class, () -> new AdvisoryInput(0, "", "BR-1", "Titel", "", "", Set.of(), 0,
                List.of(), LocalDate.of(2026, 1, 1), null, null, false, false));
    }
}
