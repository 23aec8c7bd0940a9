package de.digitalstrategie.cockpit.jira.outbox;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.sync.SyncStateEntity;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.minutes.DemoRecords;
import de.digitalstrategie.cockpit.register.RecordKind;
import net.java.ao.DBParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/**
 * Reads back from Jira how far each decision has been carried out: the status category of the
 * issue the outbox made for it (new → open, indeterminate → in progress, done → done; every Jira
 * workflow maps its statuses to these three). Incremental as the project sync: only the decision
 * issues updated since the last successful run (less an overlap for clocks that disagree), all of
 * them on the first run and on the nightly full one. The issue is known by the id Jira gave it when
 * the outbox created it, so an issue an administrator moved to another project is still found, and
 * the outbox's label copied onto another issue (anyone who may edit issues of the decision type can)
 * sets nothing. An entry delivered before ids were kept is resolved once by the key the outbox
 * stored (Jira answers an old key with the moved issue). A run that fails
 * (Jira away, refusing, timing out) leaves the high-water mark where it was: the next run reads
 * everything since, and nothing is lost. One run at a time across the cluster.
 */
public final class DecisionStateSync {
    public static final String LOCK = "decision-state-sync";
    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(DecisionStateSync.class.getName());
    private static final int PAGE = 500;

    private final ActiveObjects ao;
    private final Outbox outbox;
    private final DecisionStore decisions;
    private final ClusterLocks lock;
    private final Clock clock;

    /**
     * What a run did.
     *
     * @param read    decision issues read
     * @param changed decisions whose implementation (or issue) changed
     * @param error   why the run failed, or "" after a successful one
     */
    public record Outcome(int read, int changed, String error) {
    }

    public DecisionStateSync(ActiveObjects ao, Outbox outbox, DecisionStore decisions, ClusterLocks lock, Clock clock) {
        this.ao = ao;
        this.outbox = outbox;
        this.decisions = decisions;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * One run; empty if another node is running one.
     *
     * @param full read every decision issue even if an earlier run left a high-water mark
     */
    public Optional<Outcome> run(JiraClient jira, JiraSettings settings, boolean full) {
        return lock.tryRun(LOCK, () -> sync(jira, full));
    }

    private Outcome sync(JiraClient jira, boolean forceFull) {
        SyncStateEntity state = state();
        Instant highWater = toInstant(state.getHighWater());
        Instant started = clock.instant();
        String jql = "issuetype = \"" + Provisioning.DECISION_TYPE + "\" AND labels = lenkungskreis";
        if (!forceFull && highWater != null) {
            // Relative to Jira's own clock, as the project sync reads it.
            long minutes = Duration.between(highWater.minus(OVERLAP), started).toMinutes() + 1;
            jql += " AND updated >= \"-" + Math.max(1, minutes) + "m\"";
        }
        int[] counts = new int[2];
        try {
            identify(jira);
            jira.scan(jql, List.of("status", "updated"), PAGE, issue -> {
                counts[0]++;
                if (apply(issue)) {
                    counts[1]++;
                }
            });
        } catch (LocalisedException e) {
            LOG.log(Level.WARNING, "Reading the decisions'' implementation from Jira failed: {0}", e.getMessage());
            finish(state, started, e.getMessage());
            return new Outcome(counts[0], counts[1], e.getMessage());
        }
        finish(state, started, null);
        return new Outcome(counts[0], counts[1], "");
    }

    /**
     * Gives the entries delivered before issue ids were kept their issue's id, by the key the
     * outbox stored (not by label: that anyone could have copied). An issue deleted in Jira (404)
     * stays without id and is asked about again next run; any other failure fails the run.
     */
    private void identify(JiraClient jira) {
        for (OutboxEntity entry : outbox.withoutIssueId(RecordKind.DECISION)) {
            try {
                outbox.issueIdentified(entry, jira.issue(entry.getJiraKey(), List.of("status")).id());
            } catch (JiraException e) {
                if (e.status() != 404) {
                    throw e;
                }
                LOG.log(Level.INFO, "The Jira issue {0} of decision {1} is gone", new Object[]{entry.getJiraKey(),
                        entry.getRecordId()});
            }
        }
    }

    /** @return whether the decision changed */
    private boolean apply(JiraIssue issue) {
        Optional<Decision> found = outbox.recordOfIssue(RecordKind.DECISION, issue.id()).flatMap(decisions::find);
        if (found.isEmpty() || DemoRecords.isDemo(found.get().macroId(), found.get().number())) {
            return false;
        }
        Decision d = found.get();
        ImplementationState state = ImplementationState.ofJiraCategory(
                issue.fields().containsKey("status") ? issue.fields().get("status").path("statusCategory")
                        .path("key").asText("") : "");
        if (d.implementation() == state && d.jiraIssue().equals(issue.key())) {
            return false;
        }
        decisions.followIssue(d.id(), issue.key(), state);
        return true;
    }

    private SyncStateEntity state() {
        return ao.executeInTransaction(() -> {
            SyncStateEntity[] found = ao.find(SyncStateEntity.class, "SYNC_NAME = ?", LOCK);
            return found.length > 0 ? found[0]
                    : ao.create(SyncStateEntity.class, new DBParam("SYNC_NAME", LOCK), new DBParam("RUNNING", false),
                    new DBParam("FULL_SYNC", false), new DBParam("ISSUES_READ", 0), new DBParam("ISSUES_TOTAL", 0),
                    new DBParam("REMOVED", 0), new DBParam("REJECTED", 0), new DBParam("REQUESTS", 0));
        });
    }

    private void finish(SyncStateEntity state, Instant started, String error) {
        state.setStartedAt(Date.from(started));
        state.setFinishedAt(Date.from(clock.instant()));
        if (error == null) {
            // Everything updated before this run started has been read.
            state.setHighWater(Date.from(started));
        }
        state.setLastError(error == null ? "" : error);
        state.save();
    }
}
