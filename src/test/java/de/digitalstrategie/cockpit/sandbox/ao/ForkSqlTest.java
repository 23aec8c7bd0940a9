package de.digitalstrategie.cockpit.sandbox.ao;

import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's Active Objects rejects what Atlassian's AO fork rejects and accepts what it accepts,
 * on each database. The expected texts of the first two tests are the fork's own test cases
 * ({@code PostgresDatabaseProviderTest} in Atlassian's Active Objects sources).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ForkSqlTest {
    private final DatabaseTarget target;
    private final StoreFixture store;

    ForkSqlTest(DatabaseTarget target) {
        this.target = target;
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private boolean postgres() {
        return target.kind() == Database.Kind.POSTGRESQL;
    }

    private static ForkSql postgresSql() {
        return new ForkSql(ForkSql.Dialect.POSTGRESQL, "\"", "public");
    }

    private static ForkSql h2Sql() {
        return new ForkSql(ForkSql.Dialect.H2, "\"", "PUBLIC");
    }

    @Test
    void whereQuotesOnlyTheWordBeforeAnOperatorAsTheForkDoes() {
        ForkSql pg = postgresSql();
        assertEquals("\"field1\" = 2 and \"field2\" like %er", pg.processWhereClause("field1 = 2 and field2 like %er"));
        assertEquals("\"field1\" = *", pg.processWhereClause("field1 = *"));
        assertEquals("\"12345abc\" = 1", pg.processWhereClause("12345abc = 1"));
        assertEquals("LOWER(TITLE) LIKE ? ESCAPE '!'", pg.processWhereClause("LOWER(TITLE) LIKE ? ESCAPE '!'"));
        assertEquals("\"STATUS\" IN (?,?) AND \"REPORTED_ON\" IS NULL",
                pg.processWhereClause("STATUS IN (?,?) AND REPORTED_ON IS NULL"));
        assertEquals("\"JIRA_PROJECT\" IS NOT NULL", pg.processWhereClause("JIRA_PROJECT IS NOT NULL"));
        assertEquals("(\"ID\" > ?)", pg.processWhereClause("(ID > ?)"));
        // H2: only the fork's H2 reserved words are quoted.
        assertEquals("field1 = 2 and field2 like %er", h2Sql().processWhereClause("field1 = 2 and field2 like %er"));
    }

    @Test
    void orderTakesEveryWordForAColumnAsTheForkDoes() {
        ForkSql pg = postgresSql();
        List<String> given = List.of("column1", "column1 Asc", "column1 Desc", "table1.column1", "table1.column1 ASC",
                "table1.column1 ASC, column2", "column1, table2.column2 ASC", "table1.column1 ASC, table2.column2 ASC");
        List<String> fork = List.of("\"column1\"", "\"column1\" Asc", "\"column1\" Desc", "table1.\"column1\"",
                "table1.\"column1\" ASC", "table1.\"column1\" ASC, \"column2\"", "\"column1\", table2.\"column2\" ASC",
                "table1.\"column1\" ASC, table2.\"column2\" ASC");
        assertEquals(fork, given.stream().map(pg::processOrderClause).toList());
        assertEquals("\"column1\" ASC", pg.processOrderClause("\"column1\" ASC"), "a quoted name is not quoted twice");
        assertEquals("\"CASE\" \"PHASE\" \"WHEN\" '\"IDEA\"' \"THEN\" 0 \"END\"",
                pg.processOrderClause("CASE PHASE WHEN 'IDEA' THEN 0 END"));
        assertEquals("CASE PHASE WHEN 'IDEA' THEN 0 END", h2Sql().processOrderClause("CASE PHASE WHEN 'IDEA' THEN 0 END"),
                "none of these is one of the fork's H2 reserved words");
    }

    @Test
    void aggregatesInTheSelectAreRenderedAsTheForkRendersThem() {
        Query sums = Query.select("PHASE, COUNT(ID) AS ID, SUM(BUDGET_CENTS) BUDGET_CENTS").from("AO_X").group("PHASE");
        assertEquals("SELECT \"PHASE\",COUNT(\"ID\") as \"ID\",SUM(\"BUDGET_CENTS\") as \"BUDGET_CENTS\" FROM "
                + "public.\"AO_X\" GROUP BY \"PHASE\"", postgresSql().renderQuery(sums, null, false));
        assertEquals("SELECT PHASE,COUNT(ID) as ID,SUM(BUDGET_CENTS) as BUDGET_CENTS FROM PUBLIC.AO_X GROUP BY PHASE",
                h2Sql().renderQuery(sums, null, false));
        for (String field : List.of("SUM(BUDGET_CENTS + 1) AS BUDGET_CENTS", "COUNT(DISTINCT ID) AS ID", "1 + ID")) {
            assertThrows(IllegalArgumentException.class, () -> postgresSql().renderQuery(Query.select(field).from("T"),
                    null, false), field + ": the fork would quote it as one name");
        }
    }

    private void oneProject() {
        store.ao.create(ProjectEntity.class, new DBParam(ProjectEntity.ISSUE_KEY, "DIGI-1"),
                new DBParam(ProjectEntity.TITLE, "Freies WLAN"), new DBParam(ProjectEntity.STATUS, "RUNNING"),
                new DBParam(ProjectEntity.PHASE, "IDEA"), new DBParam(ProjectEntity.HEALTH, "GREEN"));
    }

    @Test
    void aFunctionAroundAColumnFailsOnPostgreSqlAsInConfluence() {
        oneProject();
        Query lower = Query.select("ID").where("LOWER(TITLE) LIKE ?", "%wlan%");
        if (postgres()) {
            StoreException e = assertThrows(StoreException.class, () -> store.ao.find(ProjectEntity.class, lower));
            assertTrue(e.getMessage().contains("column \"title\" does not exist"), e.getMessage());
            assertThrows(StoreException.class, () -> store.ao.count(ProjectEntity.class, "LOWER(TITLE) LIKE ?", "%w%"));
            assertThrows(StoreException.class, () -> store.ao.stream(ProjectEntity.class,
                    Query.select("ID").where("LOWER(TITLE) LIKE ?", "%w%"), row -> { }));
            assertThrows(StoreException.class, () -> store.ao.deleteWithSQL(ProjectEntity.class, "LOWER(TITLE) = ?",
                    "x"));
        } else {
            assertEquals(1, store.ao.find(ProjectEntity.class, lower).length);
        }
        // What the fork quotes itself works everywhere; so does a name quoted by hand.
        assertEquals(1, store.ao.count(ProjectEntity.class, "TITLE LIKE ?", "%WLAN%"));
        assertEquals(1, store.ao.count(ProjectEntity.class, "LOWER(\"TITLE\") LIKE ?", "%wlan%"));
    }

    @Test
    void anExpressionInOrderByFailsOnPostgreSqlAsInConfluence() {
        oneProject();
        Query ranked = Query.select("ID").order("CASE PHASE WHEN 'IDEA' THEN 0 ELSE 1 END");
        if (postgres()) {
            assertThrows(StoreException.class, () -> store.ao.find(ProjectEntity.class, ranked));
            assertThrows(StoreException.class, () -> store.ao.stream(ProjectEntity.class,
                    Query.select("ID").order("COALESCE(END_DATE, START_DATE)"), row -> { }));
        } else {
            assertEquals(1, store.ao.find(ProjectEntity.class, ranked).length);
        }
        assertEquals(1, store.ao.find(ProjectEntity.class, Query.select("ID").order("PHASE DESC, ISSUE_KEY")).length);
    }

    @Test
    void tablesAndColumnsAreUpperCaseAndQuotedOnPostgreSql() throws SQLException {
        oneProject();
        try (Connection c = DriverManager.getConnection(store.database.url(), store.database.user(),
                store.database.password()); Statement s = c.createStatement()) {
            String table = store.ao.tableOf(ProjectEntity.class);
            try (var r = s.executeQuery("SELECT " + store.ao.identifier("TITLE") + " FROM "
                    + store.ao.qualifiedTable(ProjectEntity.class))) {
                r.next();
                assertEquals("Freies WLAN", r.getString(1));
            }
            if (postgres()) {
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT TITLE FROM " + store.database.schema()
                        + ".\"" + table + "\"").close(), "an unquoted column name is folded to lower case");
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT ID FROM " + table).close(),
                        "an unquoted table name too");
            }
        }
    }
}
