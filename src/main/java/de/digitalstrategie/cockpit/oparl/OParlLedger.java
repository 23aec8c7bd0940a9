package de.digitalstrategie.cockpit.oparl;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
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

    /**
     * How many a list holds: the objects of a type (in a scope), tombstones of main objects
     * included. Unfiltered, the list's last position (one row, by index); filtered, a count of
     * the matching rows.
     */
    int count(String type, String scope, Filters filters) {
        List<Object> parameters = new ArrayList<>();
        if (filters.equals(Filters.NONE)) {
            String position = positionColumn(scope);
            String where = list(type, scope, parameters) + " AND " + position + " > ?";
            parameters.add(0);
            PublishedObjectEntity[] last = ao.find(PublishedObjectEntity.class, Query.select("ID, " + position)
                    .where(where, parameters.toArray()).order(position + " DESC").limit(1));
            return last.length == 0 ? 0 : position(last[0], scope);
        }
        return ao.count(PublishedObjectEntity.class, where(type, scope, filters, parameters), parameters.toArray());
    }

    /**
     * A page of a list, in the order of first publication. Unfiltered, the range of positions the
     * page covers (keyset: no rows skipped over); filtered, by offset among the matching rows.
     */
    List<Published> page(String type, String scope, Filters filters, int offset, int limit, boolean english) {
        List<Object> parameters = new ArrayList<>();
        Query query;
        if (filters.equals(Filters.NONE)) {
            String position = positionColumn(scope);
            String where = list(type, scope, parameters) + " AND " + position + " >= ? AND " + position + " <= ?";
            parameters.add(offset + 1);
            parameters.add((int) Math.min(Integer.MAX_VALUE, (long) offset + limit));
            query = Query.select(ROW + ", " + column(english)).where(where, parameters.toArray()).order(position);
        } else {
            query = Query.select(ROW + ", " + column(english))
                    .where(where(type, scope, filters, parameters), parameters.toArray()).order("ID").offset(offset)
                    .limit(limit);
        }
        return Arrays.stream(ao.find(PublishedObjectEntity.class, query)).map(e -> published(e, english)).toList();
    }

    /** The list's own condition, without its filters: its type, and its scope if it has one. */
    private static String list(String type, String scope, List<Object> parameters) {
        parameters.add(type);
        if (scope == null) {
            return PublishedObjectEntity.OBJECT_TYPE + " = ?";
        }
        parameters.add(scope);
        return PublishedObjectEntity.OBJECT_TYPE + " = ? AND " + PublishedObjectEntity.SCOPE + " = ?";
    }

    private static String positionColumn(String scope) {
        return scope == null ? PublishedObjectEntity.LIST_POSITION : PublishedObjectEntity.SCOPE_POSITION;
    }

    private static int position(PublishedObjectEntity e, String scope) {
        return scope == null ? e.getListPosition() : e.getScopePosition();
    }

    /** A filtered list's condition: the list's, without the objects that left it, and the filters. */
    private static String where(String type, String scope, Filters f, List<Object> parameters) {
        StringBuilder where = new StringBuilder(list(type, scope, parameters));
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

    /**
     * What the publisher compares against: every row, without the JSON. Positions read 0 where
     * none was written yet, so an object in a list is numbered on the next run.
     */
    record Known(long seq, String type, String scope, String hash, Instant created, Instant modified,
                 boolean deleted, int position, int scopePosition) {
    }

    Map<String, Known> known() {
        Map<String, Known> known = new HashMap<>();
        ao.stream(PublishedObjectEntity.class, Query.select("ID, OPARL_ID, OBJECT_TYPE, SCOPE, HASH, CREATED, "
                + "MODIFIED, DELETED, " + PublishedObjectEntity.LIST_POSITION + ", "
                + PublishedObjectEntity.SCOPE_POSITION), e -> known.put(e.getOparlId(),
                new Known(e.getID(), e.getObjectType(), e.getScope() == null ? "" : e.getScope(), e.getHash(),
                        e.getCreated().toInstant(), e.getModified().toInstant(), e.isDeleted(),
                        e.getListPosition(), e.getScopePosition())));
        return known;
    }

    /** A change the publisher writes: a new or changed object (json set) or a tombstone (json null). */
    record Write(Long seq, String path, String type, String scope, Instant created, Instant modified, String hash,
                 String jsonDe, String jsonEn) {
    }

    /** Where an object stands in its lists after a run. */
    private record Positions(int list, int scope) {
    }

    /**
     * All of a run's changes together, or none, and every list numbered afresh in the same
     * transaction: a reader sees the positions of the objects it sees.
     *
     * @param known the ledger as it was before the run ({@link #known})
     */
    void write(List<Write> writes, Map<String, Known> known) {
        Map<String, Positions> positions = number(writes, known);
        List<Map.Entry<String, Positions>> moved = new ArrayList<>();
        Set<String> written = new HashSet<>();
        writes.forEach(w -> written.add(w.path()));
        known.forEach((path, k) -> {
            Positions p = positions.get(path);
            if (!written.contains(path) && (p.list() != k.position() || p.scope() != k.scopePosition())) {
                moved.add(Map.entry(path, p));
            }
        });
        if (writes.isEmpty() && moved.isEmpty()) {
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
                place(e, positions.get(w.path()));
                e.save();
            }
            for (Map.Entry<String, Positions> m : moved) {
                PublishedObjectEntity e = ao.get(PublishedObjectEntity.class, (int) known.get(m.getKey()).seq());
                place(e, m.getValue());
                e.save();
            }
            return null;
        });
    }

    private static void place(PublishedObjectEntity e, Positions p) {
        e.setListPosition(p.list());
        e.setScopePosition(p.scope());
    }

    /**
     * Every object's positions once the writes are applied: each list in the order of first
     * publication (the rows as they are, then the new ones in the order they are created, which
     * is the order of their ids), from 1 without gaps. A main object stays in its lists for good,
     * as a tombstone; an agenda item, membership or place that is gone takes no position, and the
     * ones after it move up.
     */
    private static Map<String, Positions> number(List<Write> writes, Map<String, Known> known) {
        Map<String, Write> changed = new HashMap<>();
        List<Write> created = new ArrayList<>();
        for (Write w : writes) {
            if (w.seq() == null) {
                created.add(w);
            } else {
                changed.put(w.path(), w);
            }
        }
        Map<String, Integer> last = new HashMap<>();
        Map<String, Positions> positions = new HashMap<>();
        known.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().seq())).forEach(entry -> {
            Known k = entry.getValue();
            Write w = changed.get(entry.getKey());
            String scope = w != null && w.scope() != null ? w.scope() : k.scope();
            boolean deleted = w != null ? w.jsonDe() == null : k.deleted();
            positions.put(entry.getKey(), next(last, k.type(), scope, deleted));
        });
        for (Write w : created) {
            positions.put(w.path(), next(last, w.type(), w.scope() == null ? "" : w.scope(), w.jsonDe() == null));
        }
        return positions;
    }

    private static Positions next(Map<String, Integer> last, String type, String scope, boolean deleted) {
        if (deleted && !MAIN_TYPES.contains(type)) {
            return new Positions(0, 0);
        }
        int list = last.merge(type, 1, Integer::sum);
        int inScope = scope.isEmpty() ? 0 : last.merge(type + "\n" + scope, 1, Integer::sum);
        return new Positions(list, inScope);
    }
}
