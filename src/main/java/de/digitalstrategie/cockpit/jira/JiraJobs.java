package de.digitalstrategie.cockpit.jira;

import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background work between the plugin and Jira: deliver the outbox every minute, an
 * incremental project sync every quarter hour, a full one (which also finds deleted issues) once
 * a day. Every node runs the schedule; the database locks let one node at a time do each job.
 */
public final class JiraJobs {
    private static final Logger LOG = Logger.getLogger(JiraJobs.class.getName());
    private final JiraConnector connector;
    private final ProjectSync sync;
    private final OutboxDelivery delivery;
    private final Duration deliveryInterval;
    private final Duration syncInterval;
    private ScheduledExecutorService executor;
    private long syncs;

    public JiraJobs(JiraConnector connector, ProjectSync sync, OutboxDelivery delivery, Duration deliveryInterval,
                    Duration syncInterval) {
        this.connector = connector;
        this.sync = sync;
        this.delivery = delivery;
        this.deliveryInterval = deliveryInterval;
        this.syncInterval = syncInterval;
    }

    public static JiraJobs standard(JiraConnector connector, ProjectSync sync, OutboxDelivery delivery) {
        return new JiraJobs(connector, sync, delivery, Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cockpit-jira");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::deliver, 5, deliveryInterval.toSeconds(), TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::sync, 10, syncInterval.toSeconds(), TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void deliver() {
        try {
            connector.client().ifPresent(jira -> delivery.deliverDue(jira, connector.settings(), 200));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox delivery failed", e);
        }
    }

    private void sync() {
        try {
            long per = Math.max(1, Duration.ofDays(1).dividedBy(syncInterval));
            boolean full = syncs++ % per == 0;
            connector.client().ifPresent(jira -> sync.run(jira, connector.settings(), full));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Project sync failed", e);
        }
    }
}
