package de.digitalstrategie.cockpit.oparl;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.oparl.OParlLedger.Known;
import de.digitalstrategie.cockpit.oparl.OParlLedger.Write;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Item;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Person;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Place;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Seat;
import de.digitalstrategie.cockpit.oparl.PublicRecords.Snapshot;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link OParlLedger} true to the registers: reads what is public ({@link PublicRecords}),
 * writes every object as OParl shows it, and compares with what was published. A new object gets
 * {@code created} and {@code modified} now; one that shows anything different (an embedded agenda
 * item or membership changed, added or removed included) gets {@code modified} now; a main object
 * that is no longer public becomes a tombstone with {@code modified} now. Only objects that were
 * published can become tombstones, so nothing that was never public ever appears.
 *
 * <p>Runs on the host's scheduler, once per cluster every minute, and once on each node at start;
 * never on a request, as it reads the whole public part of the registers.
 */
public final class OParlPublisher implements JobRunner {
    private static final Logger LOG = Logger.getLogger(OParlPublisher.class.getName());
    static final JobRunnerKey RUNNER = JobRunnerKey.of("de.digitalstrategie.cockpit.oparl-publish");
    static final JobId CLUSTER_JOB = JobId.of("de.digitalstrategie.cockpit.oparl-publish");
    static final JobId START_JOB = JobId.of("de.digitalstrategie.cockpit.oparl-publish-start");
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final String LOCK = "de.digitalstrategie.cockpit.oparl-publish";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** The languages objects are published in; a request in any other language reads German. */
    static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final OParlLedger ledger;
    private final CommitteeStore committee;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final PageAccess pages;
    private final PageLinks pageLinks;
    private final OParlSettings settings;
    private final I18nResolver i18n;
    private final SchedulerService scheduler;
    private final ClusterLocks locks;
    private final Clock clock;

    public OParlPublisher(OParlLedger ledger, CommitteeStore committee, DecisionStore decisions, AdvisoryStore advisory,
                          PageAccess pages, PageLinks pageLinks, PluginSettingsFactory settings, I18nResolver i18n,
                          SchedulerService scheduler, ClusterLocks locks, Clock clock) {
        this.ledger = ledger;
        this.committee = committee;
        this.decisions = decisions;
        this.advisory = advisory;
        this.pages = pages;
        this.pageLinks = pageLinks;
        this.settings = new OParlSettings(settings);
        this.i18n = i18n;
        this.scheduler = scheduler;
        this.locks = locks;
        this.clock = clock;
    }

    /** Plugin start (Spring init-method): the cluster's schedule, and a first run on this node now. */
    public void register() throws SchedulerServiceException {
        scheduler.registerJobRunner(RUNNER, this);
        scheduler.scheduleJob(CLUSTER_JOB, JobConfig.forJobRunnerKey(RUNNER)
                .withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(INTERVAL.toMillis(), Date.from(clock.instant().plus(INTERVAL)))));
        scheduler.scheduleJob(START_JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_LOCALLY)
                .withSchedule(Schedule.runOnce(null)));
    }

    /** Plugin stop (Spring destroy-method); the cluster's schedule stays for the other nodes. */
    public void unregister() {
        scheduler.unscheduleJob(START_JOB);
        scheduler.unregisterJobRunner(RUNNER);
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        try {
            int changed = publish();
            return changed < 0 ? JobRunnerResponse.success("another node is publishing")
                    : JobRunnerResponse.success(changed + " OParl object(s) changed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OParl objects could not be published; the next run tries again", e);
            return JobRunnerResponse.failed(e);
        }
    }

    /**
     * Brings the ledger up to date, under the cluster's lock (two nodes must not publish the same
     * object twice).
     *
     * @return how many objects changed, or -1 if another node held the lock throughout
     */
    public int publish() {
        return locks.tryRun(LOCK, LOCK_WAIT, this::publishLocked).orElse(-1);
    }

    /** An object to publish: where it lives, and how it is written in a language. */
    private record Draft(String path, String type, String scope, Function<OParlObjects, Object> write) {
    }

    private int publishLocked() {
        Snapshot s = new PublicRecords(committee, decisions, advisory, pages, settings.personIds()).read();
        OParlUrls urls = new OParlUrls(OParlUrls.CANONICAL_BASE);
        Map<Locale, OParlObjects> writers = new HashMap<>();
        for (Locale language : LANGUAGES) {
            writers.put(language, new OParlObjects(urls, settings, pageLinks, new Texts(i18n, language)));
        }
        // Embedded objects first: their times are part of what the objects that embed them show.
        List<Draft> drafts = new ArrayList<>();
        for (Place p : s.places()) {
            drafts.add(new Draft("location/" + p.id(), "Location", "", o -> o.location(p)));
        }
        for (Item i : s.items()) {
            drafts.add(new Draft("agendaItem/" + i.key(), "AgendaItem", "", o -> o.agendaItem(i)));
        }
        for (Person p : s.persons()) {
            for (Seat seat : p.seats()) {
                drafts.add(new Draft("membership/" + seat.body().key() + "/" + p.id(), "Membership", "",
                        o -> o.membership(seat, p.id())));
            }
        }
        for (Meeting m : s.meetings()) {
            drafts.add(new Draft("meeting/" + m.id(), "Meeting", m.bodyKey(), o -> o.meeting(m, s)));
        }
        for (Person p : s.persons()) {
            drafts.add(new Draft("person/" + p.id(), "Person", "", o -> o.person(p)));
        }
        for (Body b : s.bodies()) {
            drafts.add(new Draft("organization/" + b.key(), "Organization", "", o -> o.organization(b, s)));
        }
        drafts.add(new Draft("body/" + OParlUrls.BODY_ID, "Body", "", OParlObjects::body));
        drafts.add(new Draft("system", "System", "", OParlObjects::system));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Known> known = ledger.known();
        Map<Locale, Map<String, JsonNode>> finished = new HashMap<>();
        LANGUAGES.forEach(l -> finished.put(l, new HashMap<>()));
        List<Write> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Draft d : drafts) {
            if (!seen.add(d.path())) {
                continue;
            }
            Map<Locale, ObjectNode> nodes = new HashMap<>();
            StringBuilder shown = new StringBuilder();
            for (Locale language : LANGUAGES) {
                ObjectNode node = JSON.valueToTree(d.write().apply(writers.get(language)));
                embed(node, finished.get(language));
                nodes.put(language, node);
                shown.append(write(node)).append('\n');
            }
            String hash = digest(shown.toString());
            Known k = known.get(d.path());
            Instant created = k == null ? now : k.created();
            boolean changed = k == null || k.deleted() || !hash.equals(k.hash());
            Instant modified = changed ? now : k.modified();
            for (Locale language : LANGUAGES) {
                ObjectNode node = nodes.get(language);
                node.put("created", TIME.format(created.atZone(OParlObjects.BERLIN)));
                node.put("modified", TIME.format(modified.atZone(OParlObjects.BERLIN)));
                finished.get(language).put(node.path("id").asText(), node);
            }
            if (changed) {
                writes.add(new Write(k == null ? null : k.seq(), d.path(), d.type(), d.scope(), created, modified, hash,
                        write(nodes.get(Locale.GERMAN)), write(nodes.get(Locale.ENGLISH))));
            }
        }
        known.forEach((path, k) -> {
            if (!seen.contains(path) && !k.deleted()) {
                writes.add(new Write(k.seq(), path, null, null, k.created(), now, "", null, null));
            }
        });
        ledger.write(writes, known);
        // After the ledger's commit: the interface answers only while this is recent (OParlResource).
        settings.publishedAt(now);
        return writes.size();
    }

    /** Puts the finished copy (with its times) of every object embedded here in its place. */
    private static void embed(ObjectNode node, Map<String, JsonNode> finished) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject() && finished.containsKey(value.path("id").asText())) {
                field.setValue(finished.get(value.path("id").asText()));
            } else if (value.isArray()) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode element = array.get(i);
                    if (element.isObject() && finished.containsKey(element.path("id").asText())) {
                        array.set(i, finished.get(element.path("id").asText()));
                    }
                }
            }
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
