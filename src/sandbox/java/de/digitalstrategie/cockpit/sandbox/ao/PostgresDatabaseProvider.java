package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.db.PostgreSQLDatabaseProvider;
import net.java.ao.schema.ddl.DDLField;
import net.java.ao.schema.ddl.DDLTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL for ActiveObjects 0.8.2: the built-in provider, with the table listing scoped to the
 * plugin's prefix and schema, and {@code @StringLength(UNLIMITED)} columns as TEXT.
 */
final class PostgresDatabaseProvider extends PostgreSQLDatabaseProvider {
    private final String tablePrefix;
    private final String schema;
    private final UnlimitedColumns unlimited;
    private String currentTable;

    PostgresDatabaseProvider(String uri, String user, String password, String tablePrefix, String schema,
                             UnlimitedColumns unlimited) {
        super(uri, user, password);
        this.tablePrefix = tablePrefix;
        this.schema = schema;
        this.unlimited = unlimited;
    }

    @Override
    public ResultSet getTables(Connection conn) throws SQLException {
        // migrate() drops every table it sees that is not an entity: show it only the plugin's own.
        return conn.getMetaData().getTables(null, schema, tablePrefix.toLowerCase() + "%", new String[]{"TABLE"});
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
    protected String renderTable(DDLTable table) {
        currentTable = table.getName();
        return super.renderTable(table);
    }

    @Override
    protected String[] renderAlterTableAddColumn(DDLTable table, DDLField field) {
        currentTable = table.getName();
        return super.renderAlterTableAddColumn(table, field);
    }

    @Override
    protected String[] renderAlterTableChangeColumn(DDLTable table, DDLField oldField, DDLField field) {
        if (unlimited.contains(table.getName(), field.getName())) {
            return new String[0];
        }
        currentTable = table.getName();
        return super.renderAlterTableChangeColumn(table, oldField, field);
    }
}
