package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.sandbox.demo.OrganisationSeed;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL the benchmarks run on: the one the build starts for the tests (or
 * COCKPIT_TEST_POSTGRES_URL), one fresh schema per data set, dropped afterwards.
 */
final class Postgres {
    private static final DatabaseTarget TARGET = new DatabaseTarget("PostgreSQL", Database.Kind.POSTGRESQL);

    private Postgres() {
    }

    static boolean available() {
        return DatabaseTarget.all().stream().anyMatch(t -> t.kind() == Database.Kind.POSTGRESQL);
    }

    static Database fresh() {
        return TARGET.fresh();
    }

    static Connection connect(Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    static void drop(Database db) {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + db.schema() + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop schema " + db.schema() + ": " + e.getMessage());
        }
    }

    static String version(Database db) {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Runs statements (ANALYZE, say) on the data set's schema. */
    static void execute(Database db, String... sql) {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisation of Worms from the sourced seed files: fields of action and departments. */
    record Organisation(List<FieldOfAction> fields, List<Department> departments) {
        static Organisation seed(OrganisationStore store, Path seedDir) {
            OrganisationSeed seed = new OrganisationSeed(store);
            try (Reader f = Files.newBufferedReader(seedDir.resolve("fields_of_action.csv"), StandardCharsets.UTF_8);
                 Reader d = Files.newBufferedReader(seedDir.resolve("organisations.csv"), StandardCharsets.UTF_8)) {
                seed.loadFieldsOfAction(f);
                seed.loadDepartments(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Organisation(store.fieldsOfAction(), store.departments());
        }
    }
}
