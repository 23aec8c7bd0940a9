package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.Common;
import net.java.ao.DatabaseProvider;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.schema.FieldNameConverter;
import net.java.ao.schema.TableNameConverter;
import net.java.ao.types.DatabaseType;
import net.java.ao.types.TypeManager;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ActiveObjects.stream} on ActiveObjects 0.8.2, which has no such read: one plain JDBC walk
 * over a forward-only result set, each row handed out as a slim read-only entity (the row's values
 * in an array behind a proxy) and forgotten. Unlike {@code find}, nothing is cached, no entity
 * proxy with its value cache is made per row, and the rows are fetched in batches (on PostgreSQL
 * inside a transaction, as its driver streams only there), so memory stays flat however many rows
 * the query selects.
 *
 * <p>As in Atlassian's AO ({@code ReadOnlyEntityProxy}): getters only; setters and {@code save()}
 * throw; other methods do nothing. Stricter than AO, which answers {@code null} or 0: a getter of a
 * column the query did not select throws, so a store that forgets a column fails its tests rather
 * than summing zeroes.
 */
final class EntityStream {
    /** Rows per round trip: enough to make the trips cheap (a few hundred KB a batch), few enough to keep memory flat. */
    static final int FETCH_SIZE = 5000;

    private final DatabaseProvider provider;
    private final TableNameConverter tables;
    private final FieldNameConverter fields;
    private final Map<Class<?>, Shape<?>> shapes = new ConcurrentHashMap<>();
    /** The database type of each parameter class, as 0.8.2's TypeManager maps it. */
    private final Map<Class<?>, DatabaseType<?>> types = new ConcurrentHashMap<>();

    /** Where ActiveObjects 0.8.2 logs every statement it sends: these are logged alike. */
    private static final java.util.logging.Logger SQL_LOG = java.util.logging.Logger.getLogger("net.java.ao");

    EntityStream(DatabaseProvider provider, TableNameConverter tables, FieldNameConverter fields) {
        this.provider = provider;
        this.tables = tables;
        this.fields = fields;
    }

    <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> callback)
            throws SQLException {
        if (!query.getJoins().isEmpty()) {
            throw new UnsupportedOperationException("stream does not join: " + query.getJoins().keySet());
        }
        @SuppressWarnings("unchecked")
        Shape<T> shape = (Shape<T>) shapes.computeIfAbsent(type, t -> new Shape<>(type, fields));
        String sql = provider.renderQuery(select(type, query, shape), tables, false);
        SQL_LOG.info(sql);
        Connection connection = provider.getConnection();
        // PostgreSQL's driver fetches in batches only inside a transaction; otherwise it reads the
        // whole result into memory first. A result that fits in one batch (a page) needs none.
        boolean batched = connection.getAutoCommit() && (query.getLimit() < 0 || query.getLimit() > FETCH_SIZE);
        try {
            if (batched) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                bind(statement, query.getWhereParams());
                try (ResultSet result = statement.executeQuery()) {
                    ResultSet rows = driverOwn(result);
                    Layout<T> layout = shape.layout(rows.getMetaData(), ZoneId.systemDefault());
                    while (rows.next()) {
                        Object[] values = new Object[layout.width];
                        for (int i = 0; i < values.length; i++) {
                            // Timestamps as LocalDateTime: the driver's java.sql.Timestamp goes through a
                            // Calendar per value, the costliest part of reading a row.
                            values[i] = layout.timestamp[i] ? rows.getObject(i + 1, LocalDateTime.class)
                                    : rows.getObject(i + 1);
                        }
                        callback.onRowRead(layout.entity(values));
                    }
                }
            }
        } finally {
            if (batched) {
                // Nothing was written: ending the read-only transaction either way is the same.
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.close();
        }
    }

    /**
     * The driver's own result set behind the connection pool's wrapper: commons-dbcp 1.2 predates
     * JDBC 4.1's {@code getObject(int, Class)}, and each of its calls adds a layer per value.
     * Closing the wrapper closes it.
     */
    private static ResultSet driverOwn(ResultSet rows) {
        return rows instanceof org.apache.commons.dbcp.DelegatingResultSet pooled && pooled.getInnermostDelegate() != null
                ? pooled.getInnermostDelegate() : rows;
    }

    /**
     * The query as asked: "*" reads every column of the entity, {@code Query.select()} only the
     * primary key, and named fields exactly those, as in AO (whose streamed entities hold exactly
     * what was selected, and whose {@code select} adds no primary key: a query that sums per group
     * has none to read).
     */
    private static <T extends RawEntity<?>> Query select(Class<T> type, Query query, Shape<T> shape) {
        List<String> columns = new ArrayList<>(Arrays.asList(query.getFields()));
        if (columns.contains("*")) {
            columns = shape.columns;
        } else if (columns.isEmpty()) {
            columns.add(shape.primaryKey);
        }
        Query select = Query.select(String.join(", ", columns));
        if (query.isDistinct()) {
            select.distinct();
        }
        if (query.getTable() != null) {
            select.from(query.getTable());
        } else {
            select.setTableType(query.getTableType() != null ? query.getTableType() : type);
        }
        if (query.getWhereClause() != null) {
            select.where(query.getWhereClause(), query.getWhereParams());
        }
        if (query.getGroupClause() != null) {
            select.group(query.getGroupClause());
        }
        if (query.getOrderClause() != null) {
            select.order(query.getOrderClause());
        }
        if (query.getLimit() >= 0) {
            select.limit(query.getLimit());
        }
        if (query.getOffset() >= 0) {
            select.offset(query.getOffset());
        }
        return select;
    }

    /**
     * {@code count} as ActiveObjects 0.8.2 renders it ({@code SELECT COUNT(*) FROM ... WHERE ...}),
     * with the parameters bound as {@link #bind} does.
     */
    int count(Class<? extends RawEntity<?>> type, Query query) throws SQLException {
        Query count = Query.select();
        if (query.getTable() != null) {
            count.from(query.getTable());
        } else {
            count.setTableType(query.getTableType() != null ? query.getTableType() : type);
        }
        if (query.getWhereClause() != null) {
            count.where(query.getWhereClause(), query.getWhereParams());
        }
        if (!query.getJoins().isEmpty()) {
            throw new UnsupportedOperationException("count does not join: " + query.getJoins().keySet());
        }
        String sql = provider.renderQuery(count, tables, true);
        SQL_LOG.info(sql);
        Connection connection = provider.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, count.getWhereParams());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getInt(1) : -1;
            }
        } finally {
            connection.close();
        }
    }

    /**
     * Binds the parameters as ActiveObjects 0.8.2's {@code Query.setParameters} does, by the type
     * its TypeManager gives each value's class, but asks the TypeManager once per class: it takes a
     * lock and throws and catches an exception to answer (a ClassCastException inside its entity
     * check), which for a register's thousand page ids cost more than the query.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        if (parameters == null) {
            return;
        }
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                provider.putNull(statement, i + 1);
            } else {
                Class<?> javaType = p instanceof RawEntity<?> entity ? entity.getEntityType() : p.getClass();
                ((DatabaseType) types.computeIfAbsent(javaType, t -> TypeManager.getInstance().getType(t)))
                        .putToDatabase(i + 1, statement, p);
            }
        }
    }

    /** What is known of an entity type once: its getters, their columns, its proxy class. */
    private static final class Shape<T extends RawEntity<?>> {
        final Class<T> type;
        final String primaryKey;
        /** Every column a getter reads, for a query of "*". */
        final List<String> columns;
        /** Getter by its column, upper case. */
        final Map<String, List<Method>> getters = new HashMap<>();
        final Constructor<?> proxy;
        private final Map<String, Layout<T>> layouts = new ConcurrentHashMap<>();

        Shape(Class<T> type, FieldNameConverter fields) {
            this.type = type;
            this.primaryKey = Common.getPrimaryKeyField(type, fields);
            Map<String, String> columns = new LinkedHashMap<>();
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() != Object.class && method.getParameterCount() == 0
                        && method.getReturnType() != void.class && Common.isAccessor(method)
                        && method.getAnnotation(net.java.ao.schema.Ignore.class) == null) {
                    String column = fields.getName(method);
                    if (column != null) {
                        String key = column.toUpperCase(Locale.ROOT);
                        columns.putIfAbsent(key, column);
                        getters.computeIfAbsent(key, k -> new ArrayList<>()).add(method);
                    }
                }
            }
            this.columns = List.copyOf(columns.values());
            try {
                // The proxy class's constructor, found once: each row then costs one small object.
                this.proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> null)
                        .getClass().getConstructor(InvocationHandler.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        /** How a result's columns map to the getters; the same for every row of one query. */
        Layout<T> layout(ResultSetMetaData md, ZoneId zone) throws SQLException {
            StringBuilder key = new StringBuilder();
            String[] labels = new String[md.getColumnCount()];
            boolean[] timestamp = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = md.getColumnLabel(i + 1).toUpperCase(Locale.ROOT);
                timestamp[i] = md.getColumnType(i + 1) == Types.TIMESTAMP;
                key.append(labels[i]).append(timestamp[i] ? ":t," : ",");
            }
            key.append(zone.getId());
            return layouts.computeIfAbsent(key.toString(), k -> new Layout<>(this, labels, timestamp, zone));
        }
    }

    /** The slot of each getter in a row's values, or absent where the query did not select its column. */
    private static final class Layout<T extends RawEntity<?>> {
        final Shape<T> shape;
        final int width;
        final boolean[] timestamp;
        /** The JVM's time zone when the query ran: what the driver's getTimestamp would have read in. */
        final ZoneId zone;
        final Map<Method, Integer> slots = new HashMap<>();
        final int primaryKeySlot;
        /**
         * The slots by the very Method objects the proxy passes (the same ones on every call):
         * looked up by identity, without Method.equals comparing parameter types on every getter.
         * Copied on write; -1 for a method that is not a selected column's getter.
         */
        private volatile Map<Method, Integer> byIdentity = new IdentityHashMap<>();

        Layout(Shape<T> shape, String[] labels, boolean[] timestamp, ZoneId zone) {
            this.shape = shape;
            this.width = labels.length;
            this.timestamp = timestamp;
            this.zone = zone;
            int pk = -1;
            for (int i = 0; i < labels.length; i++) {
                List<Method> getters = shape.getters.get(labels[i]);
                if (getters == null) {
                    // AO reads each selected field (or alias) into the entity's field of that name,
                    // and fails on one the entity does not have.
                    throw new IllegalStateException(shape.type.getSimpleName() + " has no column " + labels[i]
                            + " to read a selected value into");
                }
                for (Method getter : getters) {
                    slots.putIfAbsent(getter, i);
                }
                if (labels[i].equalsIgnoreCase(shape.primaryKey)) {
                    pk = i;
                }
            }
            this.primaryKeySlot = pk;
        }

        int slot(Method method) {
            Integer slot = byIdentity.get(method);
            if (slot == null) {
                slot = slots.getOrDefault(method, -1);
                Map<Method, Integer> copy = new IdentityHashMap<>(byIdentity);
                copy.put(method, slot);
                byIdentity = copy;
            }
            return slot;
        }

        @SuppressWarnings("unchecked")
        T entity(Object[] values) {
            try {
                return (T) shape.proxy.newInstance(new Row(this, values));
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One row behind its entity interface. */
    private static final class Row implements InvocationHandler {
        private final Layout<?> layout;
        private final Object[] values;

        Row(Layout<?> layout, Object[] values) {
            this.layout = layout;
            this.values = values;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            int slot = layout.slot(method);
            if (slot >= 0) {
                return convert(values[slot], method.getReturnType(), layout.zone);
            }
            String name = method.getName();
            switch (name) {
                case "hashCode":
                    return layout.shape.type.hashCode() * 31 + java.util.Objects.hashCode(key());
                case "equals":
                    return args[0] instanceof RawEntity<?> other && Proxy.isProxyClass(other.getClass())
                            && Proxy.getInvocationHandler(other) instanceof Row row
                            && row.layout.shape.type == layout.shape.type
                            && java.util.Objects.equals(row.key(), key());
                case "toString":
                    return layout.shape.type.getSimpleName() + "{" + layout.shape.primaryKey + "=" + key()
                            + ", read-only}";
                case "getEntityType":
                    return layout.shape.type;
                case "save":
                    throw new UnsupportedOperationException(layout.shape.type.getSimpleName()
                            + " was streamed: read-only, cannot be saved");
                default:
                    break;
            }
            if (Common.isMutator(method)) {
                throw new UnsupportedOperationException(layout.shape.type.getSimpleName()
                        + " was streamed: read-only, " + name + " is not allowed");
            }
            if (layout.shape.getters.values().stream().anyMatch(g -> g.contains(method))) {
                throw new IllegalStateException(layout.shape.type.getSimpleName() + "." + name
                        + ": its column was not selected by the streaming query");
            }
            // AO ignores everything else on a streamed entity (init, listeners, the entity manager).
            return null;
        }

        private Object key() {
            return layout.primaryKeySlot < 0 ? null : values[layout.primaryKeySlot];
        }

        /**
         * A number as it came (a sum or count per group arrives as NUMERIC or BIGINT): read into an
         * int or long only where it fits, as the JDBC driver's getInt and getLong, which AO reads
         * with, refuse a value out of range rather than cut it.
         */
        private static long exactLong(Number value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return value.longValue();
            }
            return (value instanceof java.math.BigDecimal d ? d : value instanceof java.math.BigInteger i
                    ? new java.math.BigDecimal(i) : new java.math.BigDecimal(value.toString())).longValueExact();
        }

        private static Object convert(Object value, Class<?> type, ZoneId zone) {
            if (type == String.class) {
                return value == null ? null : value.toString();
            }
            // NULL: a primitive getter reads its zero, a boxed one null, as AO reads them. Each branch
            // returns on its own: a conditional mixing a boxed null with a primitive would unbox it.
            if (value == null && (type == long.class || type == int.class || type == boolean.class
                    || type == double.class)) {
                return type == long.class ? (Object) 0L : type == int.class ? (Object) 0
                        : type == boolean.class ? (Object) false : (Object) 0.0;
            }
            if (value == null && (type == Long.class || type == Integer.class || type == Boolean.class
                    || type == Double.class)) {
                return null;
            }
            if (type == long.class || type == Long.class) {
                return exactLong((Number) value);
            }
            if (type == int.class || type == Integer.class) {
                return Math.toIntExact(exactLong((Number) value));
            }
            if (type == boolean.class || type == Boolean.class) {
                return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
            }
            if (type == double.class || type == Double.class) {
                return ((Number) value).doubleValue();
            }
            if (type == Date.class) {
                if (value instanceof LocalDateTime local) {
                    // As the driver's getTimestamp reads a TIMESTAMP: in the JVM's time zone.
                    return Date.from(local.atZone(zone).toInstant());
                }
                return value == null ? null : new Date(((Date) value).getTime());
            }
            if (value == null || type.isInstance(value)) {
                return value;
            }
            throw new IllegalStateException("cannot stream a value of " + value.getClass().getName() + " as "
                    + type.getName());
        }
    }
}
