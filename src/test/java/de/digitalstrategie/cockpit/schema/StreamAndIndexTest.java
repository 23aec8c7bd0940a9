package de.digitalstrategie.cockpit.schema;

import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import net.java.ao.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the host adds to ActiveObjects 0.8.2 as Atlassian's AO has it: {@code stream} (read-only
 * rows, only the selected columns) and the indexes entities declare, on every database.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class StreamAndIndexTest {
    private final StoreFixture store;

    StreamAndIndexTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void project(String key, Phase phase, long budget, LocalDate end) {
        store.projects.save(new DigitalProject(key, "Projekt " + key,
                new ProjectProfile("Beschreibung", "", "", "", "", ""), new TimeFrame(LocalDate.of(2025, 1, 1), end),
                budget, 0, ProjectStatus.RUNNING, phase, Health.GREEN, "it", "3.1", Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void streamHandsOutTheSelectedColumnsOfEachRowInOrder() {
        project("DIGI-3", Phase.PLANNING, 300, LocalDate.of(2027, 3, 31));
        project("DIGI-1", Phase.IMPLEMENTATION, 100, null);
        project("DIGI-2", Phase.COMPLETED, 200, LocalDate.of(2026, 1, 15));
        List<String> keys = new ArrayList<>();
        List<Long> budgets = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select("ID, ISSUE_KEY, BUDGET_CENTS, END_DATE")
                .where("PHASE IN (?, ?) OR END_DATE < ?", "PLANNING", "IMPLEMENTATION", toDate(LocalDate.of(2026, 6, 1)))
                .order("ISSUE_KEY DESC"), e -> {
                    keys.add(e.getIssueKey());
                    budgets.add(e.getBudgetCents());
                    ends.add(toDay(e.getEndDate()));
                    assertTrue(e.getID() > 0);
                });
        assertEquals(List.of("DIGI-3", "DIGI-2", "DIGI-1"), keys);
        assertEquals(List.of(300L, 200L, 100L), budgets);
        assertEquals(java.util.Arrays.asList(LocalDate.of(2027, 3, 31), LocalDate.of(2026, 1, 15), null), ends);

        List<String> page = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select("ISSUE_KEY").order("ISSUE_KEY").limit(2).offset(1), e -> {
            page.add(e.getIssueKey());
            // As in AO: the primary key is read only when selected.
            assertThrows(IllegalStateException.class, e::getID);
        });
        assertEquals(List.of("DIGI-2", "DIGI-3"), page, "limit and offset");
        List<Integer> ids = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select(), e -> ids.add(e.getID()));
        assertEquals(3, ids.size(), "select() reads the primary key");

        List<String> all = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select("*").where("ISSUE_KEY = ?", "DIGI-1"),
                e -> all.add(e.getTitle() + "/" + e.getDescription() + "/" + e.getPhase()));
        assertEquals(List.of("Projekt DIGI-1/Beschreibung/IMPLEMENTATION"), all, "* reads every column");
    }

    @Test
    void streamSumsPerGroupIntoTheEntitysFieldsOfTheAliasesNames() {
        project("DIGI-1", Phase.PLANNING, 100, null);
        project("DIGI-2", Phase.PLANNING, 250, null);
        project("DIGI-3", Phase.IDEA, 7, null);
        List<String> sums = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select("PHASE, COUNT(ID) AS ID, SUM(BUDGET_CENTS) AS BUDGET_CENTS, "
                        + "MAX(END_DATE) END_DATE").where("BUDGET_CENTS > ?", 1L).group("PHASE").order("PHASE"),
                e -> sums.add(e.getPhase() + " " + e.getID() + " " + e.getBudgetCents() + " " + e.getEndDate()));
        assertEquals(List.of("IDEA 1 7 null", "PLANNING 2 350 null"), sums);
        assertThrows(IllegalStateException.class, () -> store.ao.stream(ProjectEntity.class,
                Query.select("PHASE, COUNT(ID) AS N").group("PHASE"), e -> { }),
                "AO reads an alias into the entity's field of that name: N is none");
        assertThrows(IllegalArgumentException.class, () -> store.ao.stream(ProjectEntity.class,
                Query.select("PHASE, SUM(BUDGET_CENTS + FUNDING_CENTS) AS BUDGET_CENTS").group("PHASE"), e -> { }),
                "no expression inside the function: the fork would quote it as one name");
        // Another Jira project, so that the portfolio's own sum rows (per Jira project) hold the
        // budget apart and only this stream's sum over both overflows.
        project("ANDERS-4", Phase.IDEA, Long.MAX_VALUE, null);
        assertThrows(ArithmeticException.class, () -> store.ao.stream(ProjectEntity.class,
                Query.select("PHASE, SUM(BUDGET_CENTS) AS BUDGET_CENTS").group("PHASE"), e -> e.getBudgetCents()),
                "a sum beyond a long is refused, not cut");
    }

    @Test
    void streamedEntitiesAreReadOnlyAndHoldOnlyWhatWasSelected() {
        project("DIGI-1", Phase.IDEA, 100, null);
        List<ProjectEntity> rows = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select("ID, ISSUE_KEY"), rows::add);
        ProjectEntity row = rows.get(0);
        assertThrows(UnsupportedOperationException.class, () -> row.setTitle("anders"));
        assertThrows(UnsupportedOperationException.class, row::save);
        IllegalStateException unselected = assertThrows(IllegalStateException.class, row::getTitle);
        assertTrue(unselected.getMessage().contains("getTitle"), unselected.getMessage());
        assertEquals(ProjectEntity.class, row.getEntityType());
        assertTrue(row.toString().contains("read-only"));

        List<ProjectEntity> again = new ArrayList<>();
        store.ao.stream(ProjectEntity.class, Query.select("ID"), again::add);
        assertEquals(row, again.get(0), "equal by type and primary key");
        assertEquals(row.hashCode(), again.get(0).hashCode());
        assertEquals("Projekt DIGI-1", store.projects.find("DIGI-1").orElseThrow().title(), "nothing was changed");
    }

    @Test
    void streamInsideATransactionSeesItsWritesAndLeavesAutoCommitAsItWas() throws Exception {
        int seen = store.ao.executeInTransaction(() -> {
            project("DIGI-1", Phase.IDEA, 100, null);
            int[] n = {0};
            store.ao.stream(ProjectEntity.class, Query.select("ID"), e -> n[0]++);
            return n[0];
        });
        assertEquals(1, seen);
        store.ao.stream(ProjectEntity.class, Query.select("ID"), e -> {
        });
        // Outside a transaction every write is committed at once, also after a stream used the
        // connection: a plain create, not ProjectStore.save (which commits its own transaction).
        store.ao.create(ProjectEntity.class, new net.java.ao.DBParam(ProjectEntity.ISSUE_KEY, "DIGI-2"),
                new net.java.ao.DBParam(ProjectEntity.TITLE, "Projekt DIGI-2"),
                new net.java.ao.DBParam(ProjectEntity.STATUS, "RUNNING"),
                new net.java.ao.DBParam(ProjectEntity.PHASE, "IDEA"),
                new net.java.ao.DBParam(ProjectEntity.HEALTH, "GREEN"));
        try (Connection c = DriverManager.getConnection(store.database.url(), store.database.user(),
                store.database.password()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + store.ao.qualifiedTable(ProjectEntity.class))) {
            r.next();
            assertEquals(2, r.getInt(1));
        }
    }

    @Test
    void jiraProjectsAreFoundOneQueryEach() {
        assertEquals(Set.of(), store.projects.jiraProjects());
        for (String key : List.of("DIGI-1", "DIGI-2", "ALT-7", "ZZZ-1", "ALT-8", "DIGI-3")) {
            project(key, Phase.IDEA, 1, null);
        }
        assertEquals(Set.of("ALT", "DIGI", "ZZZ"), store.projects.jiraProjects());
    }

    @Test
    void migrateKeepsTheIndexesEntitiesDeclare() throws Exception {
        String physical = store.ao.tableOf(DecisionEntity.class);
        String table = physical.toLowerCase(Locale.ROOT);
        Set<String> indexes = indexes(physical);
        assertTrue(indexes.contains("index_" + table + "_status_withdrawn_page_seq"), "@Indexes: " + indexes);
        assertTrue(indexes.contains("index_" + table + "_successor"), "@Indexed: " + indexes);
        assertTrue(indexes.contains("index_" + table + "_meeting_date"), indexes.toString());
        // A database from before an index was declared gets it on the next migrate.
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX " + store.database.schema() + "." + store.ao.identifier("index_" + table + "_successor"));
        }
        assertFalse(indexes(physical).contains("index_" + table + "_successor"));
        store.ao.migrate(CockpitSchema.entityArray());
        assertEquals(indexes, indexes(physical));

        // The history's time, which the portfolio as of a past day reads from: on a table from before it too.
        String changes = store.ao.tableOf(de.digitalstrategie.cockpit.portfolio.history.store.ProjectChangeEntity.class);
        String changedAt = "index_" + changes.toLowerCase(Locale.ROOT) + "_changed_at";
        assertTrue(indexes(changes).contains(changedAt), indexes(changes).toString());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX " + store.database.schema() + "." + store.ao.identifier(changedAt));
        }
        assertFalse(indexes(changes).contains(changedAt));
        store.ao.migrate(CockpitSchema.entityArray());
        assertTrue(indexes(changes).contains(changedAt));
    }

    /** A table with boxed columns, which AO reads as null where the row holds NULL. */
    @net.java.ao.schema.Table("BOXED")
    public interface BoxedEntity extends net.java.ao.Entity {
        Long getCount();

        void setCount(Long count);

        Integer getRank();

        void setRank(Integer rank);

        Boolean getFlag();

        void setFlag(Boolean flag);

        long getPlain();

        void setPlain(long plain);
    }

    @Test
    void streamReadsNullIntoABoxedColumnAndZeroIntoAPrimitiveOne() {
        store.ao.migrate(CockpitSchema.entityArray());
        store.ao.migrate(BoxedEntity.class);
        store.ao.create(BoxedEntity.class);
        List<Object> read = new ArrayList<>();
        store.ao.stream(BoxedEntity.class, Query.select("ID, COUNT, RANK, FLAG, PLAIN"), e -> {
            read.add(e.getCount());
            read.add(e.getRank());
            read.add(e.getFlag());
            read.add(e.getPlain());
        });
        assertEquals(java.util.Arrays.asList(null, null, null, 0L), read);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(store.database.url(), store.database.user(), store.database.password());
    }

    private Set<String> indexes(String table) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection c = connect()) {
            String schema = store.database.schema();
            try (ResultSet r = c.getMetaData().getIndexInfo(null, schema, table, false, false)) {
                while (r.next()) {
                    if (r.getString("INDEX_NAME") != null) {
                        names.add(r.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
