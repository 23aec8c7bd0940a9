package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.DBParam;
import net.java.ao.Query;
import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.TableNameConverter;
import net.java.ao.schema.ddl.DDLField;
import net.java.ao.schema.ddl.DDLIndex;
import net.java.ao.schema.ddl.DDLTable;
import net.java.ao.types.TypeManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PostgreSQL for ActiveObjects 0.8.2: the built-in provider, its SQL written as the fork's
 * {@code PostgreSQLDatabaseProvider} writes it ({@link ForkSql}): every identifier quoted, so the
 * tables and columns are created in upper case and an unquoted name in a plugin's SQL (which
 * PostgreSQL folds to lower case) names nothing. The table listing is scoped to the plugin's
 * prefix and schema, and {@code @StringLength(UNLIMITED)} columns are TEXT.
 */
final class PostgresDatabaseProvider extends PostgreSQLDatabaseProvider {
    /** {@code PostgreSQLDatabaseProvider.MAX_SEQUENCE_LENGTH} of the fork. */
    private static final int MAX_SEQUENCE_LENGTH = 64;

    private final String tablePrefix;
    private final String schema;
    private final UnlimitedColumns unlimited;
    private final ForkSql sql;
    private String currentTable;

    PostgresDatabaseProvider(String uri, String user, String password, String tablePrefix, String schema,
                             UnlimitedColumns unlimited, ForkSql sql) {
        super(uri, user, password);
        this.tablePrefix = tablePrefix;
        this.schema = schema;
        this.unlimited = unlimited;
        this.sql = sql;
    }

    @Override
    public ResultSet getTables(Connection conn) throws SQLException {
        // migrate() drops every table it sees that is not an entity: show it only the plugin's own.
        return conn.getMetaData().getTables(null, schema, tablePrefix + "%", new String[]{"TABLE"});
    }

    @Override
    public String renderQuery(Query query, TableNameConverter converter, boolean count) {
        return sql.renderQuery(query, converter, count);
    }

    /**
     * As the fork's {@code insertReturningKey}: the key from the column's sequence
     * ({@code SELECT NEXTVAL('schema."TABLE_ID_seq"')}), then the INSERT with it.
     */
    @Override
    public synchronized <T> T insertReturningKey(Connection conn, Class<T> pkType, String pkField,
                                                 boolean pkIdentity, String table, DBParam... params)
            throws SQLException {
        T back = null;
        for (DBParam param : params) {
            if (param.getField().trim().equalsIgnoreCase(pkField)) {
                @SuppressWarnings("unchecked")
                T given = (T) param.getValue();
                back = given;
            }
        }
        List<DBParam> all = new ArrayList<>(Arrays.asList(params));
        if (back == null) {
            String next = "SELECT NEXTVAL('" + sql.withSchema(sequenceName(pkField, table)) + "')";
            Logger.getLogger("net.java.ao").log(Level.INFO, next);
            try (PreparedStatement stmt = conn.prepareStatement(next); ResultSet res = stmt.executeQuery()) {
                if (res.next()) {
                    back = TypeManager.getInstance().getType(pkType).pullFromDatabase(null, res, pkType, 1);
                }
            }
            all.add(new DBParam(pkField, back));
        }
        DBParam[] values = all.toArray(new DBParam[0]);
        String[] fields = Arrays.stream(values).map(DBParam::getField).toArray(String[]::new);
        executeInsertReturningKey(conn, pkType, pkField, sql.renderInsert(table, pkField, fields), values);
        return back;
    }

    /** The fork's {@code sequenceName}: the name PostgreSQL gives a SERIAL column's sequence. */
    private static String sequenceName(String pkField, String table) {
        String suffix = "_" + pkField + "_seq";
        int over = table.length() + suffix.length() - MAX_SEQUENCE_LENGTH;
        return over > 0 ? table.substring(0, table.length() - over - 1) + suffix : table + suffix;
    }

    @Override
    public void putNull(PreparedStatement statement, int index) throws SQLException {
        // 0.8.2 binds every null as an integer, which PostgreSQL refuses for date and text columns;
        // an untyped null lets the server take the column's type.
        statement.setNull(index, Types.NULL);
    }

    @Override
    protected boolean considerPrecision(DDLField field) {
        return !unlimited.contains(currentTable, field.getName()) && super.considerPrecision(field);
    }

    @Override
    protected String renderFieldType(DDLField field) {
        return unlimited.contains(currentTable, field.getName()) ? "TEXT" : super.renderFieldType(field);
    }

    @Override
    protected String renderField(DDLField field) {
        return sql.renderField(field, super.renderField(field));
    }

    @Override
    protected String renderTable(DDLTable table) {
        currentTable = table.getName();
        return sql.renderTable(table, this::renderField);
    }

    @Override
    protected String renderDropTable(DDLTable table) {
        return sql.renderDropTable(table.getName());
    }

    @Override
    protected String[] renderAlterTableAddColumn(DDLTable table, DDLField field) {
        currentTable = table.getName();
        return new String[]{sql.renderAddColumn(table.getName(), renderField(field))};
    }

    @Override
    protected String[] renderAlterTableDropColumn(DDLTable table, DDLField field) {
        return new String[]{sql.renderDropColumn(table.getName(), field.getName())};
    }

    /** 0.8.2's PostgreSQL column change (type, default, NOT NULL), with the names quoted. */
    @Override
    protected String[] renderAlterTableChangeColumn(DDLTable table, DDLField oldField, DDLField field) {
        if (unlimited.contains(table.getName(), field.getName())) {
            return new String[0];
        }
        currentTable = table.getName();
        String alter = "ALTER TABLE " + sql.withSchema(table.getName()) + " ALTER COLUMN " + sql.processID(field.getName());
        List<String> back = new ArrayList<>();
        if (!field.getType().equals(oldField.getType())) {
            back.add(alter + " TYPE " + renderFieldType(field) + renderFieldPrecision(field));
        }
        if (field.getDefaultValue() == null && oldField.getDefaultValue() != null) {
            back.add(alter + " DROP DEFAULT");
        } else if (field.getDefaultValue() != null && !field.getDefaultValue().equals(oldField.getDefaultValue())) {
            back.add(alter + " SET DEFAULT " + renderValue(field.getDefaultValue()));
        }
        if (field.isNotNull() != oldField.isNotNull()) {
            back.add(alter + (field.isNotNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        return back.toArray(new String[0]);
    }

    @Override
    protected String renderCreateIndex(DDLIndex index) {
        return sql.renderCreateIndex(index.getName(), index.getTable(), List.of(index.getField()), false);
    }

    @Override
    protected String renderDropIndex(DDLIndex index) {
        return sql.renderDropIndex(index.getName());
    }
}
