package de.digitalstrategie.cockpit.minutes.sync;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The minutes pages waiting to be recorded in the registers, oldest first. What fails is tried
 * again after a pause that grows from a few seconds to at most a quarter hour, and stays here
 * until it is recorded.
 */
public final class PendingPages {
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LAST_RETRY = Duration.ofMinutes(15);

    private final ActiveObjects ao;
    private final Clock clock;

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

    /** Pages with a row that is due, in the order their oldest due row was written. */
    Set<Long> duePages(int limit) {
        Set<Long> pages = new LinkedHashSet<>();
        for (PendingPageEntity e : ao.find(PendingPageEntity.class, Query.select()
                .where(PendingPageEntity.NEXT_ATTEMPT + " <= ?", Date.from(clock.instant())).order("ID").limit(limit))) {
            pages.add(e.getPageId());
        }
        return pages;
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
