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
        return new Database(Kind.H2, "jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS, "sa", "", H2_SCHEMA);
    }

    /** An H2 in-memory database that lives as long as the JVM. */
    public static Database h2Memory(String name) {
        return new Database(Kind.H2, "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "", H2_SCHEMA);
    }

    public static Database postgres(String url, String user, String password, String schema) {
        return new Database(Kind.POSTGRESQL, url, user, password, schema);
    }

    // H2 as Confluence's evaluation database runs it: names fold to upper case, its keywords stay
    // keywords (the fork quotes only its own short list of H2 reserved words, see ForkSql). A file
    // database closes with its last connection, so a restart really reads it back from disk.
    private static final String H2_OPTIONS = "";
    /** The fork's H2 provider qualifies every table with this schema. */
    private static final String H2_SCHEMA = "PUBLIC";

    /** A description without the password, for logs and the health endpoint. */
    public String describe() {
        return kind + " " + url.replaceAll("password=[^&;]*", "password=***");
    }
}
