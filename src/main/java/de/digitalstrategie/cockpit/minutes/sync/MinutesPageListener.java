package de.digitalstrategie.cockpit.minutes.sync;

import com.atlassian.confluence.event.events.content.page.PageCreateEvent;
import com.atlassian.confluence.event.events.content.page.PageRestoreEvent;
import com.atlassian.confluence.event.events.content.page.PageTrashedEvent;
import com.atlassian.confluence.event.events.content.page.PageUpdateEvent;
import com.atlassian.confluence.pages.Page;
import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.MessageList;
import de.digitalstrategie.cockpit.minutes.MinutesPage;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears Confluence's page events and hands minutes pages to {@link MinutesSync}. Registered with
 * the event publisher for the plugin's lifetime (init and destroy methods in the Spring context).
 */
public class MinutesPageListener {
    private static final Logger LOG = Logger.getLogger(MinutesPageListener.class.getName());
    private final EventPublisher events;
    private final MinutesSync sync;

    public MinutesPageListener(EventPublisher events, MinutesSync sync) {
        this.events = events;
        this.sync = sync;
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
        Page page = event.getPage();
        SyncReport report = sync.pageTrashed(page.getId());
        LOG.log(Level.FINE, "Trashed page {0}: {1}", new Object[]{page.getId(), report});
    }

    private void saved(Page page) {
        String body = page.getBodyAsString();
        if (!sync.concerns(page.getId(), body)) {
            return;
        }
        SyncReport report = sync.pageSaved(new MinutesPage(page.getId(), page.getVersion(), page.getSpaceKey(),
                page.getTitle(), body));
        if (!report.clean()) {
            // Which kinds of problem, not their texts: those quote what authors typed (the page shows them).
            LOG.log(Level.WARNING, "Minutes page {0} synced with {1} problem(s), {2} change(s) refused: {3}",
                    new Object[]{page.getId(), report.problems().size(), report.refused(), kinds(report.problems())});
        }
    }

    private static String kinds(List<Message> problems) {
        Set<String> keys = new TreeSet<>();
        problems.forEach(p -> collectKeys(p, keys));
        return String.join(", ", keys);
    }

    private static void collectKeys(Message message, Set<String> keys) {
        keys.add(message.key());
        for (Object arg : message.args()) {
            if (arg instanceof Message nested) {
                collectKeys(nested, keys);
            } else if (arg instanceof MessageList list) {
                list.items().forEach(m -> collectKeys(m, keys));
            }
        }
    }
}
