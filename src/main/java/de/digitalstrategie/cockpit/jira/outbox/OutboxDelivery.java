package de.digitalstrategie.cockpit.jira.outbox;

import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.client.CreatedIssue;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.minutes.DemoRecords;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes due outbox entries to Jira: find the record's issue (by its stored key, else by the
 * entry's secret label in the target project), create or update it, link it to each project it concerns. Every step can be repeated
 * without harm, so a crash between "created in Jira" and "marked delivered" yields no duplicate.
 * One node delivers at a time. Demo records ({@link DemoRecords}) are kept back before Jira is
 * asked anything about them: a sandbox connected to a city's Jira sends it only real records.
 * Every kind of record is delivered the same way ({@link RecordIssues}).
 */
public final class OutboxDelivery {
    public static final String LOCK = "outbox-delivery";
    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    private final Outbox outbox;
    private final Map<RecordKind, RecordIssues<?>> kinds = new EnumMap<>(RecordKind.class);
    private final ClusterLocks lock;
    private final LongFunction<String> pageUrls;
    private final DecisionStore decisions;
    private final LongPredicate restrictions;

    /**
     * @param pageUrls     the absolute URL of a minutes page by id, for the issue's description
     * @param restrictions which minutes pages only some of their space's readers may read (by page
     *                     id, {@code access.PageRestrictions}): what lies on them is held back, as
     *                     everyone in the Jira project would read it
     */
    public OutboxDelivery(Outbox outbox, DecisionStore decisions, AdvisoryStore advisory, ClusterLocks lock,
                          LongFunction<String> pageUrls, LongPredicate restrictions) {
        this.outbox = outbox;
        this.decisions = decisions;
        for (RecordIssues<?> kind : List.of(RecordIssues.decisions(decisions), RecordIssues.inputs(advisory))) {
            kinds.put(kind.register().kind(), kind);
        }
        this.lock = lock;
        this.pageUrls = pageUrls;
        this.restrictions = restrictions;
    }

    /**
     * What has not reached Jira, for the admin page.
     *
     * @param waiting the records still to be delivered (demo records are not among them)
     * @param demo    how many records of each kind are demo data, which is never delivered
     */
    public record Backlog(List<OutboxEntry> waiting, Map<RecordKind, Integer> demo) {
        public Backlog {
            waiting = List.copyOf(waiting);
            demo = Map.copyOf(demo);
        }
    }

    /**
     * The backlog, read only: the entries delivery has not yet looked at are told apart here by
     * their records, so the page is right before Jira was ever connected.
     */
    public Backlog backlog() {
        List<OutboxEntry> waiting = new ArrayList<>();
        Map<RecordKind, Integer> demo = new EnumMap<>(RecordKind.class);
        kinds.keySet().forEach(kind -> demo.put(kind, outbox.countKeptBack(kind)));
        for (OutboxEntry e : outbox.pending()) {
            if (kinds.get(e.kind()).find(e.recordId()).filter(OutboxDelivery::demo).isPresent()) {
                demo.merge(e.kind(), 1, Integer::sum);
            } else {
                waiting.add(e);
            }
        }
        return new Backlog(waiting, demo);
    }

    private static boolean demo(PageRecord<?> r) {
        return DemoRecords.isDemo(r.macroId(), r.number());
    }

    /** Delivers what is due, at most {@code limit} entries; returns how many reached Jira. */
    public int deliverDue(JiraClient jira, JiraSettings settings, int limit) {
        return lock.tryRun(LOCK, () -> {
            int delivered = 0;
            for (OutboxEntity entry : outbox.due(limit)) {
                try {
                    RecordIssues<?> kind = kinds.get(RecordKind.valueOf(entry.getRecordType()));
                    if (held(kind, entry)) {
                        outbox.held(entry);
                        continue;
                    }
                    Optional<JiraIssue> issue = deliver(kind, jira, settings, entry);
                    if (issue.isPresent()) {
                        outbox.delivered(entry, issue.get().key(), issue.get().id());
                        if (RecordKind.valueOf(entry.getRecordType()) == RecordKind.DECISION) {
                            // From now on its implementation follows the issue (DecisionStateSync).
                            decisions.linkIssue(entry.getRecordId(), issue.get().key());
                        }
                        delivered++;
                    } else {
                        outbox.keptBack(entry);
                    }
                } catch (JiraException e) {
                    LOG.log(Level.INFO, "Delivery of {0} {1} failed: {2}", new Object[]{entry.getRecordType(),
                            entry.getRecordId(), e.getMessage()});
                    outbox.failed(entry, e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Delivery of " + entry.getRecordType() + " " + entry.getRecordId() + " failed", e);
                    outbox.failed(entry, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            return delivered;
        }).orElse(0);
    }

    /**
     * Whether the record lies on a minutes page only some may read: a Jira issue would show it to
     * everyone who may browse the Jira project, so it is not sent (nor an update of an issue made
     * before the page was restricted) while the page is. Asked before Jira is asked anything.
     */
    private boolean held(RecordIssues<?> kind, OutboxEntity entry) {
        return kind.find(entry.getRecordId()).filter(r -> !demo(r) && r.page().exists()
                && restrictions.test(r.page().pageId())).isPresent();
    }

    /** @return the record's issue (its id and key), or empty for a demo record, which is kept back unsent */
    private <R extends PageRecord<?>> Optional<JiraIssue> deliver(RecordIssues<R> kind, JiraClient jira,
                                                                JiraSettings settings, OutboxEntity entry) {
        long id = entry.getRecordId();
        R r = kind.find(id).orElseThrow(() -> new IllegalStateException("no " + entry.getRecordType() + " " + id));
        if (demo(r)) {
            return Optional.empty();
        }
        String stored = Optional.ofNullable(entry.getJiraKey()).filter(k -> !k.isBlank()).orElse(null);
        // The reference is stored before Jira is asked anything, so the label a retry looks for is
        // the one an earlier attempt may have given an issue.
        String ref = stored != null ? entry.getIssueRef() : outbox.issueRef(entry);
        Map<String, Object> fields = kind.fields(r, settings.targetProject(),
                r.page().exists() ? pageUrls.apply(r.page().pageId()) : null, ref);
        // Found by label only where an earlier attempt created it and died before noting it: by
        // the secret label, which nobody could put on an issue before that attempt, in the target
        // project, the earliest. The record's public label proves nothing: anyone who may create
        // issues there could have planted one carrying it before the first delivery.
        Optional<String> known = Optional.ofNullable(stored)
                .or(() -> jira.search("project = \"" + settings.targetProject() + "\" AND labels = \""
                        + RecordIssues.refLabel(ref) + "\" ORDER BY created ASC", 0, 1, List.of("key")).issues()
                        .stream().findFirst().map(JiraIssue::key));
        String key;
        if (known.isPresent()) {
            key = known.get();
            Map<String, Object> update = new LinkedHashMap<>(fields);
            update.remove("project");
            update.remove("issuetype");
            jira.updateIssue(key, update);
        } else {
            CreatedIssue created = jira.createIssue(fields);
            key = created.key();
            outbox.created(entry, created.key(), created.id());
        }
        JiraIssue issue = jira.issue(key, List.of("issuelinks"));
        Set<String> linked = new HashSet<>(issue.linkedKeys());
        for (String project : r.projectKeys()) {
            if (!linked.contains(project)) {
                jira.link(kind.linkType(), project, key);
            }
        }
        return Optional.of(issue);
    }
}
