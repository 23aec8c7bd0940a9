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
 * and asks the scheduler for a run, and whatever goes wrong is logged, never thrown. Registered
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
        long pageId = -1;
        try {
            Page page = event.getPage();
            pageId = page.getId();
            if (sync.concerns(pageId, null)) {
                pending.trashed(PageLocation.of(page), editor(page));
                job.kick();
            }
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Trashed minutes page " + pageId + " could not be noted for the registers; "
                    + "its records stay until the page is saved or trashed again", e);
        }
    }

    /** Who saved the version the event carries: Confluence makes the saving user its last modifier. */
    private static String editor(Page page) {
        ConfluenceUser user = page.getLastModifier();
        return user == null || user.getKey() == null ? "" : user.getKey().getStringValue();
    }

    private void saved(Page page) {
        long pageId = -1;
        try {
            pageId = page.getId();
            String body = page.getBodyAsString();
            if (!sync.concerns(pageId, body)) {
                return;
            }
            PageLocation where = PageLocation.of(page);
            pending.saved(new MinutesPage(pageId, page.getVersion(), page.getSpaceKey(), page.getTitle(), body,
                    where.ancestorIds(), editor(page)));
            job.kick();
        } catch (Exception e) {
            // The save itself must go through; the registers catch up with the page's next save.
            LOG.log(Level.SEVERE, "Minutes page " + pageId + " could not be noted for the registers; "
                    + "they catch up with its next save", e);
        }
    }
}
