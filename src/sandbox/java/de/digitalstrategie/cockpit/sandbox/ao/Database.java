package de.digitalstrategie.cockpit.sandbox.ao;

import java.nio.file.Path;

/**
 * Where the host's Active Objects store lives.
 *
 * @param schema the PostgreSQL schema holding the tables ("public" unless isolated for a test)
 */
public record Database(Kind kind, String url, String user, String password, String schema) {
    public enum Kind { H2, POSTGRESQL }

    /** An H2 file database: nothing is lost on restart. */
    public static Database h2File(Path file) {
        return new Database(Kind.H2, "jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS, "sa", "", "public");
    }

    /** An H2 in-memory database that lives as long as the JVM. */
    public static Database h2Memory(String name) {
        return new Database(Kind.H2, "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "", "public");
    }

    public static Database postgres(String url, String user, String password, String schema) {
        return new Database(Kind.POSTGRESQL, url, user, password, schema);
    }

    // KEY is reserved in H2 2.x; lower-case folding matches PostgreSQL (see H2DatabaseProvider).
    // A file database closes with its last connection, so a restart really reads it back from disk.
    private static final String H2_OPTIONS = ";NON_KEYWORDS=KEY,VALUE;DATABASE_TO_LOWER=TRUE";

    /** A description without the password, for logs and the health endpoint. */
    public String describe() {
        return kind + " " + url.replaceAll("password=[^&;]*", "password=***");
    }
}
