package de.digitalstrategie.cockpit.jira.sync;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import net.java.ao.DBParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/**
 * Mirrors the portfolio's Jira issues into the plugin's store, so pages render without asking
 * Jira. The first sync reads everything; later ones read only what changed since the last one
 * (with an overlap for clock skew) and compare Jira's count with the mirror's, reading all keys
 * only when they differ, to find issues that were deleted or moved away. One sync at a time
 * across the cluster.
 */
public final class ProjectSync {
    public static final String LOCK = "project-sync";
    private static final Logger LOG = Logger.getLogger(ProjectSync.class.getName());
    /** Changes made within this window before the last sync are read again: clocks drift. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final int PAGE = 1000;

    private final ActiveObjects ao;
    private final ProjectStore projects;
    private final OrganisationStore organisation;
    private final ClusterLocks lock;
    private final Clock clock;

    public ProjectSync(ActiveObjects ao, ProjectStore projects, OrganisationStore organisation, ClusterLocks lock,
                       Clock clock) {
        this.ao = ao;
        this.projects = projects;
        this.organisation = organisation;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Runs one sync with the given client and settings.
     *
     * @param full read everything even if an earlier sync left a high-water mark
     * @return the status after the run, or empty if another node is syncing right now
     */
    public Optional<SyncStatus> run(JiraClient jira, JiraSettings settings, boolean full) {
        return lock.tryRun(LOCK, () -> sync(jira, settings, full));
    }

    private SyncStatus sync(JiraClient jira, JiraSettings settings, boolean forceFull) {
        SyncStateEntity state = state();
        Instant highWater = toInstant(state.getHighWater());
        boolean full = forceFull || highWater == null;
        begin(state, full);
        ProjectMapping mapping = new ProjectMapping(settings, organisation.departments(), organisation.fieldsOfAction());
        Progress progress = new Progress(state);
        Batch batch = new Batch();
        try {
            String base = settings.projectJql();
            int total = jira.search(base, 0, 0, java.util.List.of("key")).total();
            progress.total(total);
            if (full) {
                Set<String> seen = new HashSet<>();
                jira.scan(base, mapping.jiraFields(), PAGE, issue -> progress.read(batch.add(issue, mapping), issue, seen));
                batch.flush();
                progress.removed(removeAllBut(seen));
            } else {
                // Relative to Jira's own clock ("-90m"): a JQL date would be read in the token
                // owner's time zone, which the plugin cannot know.
                long minutes = Duration.between(highWater.minus(OVERLAP), clock.instant()).toMinutes() + 1;
                jira.scan("(" + base + ") AND updated >= \"-" + Math.max(1, minutes) + "m\"", mapping.jiraFields(), PAGE,
                        issue -> progress.read(batch.add(issue, mapping), issue, null));
                batch.flush();
                if (projects.count() != total) {
                    // Something left the selection (deleted, moved, re-typed): find out what, by key only.
                    Set<String> keys = new HashSet<>();
                    jira.scan(base, java.util.List.of("key"), PAGE, issue -> keys.add(issue.key()));
                    progress.removed(removeAllBut(keys));
                }
            }
            finish(state, progress, null);
        } catch (LocalisedException e) {
            // Jira's refusals and unreachability are LocalisedExceptions as well.
            LOG.log(Level.WARNING, "Project sync failed: {0}", e.getMessage());
            finish(state, progress, e.getMessage());
        }
        // As just written: no need to read it back.
        return status(state);
    }

    /** Issues on their way into the store, written a page at a time (one transaction each). */
    private final class Batch {
        private final java.util.List<ProjectStore.Mirrored> pending = new java.util.ArrayList<>();

        /** @return whether the issue can be mirrored (false: its values break the profile's rules) */
        boolean add(JiraIssue issue, ProjectMapping mapping) {
            try {
                pending.add(new ProjectStore.Mirrored(mapping.project(issue), issue.id(), issue.blockedBy()));
            } catch (LocalisedException e) {
                LOG.log(Level.WARNING, "Issue {0} not mirrored: {1}", new Object[]{issue.key(), e.getMessage()});
                return false;
            }
            if (pending.size() >= PAGE) {
                flush();
            }
            return true;
        }

        void flush() {
            projects.mirror(pending);
            pending.clear();
        }
    }

    private int removeAllBut(Set<String> keys) {
        int removed = 0;
        for (String key : projects.keys()) {
            if (!keys.contains(key) && projects.remove(key)) {
                removed++;
            }
        }
        return removed;
    }

    public SyncStatus status() {
        return status(state());
    }

    private static SyncStatus status(SyncStateEntity s) {
        return new SyncStatus(s.isRunning(), s.isFullSync(), s.getIssuesRead(), s.getIssuesTotal(), s.getRemoved(),
                s.getRejected(), toInstant(s.getStartedAt()), toInstant(s.getFinishedAt()),
                toInstant(s.getHighWater()), s.getLastError() == null ? "" : s.getLastError());
    }

    private SyncStateEntity state() {
        // Read on every portfolio view while Jira is not connected: a plain read, a transaction only
        // for the one row's creation.
        SyncStateEntity[] existing = ao.find(SyncStateEntity.class, "SYNC_NAME = ?", LOCK);
        if (existing.length > 0) {
            return existing[0];
        }
        return ao.executeInTransaction(() -> {
            SyncStateEntity[] found = ao.find(SyncStateEntity.class, "SYNC_NAME = ?", LOCK);
            return found.length > 0 ? found[0]
                    : ao.create(SyncStateEntity.class, new DBParam("SYNC_NAME", LOCK), new DBParam("RUNNING", false),
                    new DBParam("FULL_SYNC", false), new DBParam("ISSUES_READ", 0), new DBParam("ISSUES_TOTAL", 0),
                    new DBParam("REMOVED", 0), new DBParam("REJECTED", 0), new DBParam("REQUESTS", 0));
        });
    }

    private void begin(SyncStateEntity s, boolean full) {
        s.setRunning(true);
        s.setFullSync(full);
        s.setStartedAt(Date.from(clock.instant()));
        s.setIssuesRead(0);
        s.setIssuesTotal(0);
        s.setRemoved(0);
        s.setRejected(0);
        s.setLastError("");
        s.save();
    }

    private void finish(SyncStateEntity s, Progress progress, String error) {
        // The last counts go out with the end of the run, in one write.
        progress.apply();
        s.setRunning(false);
        s.setFinishedAt(Date.from(clock.instant()));
        if (error == null) {
            // Everything changed before this run started is now mirrored; the next run reads
            // from here (less the overlap for clocks that disagree).
            s.setHighWater(s.getStartedAt());
        }
        s.setLastError(error == null ? "" : error);
        s.save();
    }

    /** Counts as issues stream past and writes the count out now and then, for the admin page. */
    private static final class Progress {
        private final SyncStateEntity state;
        private int read;
        private int rejected;

        Progress(SyncStateEntity state) {
            this.state = state;
        }

        void total(int total) {
            state.setIssuesTotal(total);
            state.save();
        }

        void read(boolean mirrored, JiraIssue issue, Set<String> seen) {
            read++;
            if (!mirrored) {
                rejected++;
            }
            if (seen != null) {
                seen.add(issue.key());
            }
            if (read % 500 == 0) {
                flush();
            }
        }

        void removed(int removed) {
            state.setRemoved(removed);
        }

        void flush() {
            apply();
            state.save();
        }

        void apply() {
            state.setIssuesRead(read);
            state.setRejected(rejected);
        }
    }
}
