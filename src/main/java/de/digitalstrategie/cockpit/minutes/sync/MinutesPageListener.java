package de.digitalstrategie.cockpit.minutes.sync;

import com.atlassian.confluence.event.events.content.page.PageCreateEvent;
import com.atlassian.confluence.event.events.content.page.PageRestoreEvent;
import com.atlassian.confluence.event.events.content.page.PageTrashedEvent;
import com.atlassian.confluence.event.events.content.page.PageUpdateEvent;
import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears Confluence's page events and notes the minutes pages among them as pending
 * ({@link PendingPages}); {@link MinutesSyncJob} records them in the registers right after, on the
 * scheduler. Nothing here can fail or roll back the user's page save: Confluence may deliver the
 * event inside the save's transaction, so the listener does no more than one insert of a new row
 * and asks the scheduler for a run, and whatever goes wrong is logged, never thrown. A version it
 * cannot note (the database is away) is kept in this node's memory and noted by the job once the
 * database answers ({@link PendingPages#remember}), so a page saved once and never again still
 * reaches the registers. Registered
 * with the event publisher for the plugin's lifetime (init and destroy methods in the Spring
 * context).
 */
public class MinutesPageListener {
    private static final Logger LOG = Logger.getLogger(MinutesPageListener.class.getName());
    private final EventPublisher events;
    private final MinutesSync sync;
    private final PendingPages pending;
    private final MinutesSyncJob job;

    public MinutesPageListener(EventPublisher events, MinutesSync sync, PendingPages pending, MinutesSyncJob job) {
        this.events = events;
        this.sync = sync;
        this.pending = pending;
        this.job = job;
    }

    public void register() {
        events.register(this);
    }

    public void unregister() {
        events.unregister(this);
    }

    @EventListener
    public void onCreate(PageCreateEvent event) {
        saved(event.getPage());
    }

    @EventListener
    public void onUpdate(PageUpdateEvent event) {
        saved(event.getPage());
    }

    @EventListener
    public void onRestore(PageRestoreEvent event) {
        saved(event.getPage());
    }

    @EventListener
    public void onTrash(PageTrashedEvent event) {
        MinutesPage page;
        try {
            page = read(event.getPage(), false);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "A trashed page could not be read", e);
            return;
        }
        note(page, true);
    }

    /** Who saved the version the event carries: Confluence makes the saving user its last modifier. */
    private static String editor(Page page) {
        ConfluenceUser user = page.getLastModifier();
        return user == null || user.getKey() == null ? "" : user.getKey().getStringValue();
    }

    /** What the event says of the page, read while the event is delivered (the page may change after). */
    private static MinutesPage read(Page page, boolean withBody) {
        PageLocation where = PageLocation.of(page);
        return new MinutesPage(page.getId(), page.getVersion(), page.getSpaceKey(), page.getTitle(),
                withBody ? page.getBodyAsString() : null, where.ancestorIds(), editor(page));
    }

    private void saved(Page saved) {
        MinutesPage page;
        try {
            page = read(saved, true);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "A saved page could not be read", e);
            return;
        }
        note(page, false);
    }

    /** Notes the version, or else keeps it in memory for the job; asks for a run either way. */
    private void note(MinutesPage page, boolean trashed) {
        try {
            if (!sync.concerns(page.pageId(), trashed ? null : page.storageFormat())) {
                return;
            }
            if (trashed) {
                pending.trashed(page.location(), page.editorKey());
            } else {
                pending.saved(page);
            }
        } catch (Exception e) {
            // The save itself must go through; the job notes the version once the database answers.
            LOG.log(Level.SEVERE, "Minutes page " + page.pageId() + " could not be noted for the registers yet; "
                    + "this node keeps it and tries again", e);
            pending.remember(page, trashed);
        }
        try {
            job.kick();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "No immediate run for minutes page " + page.pageId()
                    + "; the cluster's run every minute records it", e);
        }
    }
}
