package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A register's query is read from parameters in one place, the same for every kind. */
class RegisterQueryTest {
    private static final Function<String, Long> NO_MEETINGS = m -> {
        throw new AssertionError("no meeting asked for");
    };

    private static MacroParameters p(String... pairs) {
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put(pairs[i], pairs[i + 1]);
        }
        return new MacroParameters(raw);
    }

    @Test
    void withoutParametersAQueryShowsTheFirstPageOfEverythingByNumber() {
        RegisterQuery<DecisionStatus, DecisionCriteria, DecisionSort> q = RegisterQuery.read(p(),
                DecisionCriteria.SHAPE, NO_MEETINGS);
        assertEquals(new RegisterFilter<>(null, null, Set.of(), null, null, false, new DecisionCriteria(null)),
                q.filter());
        assertEquals(DecisionSort.NUMBER, q.sort());
        assertEquals(SortOrder.ASC, q.order());
        assertEquals(new PageRequest(0, RegisterQuery.PAGE_SIZE), q.page());
    }

    @Test
    void everyParameterIsReadTyped() {
        RegisterQuery<DecisionStatus, DecisionCriteria, DecisionSort> q = RegisterQuery.read(p("year", "2026",
                "meeting", "LK-2026/4", "status", "decided, ready-for-vote", "project", "digi-7", "text", " OZG ",
                "withdrawn", "ja", "owner", "FB 2", "sort", "due", "order", "desc", "page", "3", "page-size", "10"),
                DecisionCriteria.SHAPE, m -> m.equals("LK-2026/4") ? 42L : null);
        assertEquals(new RegisterFilter<>(2026, 42L, Set.of(DecisionStatus.DECIDED, DecisionStatus.READY_FOR_VOTE),
                "DIGI-7", "OZG", true, new DecisionCriteria("FB 2")), q.filter());
        assertEquals(DecisionSort.DUE, q.sort());
        assertEquals(SortOrder.DESC, q.order());
        assertEquals(new PageRequest(20, 10), q.page());
    }

    @Test
    void eachKindReadsWhatOnlyItFiltersBy() {
        RegisterFilter<AnswerStatus, AdvisoryCriteria> filter = RegisterQuery.filter(p("sector", "wissenschaft",
                "unanswered", "true", "status", "received"), AdvisoryCriteria.SHAPE, NO_MEETINGS);
        assertEquals(new AdvisoryCriteria(Sector.WISSENSCHAFT, true, false), filter.criteria());
        assertEquals(Set.of(AnswerStatus.RECEIVED), filter.statuses());
        assertNull(filter.meetingId(), "the advisory register has no meeting filter");
        assertEquals(Set.of("year", "status", "project", "text", "sort", "order", "page", "page-size", "withdrawn",
                "sector", "unanswered", "awaiting-report"), AdvisoryCriteria.SHAPE.parameters());
        assertEquals(AdvisorySort.RECEIVED, RegisterQuery.read(p("sort", "received"), AdvisoryCriteria.SHAPE,
                NO_MEETINGS).sort());
    }

    @Test
    void anExportReadsOnlyTheFilter() {
        assertEquals(RegisterFilter.<DecisionStatus, DecisionCriteria>all().statuses(),
                RegisterQuery.filter(p("sort", "whatever"), DecisionCriteria.SHAPE, NO_MEETINGS).statuses(),
                "sorting and paging are the spreadsheet's, not the export's");
    }

    /** Each refusal names the parameter and quotes what was given, in the user's language. */
    @Test
    void aBadValueIsRefusedNamingItsParameter() {
        for (List<String> bad : List.of(List.of("year", "1800", "cockpit.macro.error.year"),
                List.of("status", "beschlossen", "cockpit.macro.error.choice"),
                List.of("project", "not a key", "cockpit.macro.error.issue-key"),
                List.of("sort", "sector", "cockpit.macro.error.choice"),
                List.of("order", "up", "cockpit.macro.error.choice"),
                List.of("page", "0", "cockpit.macro.error.number"),
                List.of("page-size", "501", "cockpit.macro.error.number"),
                List.of("withdrawn", "maybe", "cockpit.macro.error.flag"))) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> RegisterQuery.read(p(bad.get(0), bad.get(1)), DecisionCriteria.SHAPE, NO_MEETINGS),
                    bad.toString());
            assertEquals(bad.get(2), e.userMessage().key(), bad.toString());
            assertEquals(bad.get(0), e.userMessage().args().get(0), bad.toString());
        }
        assertEquals("cockpit.macro.error.choice", assertThrows(ValidationException.class,
                () -> RegisterQuery.filter(p("sector", "kirche"), AdvisoryCriteria.SHAPE, NO_MEETINGS))
                .userMessage().key());
    }
}
