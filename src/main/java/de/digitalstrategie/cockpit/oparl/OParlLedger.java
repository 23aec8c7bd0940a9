package de.digitalstrategie.cockpit.oparl;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the OParl interface has published, in the plugin's database ({@link PublishedObjectEntity}).
 * Requests read only from here, a page at a time, so an answer costs the same however large the
 * registers grow; {@link OParlPublisher} writes it.
 */
public class OParlLedger {
    /**
     * OParl's main objects: once withdrawn they stay as tombstones. The others (agenda items,
     * memberships, places) are removed, and their main object's {@code modified} moves instead.
     */
    static final Set<String> MAIN_TYPES = Set.of("System", "Body", "Organization", "Person", "Meeting", "Paper",
            "File");
    private static final String ROW = "ID, OPARL_ID, OBJECT_TYPE, SCOPE, CREATED, MODIFIED, DELETED";

    private final ActiveObjects ao;

    public OParlLedger(ActiveObjects ao) {
        this.ao = ao;
    }

    /** One published object; {@code json} null for a tombstone (and when not asked for). */
    record Published(long seq, String path, String type, String scope, Instant created, Instant modified,
                     boolean deleted, String json) {
    }

    /** The four filters of OParl's external lists; each null when not given. */
    record Filters(Instant createdSince, Instant createdUntil, Instant modifiedSince, Instant modifiedUntil) {
        static final Filters NONE = new Filters(null, null, null, null);
    }

    /** What a client may see at a path: a live object, or a main object's tombstone. */
    Optional<Published> find(String path, boolean english) {
        PublishedObjectEntity[] found = ao.find(PublishedObjectEntity.class, Query.select(ROW + ", " + column(english))
                .where(PublishedObjectEntity.OPARL_ID + " = ?", path));
        return Arrays.stream(found).map(e -> published(e, english)).filter(OParlLedger::visible).findFirst();
    }

    /** How many a list holds: the objects of a type (in a scope), tombstones of main objects included. */
    int count(String type, String scope, Filters filters) {
        List<Object> parameters = new ArrayList<>();
        return ao.count(PublishedObjectEntity.class, where(type, scope, filters, parameters), parameters.toArray());
    }

    /** A page of a list, in the order of first publication. */
    List<Published> page(String type, String scope, Filters filters, int offset, int limit, boolean english) {
        List<Object> parameters = new ArrayList<>();
        String where = where(type, scope, filters, parameters);
        return Arrays.stream(ao.find(PublishedObjectEntity.class, Query.select(ROW + ", " + column(english))
                        .where(where, parameters.toArray()).order("ID").offset(offset).limit(limit)))
                .map(e -> published(e, english)).toList();
    }

    private static String where(String type, String scope, Filters f, List<Object> parameters) {
        StringBuilder where = new StringBuilder(PublishedObjectEntity.OBJECT_TYPE + " = ?");
        parameters.add(type);
        if (scope != null) {
            where.append(" AND ").append(PublishedObjectEntity.SCOPE).append(" = ?");
            parameters.add(scope);
        }
        if (!MAIN_TYPES.contains(type)) {
            where.append(" AND ").append(PublishedObjectEntity.DELETED).append(" = ?");
            parameters.add(Boolean.FALSE);
        }
        bound(where, parameters, PublishedObjectEntity.CREATED + " >= ?", f.createdSince());
        bound(where, parameters, PublishedObjectEntity.CREATED + " <= ?", f.createdUntil());
        bound(where, parameters, PublishedObjectEntity.MODIFIED + " >= ?", f.modifiedSince());
        bound(where, parameters, PublishedObjectEntity.MODIFIED + " <= ?", f.modifiedUntil());
        return where.toString();
    }

    private static void bound(StringBuilder where, List<Object> parameters, String condition, Instant value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.add(Date.from(value));
        }
    }

    private static boolean visible(Published p) {
        return !p.deleted() || MAIN_TYPES.contains(p.type());
    }

    private static String column(boolean english) {
        return english ? PublishedObjectEntity.JSON_EN : PublishedObjectEntity.JSON_DE;
    }

    private static Published published(PublishedObjectEntity e, boolean english) {
        return new Published(e.getID(), e.getOparlId(), e.getObjectType(), e.getScope(), e.getCreated().toInstant(),
                e.getModified().toInstant(), e.isDeleted(), english ? e.getJsonEn() : e.getJsonDe());
    }

    // ---------------------------------------------------------------- for the publisher

    /** What the publisher compares against: every row, without the JSON. */
    record Known(long seq, String hash, Instant created, Instant modified, boolean deleted) {
    }

    Map<String, Known> known() {
        Map<String, Known> known = new HashMap<>();
        for (PublishedObjectEntity e : ao.find(PublishedObjectEntity.class,
                Query.select("ID, OPARL_ID, HASH, CREATED, MODIFIED, DELETED"))) {
            known.put(e.getOparlId(), new Known(e.getID(), e.getHash(), e.getCreated().toInstant(),
                    e.getModified().toInstant(), e.isDeleted()));
        }
        return known;
    }

    /** A change the publisher writes: a new or changed object (json set) or a tombstone (json null). */
    record Write(Long seq, String path, String type, String scope, Instant created, Instant modified, String hash,
                 String jsonDe, String jsonEn) {
    }

    /** All of a run's changes together, or none. */
    void write(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        ao.executeInTransaction(() -> {
            for (Write w : writes) {
                PublishedObjectEntity e = w.seq() == null
                        ? ao.create(PublishedObjectEntity.class,
                        new DBParam(PublishedObjectEntity.OPARL_ID, w.path()),
                        new DBParam(PublishedObjectEntity.OBJECT_TYPE, w.type()),
                        new DBParam(PublishedObjectEntity.CREATED, Date.from(w.created())),
                        new DBParam(PublishedObjectEntity.MODIFIED, Date.from(w.modified())))
                        : ao.get(PublishedObjectEntity.class, w.seq().intValue());
                if (w.scope() != null) {
                    // A tombstone keeps its place in the lists it was in.
                    e.setScope(w.scope());
                }
                e.setModified(Date.from(w.modified()));
                e.setDeleted(w.jsonDe() == null);
                e.setHash(w.hash());
                e.setJsonDe(w.jsonDe());
                e.setJsonEn(w.jsonEn());
                e.save();
            }
            return null;
        });
    }
}
