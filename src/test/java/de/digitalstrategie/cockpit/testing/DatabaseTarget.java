package de.digitalstrategie.cockpit.testing;

import de.digitalstrategie.cockpit.sandbox.ao.Database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The databases the persistence tests run on: H2 always, PostgreSQL when the build started one
 * ({@code target/postgres.properties}, written by {@code src/test/postgres/postgres.sh}) or
 * {@code COCKPIT_TEST_POSTGRES_URL} (with {@code _USER} and {@code _PASSWORD}) names a server. Each {@link #fresh()} is an empty, isolated database (a new H2 memory database or a new
 * PostgreSQL schema), so tests never see each other's rows.
 */
public record DatabaseTarget(String name, Database.Kind kind) {

    public static final String POSTGRES_URL = "COCKPIT_TEST_POSTGRES_URL";

    /** Used by {@code @MethodSource}: every database this run can reach. */
    public static List<DatabaseTarget> all() {
        List<DatabaseTarget> targets = new ArrayList<>();
        targets.add(new DatabaseTarget("H2", Database.Kind.H2));
        if (postgresUrl() != null) {
            targets.add(new DatabaseTarget("PostgreSQL", Database.Kind.POSTGRESQL));
        } else if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(POSTGRES_URL + " must be set in CI: persistence runs on PostgreSQL there");
        }
        return targets;
    }

    public Database fresh() {
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Database.Kind.H2) {
            return Database.h2Memory(id);
        }
        String url = postgresUrl();
        try (Connection c = DriverManager.getConnection(url, postgresUser(), postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + url, e);
        }
        return Database.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + id, postgresUser(),
                postgresPassword(), id);
    }

    private static final Properties STARTED = startedByBuild();

    private static Properties startedByBuild() {
        Properties p = new Properties();
        Path file = Path.of("target/postgres.properties");
        // -Dcockpit.postgres.skip means H2 alone, even where an earlier run left a cluster's address.
        if (!Boolean.getBoolean("cockpit.postgres.skip") && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private static String postgresUrl() {
        String url = System.getenv().getOrDefault(POSTGRES_URL, STARTED.getProperty("url"));
        return url == null || url.isBlank() ? null : url;
    }

    private static String postgresUser() {
        return System.getenv().getOrDefault(POSTGRES_URL + "_USER", STARTED.getProperty("user", "cockpit"));
    }

    private static String postgresPassword() {
        return System.getenv().getOrDefault(POSTGRES_URL + "_PASSWORD", STARTED.getProperty("password", "cockpit"));
    }

    @Override
    public String toString() {
        return name;
    }
}
