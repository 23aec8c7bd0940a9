package de.digitalstrategie.cockpit.jira.outbox;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RecordListener;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/**
 * The queue of records waiting for Jira, in the plugin's database: a record is queued in the
 * transaction that records or changes it, so a Jira outage can delay it but never lose it.
 */
public class Outbox implements RecordListener {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Demo data: kept in the plugin, never sent ({@link de.digitalstrategie.cockpit.minutes.DemoRecords}). */
    public static final String DEMO = "DEMO";
    /**
     * Its minutes page is restricted: not sent while it is ({@link OutboxDelivery}), looked at again
     * every {@link #HELD_RECHECK} and whenever the record changes.
     */
    public static final String HELD = "HELD";
    static final Duration HELD_RECHECK = Duration.ofMinutes(10);
    /** Retries back off from a minute to at most an hour: Jira outages last minutes, not days. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActiveObjects ao;
    private final Clock clock;

    public Outbox(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    @Override
    public void changed(RecordKind kind, long id) {
        ao.executeInTransaction(() -> {
            OutboxEntity[] found = ao.find(OutboxEntity.class, OutboxEntity.RECORD_TYPE + " = ? AND "
                    + OutboxEntity.RECORD_ID + " = ?", kind.name(), id);
            OutboxEntity e = found.length > 0 ? found[0] : ao.create(OutboxEntity.class,
                    new DBParam(OutboxEntity.RECORD_TYPE, kind.name()),
                    new DBParam(OutboxEntity.RECORD_ID, id),
                    new DBParam(OutboxEntity.STATE, PENDING),
                    new DBParam("ATTEMPTS", 0));
            e.setState(PENDING);
            if (e.getAttempts() == 0) {
                e.setNextAttempt(Date.from(clock.instant()));
            }
            e.save();
            return null;
        });
    }

    /** The entries whose next attempt is due, held ones to be looked at again among them, oldest first. */
    List<OutboxEntity> due(int limit) {
        return Arrays.asList(ao.find(OutboxEntity.class, Query.select()
                .where(OutboxEntity.STATE + " IN (?,?) AND " + OutboxEntity.NEXT_ATTEMPT + " <= ?", PENDING, HELD,
                        Date.from(clock.instant()))
                .order(OutboxEntity.NEXT_ATTEMPT + ", ID").limit(limit)));
    }

    void delivered(OutboxEntity e, String jiraKey, String jiraId) {
        e.setState(DELIVERED);
        e.setJiraKey(jiraKey);
        e.setJiraId(jiraId);
        e.setAttempts(0);
        e.setLastError("");
        e.setDeliveredAt(Date.from(clock.instant()));
        e.save();
    }

    /**
     * The secret part of the label of the record's issue ({@link OutboxEntity#getIssueRef}), made
     * and stored on first use: stored before Jira is asked to create anything with it, so a retry
     * always looks for the label an earlier attempt may have used.
     */
    String issueRef(OutboxEntity e) {
        if (e.getIssueRef() == null || e.getIssueRef().isBlank()) {
            byte[] secret = new byte[16];
            RANDOM.nextBytes(secret);
            e.setIssueRef(HexFormat.of().formatHex(secret));
            e.save();
        }
        return e.getIssueRef();
    }

    /**
     * Notes the issue Jira just created for the record, before anything else is asked of Jira:
     * from now on a retry updates this issue and looks for none.
     */
    void created(OutboxEntity e, String jiraKey, String jiraId) {
        e.setJiraKey(jiraKey);
        e.setJiraId(jiraId);
        e.save();
    }

    /** The record whose issue Jira knows by this id, the one the outbox made for it. */
    Optional<Long> recordOfIssue(RecordKind kind, String jiraId) {
        OutboxEntity[] found = ao.find(OutboxEntity.class, Query.select().where(OutboxEntity.RECORD_TYPE + " = ? AND "
                + OutboxEntity.JIRA_ID + " = ?", kind.name(), jiraId).limit(1));
        return found.length == 0 ? Optional.empty() : Optional.of(found[0].getRecordId());
    }

    /** The entries delivered before issue ids were kept: a key, no id yet. */
    List<OutboxEntity> withoutIssueId(RecordKind kind) {
        return Arrays.asList(ao.find(OutboxEntity.class, Query.select().where(OutboxEntity.RECORD_TYPE + " = ? AND "
                + OutboxEntity.JIRA_ID + " IS NULL AND " + OutboxEntity.JIRA_KEY + " IS NOT NULL", kind.name())
                .order("ID")));
    }

    void issueIdentified(OutboxEntity e, String jiraId) {
        e.setJiraId(jiraId);
        e.save();
    }

    /** The record is demo data: it stays out of Jira, and out of the due entries, until it changes again. */
    void keptBack(OutboxEntity e) {
        e.setState(DEMO);
        e.setAttempts(0);
        e.setLastError("");
        e.save();
    }

    /**
     * The record lies on a restricted minutes page: it stays out of Jira until the page is open to
     * all who may read its space (looked at again in {@link #HELD_RECHECK}) or the record changes.
     */
    void held(OutboxEntity e) {
        e.setState(HELD);
        e.setAttempts(0);
        e.setLastError("");
        e.setNextAttempt(Date.from(clock.instant().plus(HELD_RECHECK)));
        e.save();
    }

    /** How many records of this kind were kept back as demo data. */
    int countKeptBack(RecordKind kind) {
        return ao.count(OutboxEntity.class, OutboxEntity.STATE + " = ? AND " + OutboxEntity.RECORD_TYPE + " = ?", DEMO,
                kind.name());
    }

    void failed(OutboxEntity e, String error) {
        int attempts = e.getAttempts() + 1;
        long factor = 1L << Math.min(attempts - 1, 10);
        Duration wait = FIRST_RETRY.multipliedBy(factor);
        e.setAttempts(attempts);
        e.setNextAttempt(Date.from(clock.instant().plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait)));
        e.setLastError(error);
        e.save();
    }

    /** Every entry not yet delivered, held ones included, for the admin page: none is ever dropped. */
    public List<OutboxEntry> pending() {
        return Arrays.stream(ao.find(OutboxEntity.class, Query.select()
                        .where(OutboxEntity.STATE + " IN (?,?)", PENDING, HELD).order("ID")))
                .map(Outbox::entry).toList();
    }

    public List<OutboxEntry> all() {
        return Arrays.stream(ao.find(OutboxEntity.class, Query.select().order("ID"))).map(Outbox::entry).toList();
    }

    /** The entries waiting for delivery; held ones are not among them ({@link #countHeld}). */
    public int countPending() {
        return ao.count(OutboxEntity.class, OutboxEntity.STATE + " = ?", PENDING);
    }

    /** The entries held back because their minutes page is restricted. */
    public int countHeld() {
        return ao.count(OutboxEntity.class, OutboxEntity.STATE + " = ?", HELD);
    }

    private static OutboxEntry entry(OutboxEntity e) {
        Instant next = toInstant(e.getNextAttempt());
        return new OutboxEntry(RecordKind.valueOf(e.getRecordType()), e.getRecordId(), DELIVERED.equals(e.getState()),
                HELD.equals(e.getState()), e.getAttempts(), next, e.getJiraKey() == null ? "" : e.getJiraKey(),
                e.getLastError() == null ? "" : e.getLastError());
    }
}
