package de.digitalstrategie.cockpit.schema;

import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The schema as Active Objects would lay it out in Confluence's database. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class SchemaTest {
    private final DatabaseTarget target;

    SchemaTest(DatabaseTarget target) {
        this.target = target;
    }

    private static Connection connect(Database db) throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /**
     * As Atlassian's AO fork lays the schema out: names in upper case on both databases (created
     * quoted on PostgreSQL, so they stay upper case there and an unquoted name misses them).
     */
    @Test
    void tablesArePrefixedShortUpperCaseAndLongTextIsUnbounded() throws Exception {
        try (StoreFixture store = StoreFixture.on(target); Connection c = connect(store.database)) {
            String prefix = store.ao.tablePrefix();
            assertEquals("AO_", prefix.substring(0, 3));
            assertEquals(prefix.toUpperCase(Locale.ROOT), prefix);
            Set<String> tables = new TreeSet<>();
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, store.database.schema(), prefix + "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            Set<String> expected = new TreeSet<>();
            CockpitSchema.ENTITIES.forEach(e -> expected.add(store.ao.tableOf(e)));
            assertEquals(expected, tables);
            tables.forEach(t -> assertTrue(t.length() <= 30, t));

            String projectTable = store.ao.tableOf(ProjectEntity.class);
            try (ResultSet rs = md.getColumns(null, store.database.schema(), projectTable, "DESCRIPTION")) {
                assertTrue(rs.next());
                assertTrue(rs.getInt("COLUMN_SIZE") > 1_000_000 || rs.getString("TYPE_NAME").equalsIgnoreCase("text"),
                        rs.getString("TYPE_NAME") + " " + rs.getInt("COLUMN_SIZE"));
            }
            try (ResultSet rs = md.getColumns(null, store.database.schema(), projectTable, "TITLE")) {
                assertTrue(rs.next());
                assertEquals(255, rs.getInt("COLUMN_SIZE"));
            }
            try (ResultSet rs = md.getColumns(null, store.database.schema(), projectTable, "ID")) {
                assertTrue(rs.next(), "the primary key is ID, as the fork's Entity declares it");
            }
            try (ResultSet rs = md.getColumns(null, store.database.schema(), projectTable, "title")) {
                assertFalse(rs.next(), "no lower-case column");
            }
        }
    }

    @Test
    void migratingAgainKeepsDataAndLeavesOtherTablesAlone() throws Exception {
        Database db = target.fresh();
        try (StoreFixture first = new StoreFixture(db); Connection c = connect(db); Statement s = c.createStatement()) {
            first.organisation.save(new Department("finanzen", "Finanzen", DepartmentKind.QUERSCHNITTSREFERAT, ""));
            // A table of the host (Confluence's own) in the same schema must survive our migrations.
            s.execute("CREATE TABLE host_content (id INTEGER PRIMARY KEY)");
        }
        try (StoreFixture second = new StoreFixture(db); Connection c = connect(db); Statement s = c.createStatement()) {
            assertEquals(1, second.organisation.countDepartments());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM host_content")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void nothingIsLostOnRestartOfAFileDatabase(@TempDir Path dir) {
        assumeTrue(target.kind() == Database.Kind.H2,
                "a PostgreSQL server outlives its clients by nature; the H2 file is the sandbox's default");
        Database file = Database.h2File(dir.resolve("cockpit"));
        DigitalProject project = new DigitalProject("DIGI-1", "Freies WLAN", ProjectProfile.EMPTY, null, 4_200_000,
                0, ProjectStatus.RUNNING, Phase.OPERATION, Health.GREEN, "", "3.2", null);
        try (StoreFixture before = new StoreFixture(file)) {
            before.projects.save(project);
        }
        try (StoreFixture after = new StoreFixture(file)) {
            assertEquals(project, after.projects.find("DIGI-1").orElseThrow());
        }
    }
}
