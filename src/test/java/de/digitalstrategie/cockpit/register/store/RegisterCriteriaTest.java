package de.digitalstrategie.cockpit.register.store;

import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.query.CoveringPages;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.query.ViewablePages;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import net.java.ao.Query;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conditions a register's filter puts on its table, before any database sees them. */
class RegisterCriteriaTest {

    private static Criteria where(RegisterFilter<DecisionStatus, ?> filter, List<Long> pages, List<Long> concerning) {
        return RecordStore.where(filter, pages, "DECISION", "MEETING_DATE", "STATUS", key -> concerning);
    }

    @Test
    void everythingIsOnlyWhatIsOnTheViewersPagesAndNotWithdrawn() {
        Query q = where(RegisterFilter.all(), List.of(1L, 2L), List.of()).query();
        assertEquals("PAGE_ID IN (?,?) AND WITHDRAWN = ?", q.getWhereClause());
        assertEquals(List.of(1L, 2L, false), List.of(q.getWhereParams()));
    }

    @Test
    void noViewablePageOrNoRecordOfTheProjectMatchesNothing() {
        assertTrue(where(RegisterFilter.all(), List.of(), List.of()).matchesNothing());
        assertTrue(where(RegisterFilter.concerning("DIGI-1"), List.of(1L), List.of()).matchesNothing());
        assertFalse(where(RegisterFilter.concerning("DIGI-1"), List.of(1L), List.of(7L)).matchesNothing());
    }

    /**
     * Each condition names a column right before its operator (what Active Objects quotes), and
     * what the user typed is a parameter: LIKE's wildcards in it are plain characters.
     */
    @Test
    void eachConditionNamesItsColumnAndTakesTheUsersValuesAsParameters() {
        RegisterFilter<DecisionStatus, Void> filter = new RegisterFilter<>(2026, 42L,
                Set.of(DecisionStatus.REJECTED, DecisionStatus.DECIDED), "DIGI-1", " 100%_Sicher' OR 1=1 ", true, null);
        Query q = where(filter, List.of(1L), List.of(7L, 8L)).query();
        assertEquals("PAGE_ID IN (?) AND MEETING_DATE >= ? AND MEETING_DATE < ? AND MEETING_ID = ? "
                + "AND STATUS IN (?,?) AND ID IN (?,?) AND SEARCH_TEXT LIKE ? ESCAPE '!'", q.getWhereClause());
        Object[] params = q.getWhereParams();
        assertEquals(List.of(1L), List.of(params[0]));
        assertEquals(java.time.Instant.parse("2026-01-01T00:00:00Z"), ((java.util.Date) params[1]).toInstant());
        assertEquals(java.time.Instant.parse("2027-01-01T00:00:00Z"), ((java.util.Date) params[2]).toInstant());
        assertEquals(List.of(42L, "DECIDED", "REJECTED", 7L, 8L, "%100!%!_sicher' or 1=1%"),
                List.of(params).subList(3, params.length));
    }

    /**
     * A city with years of minutes: 10,000 pages checked, 9,000 of them viewable. The condition
     * names the 1,000 hidden pages and the checked pages' bounds, not every viewable page.
     */
    @Test
    void aViewerWhoMaySeeMostPagesIsFilteredByTheHiddenOnes() {
        List<Long> checked = new CoveringPages("DECISION",
                java.util.stream.LongStream.range(0, 10_000).map(i -> 500_000 + 7 * i).boxed().toList(), "PAGE_SEQ",
                41);
        ViewablePages viewable = ViewablePages.of(checked, id -> id % 10 != 3);
        assertEquals(9_000, viewable.size());
        Query q = RecordStore.where(RegisterFilter.all(), viewable, "DECISION", "MEETING_DATE", "STATUS", key -> List.of())
                .query();
        List<Long> hidden = checked.stream().filter(id -> id % 10 == 3).toList();
        assertEquals(1_000, hidden.size());
        assertEquals("PAGE_ID >= 500000 AND PAGE_ID <= 569993 AND (PAGE_SEQ IS NULL OR PAGE_SEQ <= 41) AND PAGE_ID "
                + "NOT IN (" + "?,".repeat(999) + "?) AND WITHDRAWN = ?", q.getWhereClause());
        List<Object> params = new java.util.ArrayList<>(hidden);
        params.add(false);
        assertEquals(params, List.of(q.getWhereParams()));

        Query everything = RecordStore.where(RegisterFilter.all(), ViewablePages.of(checked, id -> true), "DECISION",
                "MEETING_DATE", "STATUS", key -> List.of()).query();
        assertEquals("PAGE_ID >= 500000 AND PAGE_ID <= 569993 AND (PAGE_SEQ IS NULL OR PAGE_SEQ <= 41) AND "
                + "WITHDRAWN = ?", everything.getWhereClause());

        Query few = RecordStore.where(RegisterFilter.all(), ViewablePages.of(checked, id -> id == 500_007L), "DECISION",
                "MEETING_DATE", "STATUS", key -> List.of()).query();
        assertEquals("PAGE_ID IN (?) AND WITHDRAWN = ?", few.getWhereClause());
        assertTrue(RecordStore.where(RegisterFilter.all(), ViewablePages.of(checked, id -> false), "DECISION", "MEETING_DATE",
                "STATUS", key -> List.of()).matchesNothing());
    }

    /**
     * Pages checked from any other list than the kind's own (the minutes pages, for goals that lie
     * on strategy pages between them) say nothing of the rows between them: named one by one.
     */
    @Test
    void pagesThatDoNotCoverTheKindAreNamedOneByOne() {
        List<Long> minutes = List.of(100L, 101L, 103L);
        Query q = RecordStore.where(RegisterFilter.all(), ViewablePages.of(minutes, id -> true), "GOAL", "RECORDED_ON",
                "GOAL_STATUS", key -> List.of()).query();
        assertEquals("PAGE_ID IN (?,?,?) AND WITHDRAWN = ?", q.getWhereClause());
        Query other = RecordStore.where(RegisterFilter.all(), ViewablePages.of(new CoveringPages("DECISION", minutes, "PAGE_SEQ", 5),
                id -> true), "GOAL", "RECORDED_ON", "GOAL_STATUS", key -> List.of()).query();
        assertEquals("PAGE_ID IN (?,?,?) AND WITHDRAWN = ?", other.getWhereClause(), "another kind's pages");
        Query own = RecordStore.where(RegisterFilter.all(), ViewablePages.of(new CoveringPages("GOAL", minutes, "PAGE_SEQ", 5),
                id -> true), "GOAL", "RECORDED_ON", "GOAL_STATUS", key -> List.of()).query();
        assertEquals("PAGE_ID >= 100 AND PAGE_ID <= 103 AND (PAGE_SEQ IS NULL OR PAGE_SEQ <= 5) AND WITHDRAWN = ?",
                own.getWhereClause());
    }
}
