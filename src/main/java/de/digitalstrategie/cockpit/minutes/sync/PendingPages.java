package de.digitalstrategie.cockpit.minutes.sync;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The minutes pages waiting to be recorded in the registers, oldest first. What fails is tried
 * again after a pause that grows from a few seconds to at most a quarter hour, and stays here
 * until it is recorded.
 */
public final class PendingPages {
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LAST_RETRY = Duration.ofMinutes(15);
    /** Page versions this node heard but could not note, kept in memory until they can be. */
    static final int MAX_REMEMBERED = 1_000;
    private static final Logger LOG = Logger.getLogger(PendingPages.class.getName());

    private final ActiveObjects ao;
    private final Clock clock;
    /** What the listener could not write (the database was away), in the order it was saved. */
    private final Deque<Unnoted> remembered = new ArrayDeque<>();

    /** A page version (or a page's trashing, {@code page.storageFormat()} null) not yet noted. */
    private record Unnoted(MinutesPage page, boolean trashed) {
    }

    public PendingPages(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /** A page version was saved. Runs in the page-save's event: one insert, nothing to collide with. */
    void saved(MinutesPage page) {
        ao.create(PendingPageEntity.class,
                new DBParam(PendingPageEntity.PAGE_ID, page.pageId()),
                new DBParam("PAGE_VERSION", page.version()),
                new DBParam("SPACE_KEY", page.spaceKey()),
                new DBParam("PAGE_TITLE", page.title()),
                new DBParam("ANCESTOR_IDS", page.location().ancestorsText()),
                new DBParam("EDITOR_KEY", page.editorKey()),
                new DBParam("BODY", page.storageFormat() == null ? "" : page.storageFormat()),
                new DBParam("TRASHED", false),
                new DBParam("ATTEMPTS", 0),
                new DBParam(PendingPageEntity.NEXT_ATTEMPT, Date.from(clock.instant())));
    }

    /** A page went to the trash from where it sat then. */
    void trashed(PageLocation page, String editorKey) {
        ao.create(PendingPageEntity.class,
                new DBParam(PendingPageEntity.PAGE_ID, page.pageId()),
                new DBParam("PAGE_VERSION", 0),
                new DBParam("SPACE_KEY", page.spaceKey()),
                new DBParam("ANCESTOR_IDS", page.ancestorsText()),
                new DBParam("EDITOR_KEY", editorKey == null ? "" : editorKey),
                new DBParam("TRASHED", true),
                new DBParam("ATTEMPTS", 0),
                new DBParam(PendingPageEntity.NEXT_ATTEMPT, Date.from(clock.instant())));
    }

    /**
     * Keeps a page version the listener could not note (the database was away while the page was
     * saved) on this node, so that it is not lost: {@link #noteRemembered} writes it once the
     * database answers. Bounded: a node cut off from its database for long enough to hear more saves
     * than this drops the oldest, and says so in the log.
     */
    synchronized void remember(MinutesPage page, boolean trashed) {
        if (remembered.size() >= MAX_REMEMBERED) {
            Unnoted dropped = remembered.removeFirst();
            LOG.log(Level.SEVERE, "Minutes page {0} (version {1}) could not be noted for the registers and is "
                    + "dropped; they catch up with its next save", new Object[]{dropped.page().pageId(),
                    dropped.page().version()});
        }
        remembered.addLast(new Unnoted(page, trashed));
    }

    /**
     * Notes what this node remembered, in the order it was saved, as far as the database lets it;
     * a version that does not concern the registers after all is dropped.
     *
     * @param concerns whether a page (id, body; null for a trashing) concerns the registers
     * @return how many are still remembered (the database failed again)
     */
    synchronized int noteRemembered(BiPredicate<Long, String> concerns) {
        while (!remembered.isEmpty()) {
            Unnoted next = remembered.peekFirst();
            try {
                if (concerns.test(next.page().pageId(), next.trashed() ? null : next.page().storageFormat())) {
                    if (next.trashed()) {
                        trashed(next.page().location(), next.page().editorKey());
                    } else {
                        saved(next.page());
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Remembered minutes pages could not be noted yet: {0}", e.toString());
                return remembered.size();
            }
            remembered.removeFirst();
        }
        return 0;
    }

    /**
     * Pages with a row that is due, in the order their oldest due row was written, read from at
     * most {@code limit} rows; {@code more}: the limit was reached, so more may be due.
     */
    record Due(Set<Long> pages, boolean more) {
    }

    Due duePages(int limit) {
        Set<Long> pages = new LinkedHashSet<>();
        int rows = 0;
        // Only the page ids: the entity preloads its columns, and a backlog of saved bodies can be large.
        for (PendingPageEntity e : ao.find(PendingPageEntity.class, Query.select("ID, " + PendingPageEntity.PAGE_ID)
                .where(PendingPageEntity.NEXT_ATTEMPT + " <= ?", Date.from(clock.instant())).order("ID").limit(limit))) {
            pages.add(e.getPageId());
            rows++;
        }
        return new Due(pages, rows >= limit);
    }

    /** Everything waiting for one page, in the order it was saved. */
    List<Pending> ofPage(long pageId) {
        List<Pending> rows = new ArrayList<>();
        for (PendingPageEntity e : ao.find(PendingPageEntity.class, Query.select()
                .where(PendingPageEntity.PAGE_ID + " = ?", pageId).order("ID"))) {
            // A row written before the place and the saver were kept reads as a page in no place,
            // saved by nobody: it records nothing, and the page's next save brings it in.
            rows.add(new Pending(e.getID(), e.isTrashed(), new MinutesPage(e.getPageId(), e.getPageVersion(),
                    e.getSpaceKey() == null ? "" : e.getSpaceKey(), e.getPageTitle() == null ? "" : e.getPageTitle(),
                    e.getBody() == null ? "" : e.getBody(), PageLocation.ancestors(e.getAncestorIds()),
                    e.getEditorKey()), !e.getNextAttempt().after(Date.from(clock.instant())), e.getAttempts()));
        }
        return rows;
    }

    void done(int id) {
        ao.deleteWithSQL(PendingPageEntity.class, "ID = ?", id);
    }

    void failed(int id, String error) {
        PendingPageEntity[] found = ao.find(PendingPageEntity.class, "ID = ?", id);
        if (found.length == 0) {
            return;
        }
        PendingPageEntity e = found[0];
        int attempts = e.getAttempts() + 1;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        e.setAttempts(attempts);
        e.setNextAttempt(Date.from(clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait)));
        e.setLastError(error);
        e.save();
    }

    /** How many page versions are waiting, for tests and the health report. */
    public int count() {
        return ao.count(PendingPageEntity.class);
    }

    /** One waiting page version; {@code due}: its next attempt has come. */
    record Pending(int id, boolean trashed, MinutesPage page, boolean due, int attempts) {
    }
}
