package de.digitalstrategie.cockpit.jira.outbox;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.audit.AuditSubject;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.minutes.DemoRecords;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes due outbox entries to Jira: find the record's issue (by its stored key, else by its
 * label), create or update it, link it to each project it concerns. Every step can be repeated
 * without harm, so a crash between "created in Jira" and "marked delivered" yields no duplicate.
 * One node delivers at a time. Demo records ({@link DemoRecords}) are kept back before Jira is
 * asked anything about them: a sandbox connected to a city's Jira sends it only real records.
 */
public final class OutboxDelivery {
    public static final String LOCK = "outbox-delivery";
    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    private final Outbox outbox;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final ClusterLocks lock;
    private final java.util.function.LongFunction<String> pageUrls;

    /** @param pageUrls the absolute URL of a minutes page by id, for the issue's description */
    public OutboxDelivery(Outbox outbox, DecisionStore decisions, AdvisoryStore advisory, ClusterLocks lock,
                          java.util.function.LongFunction<String> pageUrls) {
        this.outbox = outbox;
        this.decisions = decisions;
        this.advisory = advisory;
        this.lock = lock;
        this.pageUrls = pageUrls;
    }

    /**
     * What has not reached Jira, for the admin page.
     *
     * @param waiting       the records still to be delivered (demo records are not among them)
     * @param demoDecisions how many decisions are demo data, which is never delivered
     * @param demoInputs    how many advisory inputs are demo data
     */
    public record Backlog(List<OutboxEntry> waiting, int demoDecisions, int demoInputs) {
        public Backlog {
            waiting = List.copyOf(waiting);
        }
    }

    /**
     * The backlog, read only: the entries delivery has not yet looked at are told apart here by
     * their records, so the page is right before Jira was ever connected.
     */
    public Backlog backlog() {
        List<OutboxEntry> waiting = new java.util.ArrayList<>();
        int demoDecisions = outbox.countKeptBack(AuditSubject.DECISION);
        int demoInputs = outbox.countKeptBack(AuditSubject.ADVISORY_INPUT);
        for (OutboxEntry e : outbox.pending()) {
            if (!demo(e.subject(), e.recordId())) {
                waiting.add(e);
            } else if (e.subject() == AuditSubject.DECISION) {
                demoDecisions++;
            } else {
                demoInputs++;
            }
        }
        return new Backlog(waiting, demoDecisions, demoInputs);
    }

    private boolean demo(AuditSubject subject, long id) {
        return subject == AuditSubject.DECISION
                ? decisions.find(id).map(d -> DemoRecords.isDemo(d.macroId(), d.number())).orElse(false)
                : advisory.find(id).map(i -> DemoRecords.isDemo(i.macroId(), i.number())).orElse(false);
    }

    /** Delivers what is due, at most {@code limit} entries; returns how many reached Jira. */
    public int deliverDue(JiraClient jira, JiraSettings settings, int limit) {
        return lock.tryRun(LOCK, () -> {
            int delivered = 0;
            for (OutboxEntity entry : outbox.due(limit)) {
                try {
                    Optional<String> key = deliver(jira, settings, entry);
                    if (key.isPresent()) {
                        outbox.delivered(entry, key.get());
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

    /** @return the record's issue key, or empty for a demo record, which is kept back unsent */
    private Optional<String> deliver(JiraClient jira, JiraSettings settings, OutboxEntity entry) {
        AuditSubject subject = AuditSubject.valueOf(entry.getRecordType());
        long id = entry.getRecordId();
        Map<String, Object> fields;
        List<String> projects;
        String linkType;
        if (subject == AuditSubject.DECISION) {
            Decision d = decisions.find(id).orElseThrow(() -> new IllegalStateException("no decision " + id));
            if (DemoRecords.isDemo(d.macroId(), d.number())) {
                return Optional.empty();
            }
            fields = RecordIssues.decision(d, settings.targetProject(), url(d.page().pageId()));
            projects = d.projectKeys();
            linkType = Provisioning.DECISION_LINK;
        } else {
            AdvisoryInput i = advisory.find(id).orElseThrow(() -> new IllegalStateException("no input " + id));
            if (DemoRecords.isDemo(i.macroId(), i.number())) {
                return Optional.empty();
            }
            fields = RecordIssues.input(i, settings.targetProject(), url(i.page().pageId()));
            projects = i.projectKeys();
            linkType = Provisioning.INPUT_LINK;
        }
        String label = RecordIssues.label(subject, id);
        Optional<String> known = Optional.ofNullable(entry.getJiraKey()).filter(k -> !k.isBlank())
                .or(() -> jira.search("labels = \"" + label + "\"", 0, 1, List.of("key")).issues().stream()
                        .findFirst().map(JiraIssue::key));
        String key;
        if (known.isPresent()) {
            key = known.get();
            Map<String, Object> update = new java.util.LinkedHashMap<>(fields);
            update.remove("project");
            update.remove("issuetype");
            jira.updateIssue(key, update);
        } else {
            key = jira.createIssue(fields).key();
        }
        Set<String> linked = new HashSet<>(jira.issue(key, List.of("issuelinks")).linkedKeys());
        for (String project : projects) {
            if (!linked.contains(project)) {
                jira.link(linkType, project, key);
            }
        }
        return Optional.of(key);
    }

    private String url(long pageId) {
        return pageId > 0 ? pageUrls.apply(pageId) : null;
    }
}
