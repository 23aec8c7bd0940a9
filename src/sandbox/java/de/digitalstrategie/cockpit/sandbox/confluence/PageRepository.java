package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.confluence.pages.AbstractPage;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.confluence.event.events.content.page.PageCreateEvent;
import com.atlassian.confluence.event.events.content.page.PageRestoreEvent;
import com.atlassian.confluence.event.events.content.page.PageTrashedEvent;
import com.atlassian.confluence.event.events.content.page.PageUpdateEvent;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import org.apache.commons.dbcp.BasicDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox's pages, kept in its database beside the plugin's tables, and Confluence's
 * {@link PageManager} over them. Saving a page publishes the page events Confluence would; the
 * version saved carries its saver as its last modifier (the request's user unless one is named),
 * and each page knows the page it sits under, as Confluence's do.
 *
 * <p>Its statements borrow pooled connections, as Confluence's Hibernate session takes one from
 * the host's pool: opening a connection per page lookup (on PostgreSQL a new server process each)
 * made every permission check of a page view cost tens of milliseconds Confluence never pays.
 */
public final class PageRepository implements PageManager, AutoCloseable {
    private final BasicDataSource pool = new BasicDataSource();
    private final EventPublisher events;
    private final Function<String, ConfluenceUser> users;

    /** {@code users}: the host's user of a key, null for an unknown one. */
    public PageRepository(Database database, EventPublisher events, Function<String, ConfluenceUser> users) {
        pool.setUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        this.events = events;
        this.users = users;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sandbox_page (id BIGINT PRIMARY KEY, space_key VARCHAR(64), "
                    + "title VARCHAR(255), version INTEGER, body TEXT, restricted_to VARCHAR(1000), "
                    + "trashed BOOLEAN, kind VARCHAR(32))");
            // Sandboxes whose data predate them gain the page's place in the tree and its last saver.
            s.execute("ALTER TABLE sandbox_page ADD COLUMN IF NOT EXISTS parent_id BIGINT");
            s.execute("ALTER TABLE sandbox_page ADD COLUMN IF NOT EXISTS last_modifier VARCHAR(255)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the sandbox's pages", e);
        }
    }

    private Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** Closes the pooled connections (an H2 file database closes with its last one). */
    @Override
    public void close() {
        try {
            pool.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the sandbox's page connections", e);
        }
    }

    /**
     * Creates a page (version 1) at the top of its space, saved by the request's user, and tells
     * listeners, as Confluence does on publish.
     */
    public SandboxPage create(String spaceKey, String title, String body, Set<String> restrictedTo, String kind) {
        return create(reserveId(), spaceKey, 0, title, body, restrictedTo, kind, currentUser());
    }

    /** Creates a page under an id taken earlier with {@link #reserveId()}, saved by the request's user. */
    public SandboxPage create(long id, String spaceKey, String title, String body, Set<String> restrictedTo,
                              String kind) {
        return create(id, spaceKey, 0, title, body, restrictedTo, kind, currentUser());
    }

    /**
     * Creates a page under the page {@code parentId} (0: at the top of {@code spaceKey}; a parent
     * puts it in the parent's space), saved by the user {@code editorKey} (null: anonymously).
     */
    public SandboxPage create(long id, String spaceKey, long parentId, String title, String body,
                              Set<String> restrictedTo, String kind, String editorKey) {
        return create(id, spaceKey, parentId, title, body, restrictedTo, kind, user(editorKey));
    }

    private synchronized SandboxPage create(long id, String spaceKey, long parentId, String title, String body,
                                            Set<String> restrictedTo, String kind, ConfluenceUser editor) {
        SandboxPage parent = parentId == 0 ? null
                : find(parentId).orElseThrow(() -> new IllegalArgumentException("No page " + parentId));
        SandboxPage page = new SandboxPage(id, 1, parent == null ? spaceKey : parent.getSpaceKey(), parent, title,
                body, restrictedTo, false, kind, editor);
        write(page, true);
        events.publish(new PageCreateEvent(this, page));
        return page;
    }

    /** Saves a new version of a page's body as the request's user, and tells listeners. */
    public SandboxPage update(long id, String body) {
        return update(id, body, currentUser());
    }

    /** Saves a new version of a page's body as the user {@code editorKey} (null: anonymously). */
    public SandboxPage update(long id, String body, String editorKey) {
        return update(id, body, user(editorKey));
    }

    private SandboxPage update(long id, String body, ConfluenceUser editor) {
        SandboxPage page = find(id).orElseThrow(() -> new IllegalArgumentException("No page " + id))
                .edited(body, editor);
        write(page, false);
        events.publish(new PageUpdateEvent(this, page));
        return page;
    }

    /** Gives a page a new title: a new version, and the update event Confluence sends for it. */
    public SandboxPage rename(long id, String title) {
        SandboxPage page = find(id).orElseThrow(() -> new IllegalArgumentException("No page " + id)).renamed(title);
        write(page, false);
        events.publish(new PageUpdateEvent(this, page));
        return page;
    }

    /**
     * Restricts viewing a page to these users (none: everyone may view it). Confluence keeps
     * restrictions beside the page's versions, so this is no edit and sends no page event: who may
     * see what is asked at every read.
     */
    public SandboxPage restrict(long id, Set<String> users) {
        SandboxPage page = find(id).orElseThrow(() -> new IllegalArgumentException("No page " + id))
                .withRestrictions(users);
        write(page, false);
        return page;
    }

    /** Confluence makes the signed-in user of the request the saver of what it saves. */
    private static ConfluenceUser currentUser() {
        return AuthenticatedUserThreadLocal.get();
    }

    private ConfluenceUser user(String key) {
        if (key == null) {
            return null;
        }
        ConfluenceUser user = users.apply(key);
        if (user == null) {
            throw new IllegalArgumentException("No user " + key);
        }
        return user;
    }

    public SandboxPage trash(long id) {
        SandboxPage page = find(id).orElseThrow().withTrashed(true);
        write(page, false);
        events.publish(new PageTrashedEvent(this, page));
        return page;
    }

    public SandboxPage restore(long id) {
        SandboxPage page = find(id).orElseThrow().withTrashed(false);
        write(page, false);
        events.publish(new PageRestoreEvent(this, page));
        return page;
    }

    public Optional<SandboxPage> find(long id) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT * FROM sandbox_page WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<SandboxPage> all() {
        List<SandboxPage> pages = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM sandbox_page ORDER BY id")) {
            while (rs.next()) {
                pages.add(read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pages;
    }

    @Override
    public AbstractPage getAbstractPage(long id) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT id, version, space_key, parent_id, title, restricted_to, "
                     + "trashed, kind, last_modifier FROM sandbox_page WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int version = rs.getInt("version");
                long parentId = rs.getLong("parent_id");
                return new SandboxPage(id, version, rs.getString("space_key"), parentId, () -> find(parentId).orElse(null),
                        rs.getString("title"),
                        () -> find(id).filter(p -> p.getVersion() == version).map(SandboxPage::getBodyAsString)
                                .orElseThrow(() -> new IllegalStateException("Page " + id + " changed while read")),
                        restrictions(rs), rs.getBoolean("trashed"), rs.getString("kind"), lastModifier(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastId;

    /** An id for a page about to be created (a meeting may need it before the page exists). */
    public synchronized long reserveId() {
        if (lastId == 0) {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 1000) FROM sandbox_page")) {
                rs.next();
                lastId = rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return ++lastId;
    }

    private void write(SandboxPage page, boolean insert) {
        String sql = insert
                ? "INSERT INTO sandbox_page (space_key, title, version, body, restricted_to, trashed, kind, parent_id, "
                + "last_modifier, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE sandbox_page SET space_key = ?, title = ?, version = ?, body = ?, restricted_to = ?, "
                + "trashed = ?, kind = ?, parent_id = ?, last_modifier = ? WHERE id = ?";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, page.getSpaceKey());
            s.setString(2, page.getTitle());
            s.setInt(3, page.getVersion());
            s.setString(4, page.getBodyAsString());
            s.setString(5, page.restrictedTo().isEmpty() ? null : String.join(",", page.restrictedTo()));
            s.setBoolean(6, page.trashed());
            s.setString(7, page.kind());
            s.setLong(8, page.parentId());
            s.setString(9, page.getLastModifier() == null ? null : page.getLastModifier().getKey().getStringValue());
            s.setLong(10, page.getId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SandboxPage read(ResultSet rs) throws SQLException {
        String body = rs.getString("body");
        long parentId = rs.getLong("parent_id");
        return new SandboxPage(rs.getLong("id"), rs.getInt("version"), rs.getString("space_key"), parentId,
                () -> find(parentId).orElse(null), rs.getString("title"), () -> body, restrictions(rs),
                rs.getBoolean("trashed"), rs.getString("kind"), lastModifier(rs));
    }

    private ConfluenceUser lastModifier(ResultSet rs) throws SQLException {
        String key = rs.getString("last_modifier");
        return key == null ? null : users.apply(key);
    }

    private static Set<String> restrictions(ResultSet rs) throws SQLException {
        String restricted = rs.getString("restricted_to");
        return restricted == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(restricted.split(",")));
    }
}
