package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.DatabaseProvider;
import net.java.ao.PoolProvider;
import org.apache.commons.dbcp.BasicDataSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A connection pool (commons-dbcp, as 0.8.2's own pool provider) whose connections write the few
 * statements ActiveObjects 0.8.2 builds by hand, outside its provider, the way the fork builds
 * them: with each identifier through {@code processID} and the table through {@code withSchema}.
 * These are an entity's lazy getter ({@code EntityProxy}), its {@code save()} and
 * {@code EntityManager.delete}; the ORM fills in only names it derived itself, never a fragment
 * of the plugin. Every other statement (queries, counts, inserts, DDL, deleteWithSQL) is already
 * rendered by {@link ForkSql} and passes unchanged: the shapes below match only unqualified,
 * unquoted table names, which the fork's rendering never produces.
 */
final class ForkPoolProvider extends PoolProvider {
    // EntityProxy.invokeGetter: "SELECT " + name [+ "," + polyName] + " FROM " + table + " WHERE " + pk + " = ?"
    private static final Pattern GETTER = Pattern.compile("SELECT (\\w+)(?:,(\\w+))? FROM (\\w+) WHERE (\\w+) = \\?");
    // EntityProxy.save: "UPDATE " + table + " SET " + (field + " = ?," | field + " = NULL,")... + " WHERE " + pk + " = ?"
    private static final Pattern SAVE = Pattern.compile("UPDATE (\\w+) SET ((?:\\w+ = (?:\\?|NULL),)*\\w+ = (?:\\?|NULL)) "
            + "WHERE (\\w+) = \\?");
    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+) = (\\?|NULL)");
    // EntityManager.delete: "DELETE FROM " + table + " WHERE " + pk + " IN (?" + ",?"... + ")"
    private static final Pattern DELETE = Pattern.compile("DELETE FROM (\\w+) WHERE (\\w+) IN (\\(\\?(?:,\\?)*\\))");

    private final ForkSql sql;
    private final String tablePrefix;
    private BasicDataSource ds = new BasicDataSource();

    ForkPoolProvider(DatabaseProvider delegate, ForkSql sql, String tablePrefix) {
        super(delegate);
        this.sql = sql;
        this.tablePrefix = tablePrefix;
        try {
            ds.setDriverClassName(delegate.getDriverClass().getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JDBC driver missing", e);
        }
        ds.setUsername(getUsername());
        ds.setPassword(getPassword());
        ds.setUrl(getURI());
        ds.setMaxActive(30);
    }

    @Override
    protected Connection getConnectionImpl() throws SQLException {
        Connection pooled = ds.getConnection();
        return (Connection) Proxy.newProxyInstance(ForkPoolProvider.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new Rewriting(pooled));
    }

    @Override
    public void dispose() {
        try {
            ds.close();
        } catch (SQLException e) {
            // closing a pool that failed to open: nothing left to release
        }
        super.dispose();
    }

    /** The statement as the fork would have written it, or as it came when it is not one of 0.8.2's own. */
    String rewrite(String statement) {
        Matcher m = GETTER.matcher(statement);
        if (m.matches() && ours(m.group(3))) {
            return "SELECT " + sql.processID(m.group(1)) + (m.group(2) == null ? "" : "," + sql.processID(m.group(2)))
                    + " FROM " + sql.withSchema(m.group(3)) + " WHERE " + sql.processID(m.group(4)) + " = ?";
        }
        m = SAVE.matcher(statement);
        if (m.matches() && ours(m.group(1))) {
            String assignments = Arrays.stream(m.group(2).split(",")).map(a -> {
                Matcher each = ASSIGNMENT.matcher(a);
                if (!each.matches()) {
                    throw new IllegalStateException(a);
                }
                // 0.8.2's value cache keeps its dirty fields in lower case; every column is upper case.
                return sql.processID(each.group(1).toUpperCase(java.util.Locale.ROOT)) + " = " + each.group(2);
            }).collect(Collectors.joining(","));
            return "UPDATE " + sql.withSchema(m.group(1)) + " SET " + assignments + " WHERE "
                    + sql.processID(m.group(3)) + " = ?";
        }
        m = DELETE.matcher(statement);
        if (m.matches() && ours(m.group(1))) {
            return "DELETE FROM " + sql.withSchema(m.group(1)) + " WHERE " + sql.processID(m.group(2)) + " IN "
                    + m.group(3);
        }
        return statement;
    }

    private boolean ours(String table) {
        return table.startsWith(tablePrefix);
    }

    /** Hands every call to the pooled connection, the SQL of prepareStatement through {@link #rewrite}. */
    private final class Rewriting implements InvocationHandler {
        private final Connection delegate;

        Rewriting(Connection delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String statement) {
                args = args.clone();
                args[0] = rewrite(statement);
            }
            Object result = invokeOn(delegate, method, args);
            if (method.getName().equals("getMetaData") && result instanceof DatabaseMetaData md && sql.schema() != null) {
                return Proxy.newProxyInstance(ForkPoolProvider.class.getClassLoader(),
                        new Class<?>[]{DatabaseMetaData.class}, new InSchema(md));
            }
            return result;
        }
    }

    /**
     * 0.8.2's schema reader asks for a table's columns, keys and indexes in every schema (schema
     * null): where another schema holds a table of the same name (another Confluence, a test
     * next door) it mixes their columns in. The fork asks in its own schema; so do these.
     */
    private final class InSchema implements InvocationHandler {
        private static final java.util.Set<String> BY_TABLE = java.util.Set.of("getColumns", "getPrimaryKeys",
                "getImportedKeys", "getIndexInfo");
        private final DatabaseMetaData delegate;

        InSchema(DatabaseMetaData delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (BY_TABLE.contains(method.getName()) && args != null && args.length >= 3 && args[1] == null) {
                args = args.clone();
                args[1] = sql.schema();
            }
            return invokeOn(delegate, method, args);
        }
    }

    private static Object invokeOn(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
