package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.schema.TableNameConverter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How Atlassian's Active Objects fork quotes identifiers and rewrites the SQL fragments a plugin
 * hands it, where ActiveObjects 0.8.2 passes everything through verbatim. Every statement the host
 * sends for the plugin goes through here, so SQL that breaks in Confluence breaks in the tests.
 *
 * <p>Sources: the fork's own classes (Atlassian's Active Objects library, package {@code net.java.ao},
 * as published in public copies of its sources): {@code net.java.ao.DatabaseProvider}
 * ({@code processID}, {@code withSchema}, {@code processOrderClause}, {@code renderQuery});
 * {@code net.java.ao.Query} ({@code ALIAS_PATTERN}, {@code AGGREGATE_FUNCTION_PATTERN},
 * {@code getFieldMetadata}, {@code FieldMetadata.renderField});
 * {@code net.java.ao.sql.SqlUtils} ({@code WHERE_CLAUSE}, {@code ON_CLAUSE}, {@code GROUP_BY_CLAUSE});
 * {@code net.java.ao.db.PostgreSQLDatabaseProvider} ({@code shouldQuoteID},
 * {@code shouldQuoteTableName}) and its test {@code PostgresDatabaseProviderTest} ("PostgreSQL should
 * quote all but wildcards and digits"); {@code net.java.ao.db.H2DatabaseProvider} (quotes only its
 * reserved words); {@code EntityManager.deleteWithSQL} ({@code withSchema(table)} and
 * {@code processWhereClause(criteria)}).
 */
final class ForkSql {
    /**
     * {@code SqlUtils.WHERE_CLAUSE}, verbatim: only a word directly followed by an operator (and
     * then a space or a parenthesis) is taken for an identifier and quoted. A column inside a
     * function call ({@code LOWER(TITLE) LIKE ?}) is left as written.
     */
    static final Pattern WHERE_CLAUSE = Pattern.compile("(\\w+)(?=\\s*((=|!=|>|<|<>|<=|>=|(?<!(NOT\\s{1,10}))LIKE|(?<!(NOT\\s{1,10}))like|(?<!(NOT\\s{1,10}))BETWEEN|(?<!(NOT\\s{1,10}))between|IS|is|(?<!((IS|AND)\\s{1,10}))NOT|(?<!(NOT\\s{1,10}))IN|(?<!(is\\s{1,10}))not|(?<!(not\\s{1,10}))in)(\\s|\\()))");

    /** {@code SqlUtils.ON_CLAUSE}, verbatim. */
    static final Pattern ON_CLAUSE = Pattern.compile("(?:(\\w+)\\.)?(?:(\\w+)\\.)?(\\w+)(\\s*=\\s*)(?:(\\w+)\\.)?(?:(\\w+)\\.)?(\\w+)");

    /** {@code SqlUtils.GROUP_BY_CLAUSE}, verbatim. */
    static final Pattern GROUP_BY_CLAUSE = Pattern.compile("(?:(\\w+)\\.)?(\\w+)");

    /**
     * {@code DatabaseProvider.ORDER_CLAUSE_STRING}, verbatim: every word of an ORDER BY clause is
     * taken for a (possibly table-qualified, possibly already quoted) column, optionally followed
     * by ASC or DESC. Keywords, functions and literals are "columns" too: {@code CASE PHASE WHEN
     * 'IDEA' THEN 0 END} comes out as {@code "CASE" "PHASE" "WHEN" '"IDEA"' "THEN" 0 "END"} on
     * PostgreSQL.
     */
    private static final String ORDER_CLAUSE_STRING = "(?:IDENTIFIER_QUOTE_STRING(\\w+)IDENTIFIER_QUOTE_STRING\\.)?(?:IDENTIFIER_QUOTE_STRING(\\w+)IDENTIFIER_QUOTE_STRING)(?:\\s*(?i:(ASC|DESC)))?";

    /** {@code PostgreSQLDatabaseProvider.PATTERN_QUOTE_ID}: what PostgreSQL leaves unquoted. */
    private static final Pattern POSTGRES_UNQUOTED = Pattern.compile("(\\*|\\d*?)");

    /** {@code H2DatabaseProvider.RESERVED_WORDS}: the only identifiers the fork quotes on H2. */
    private static final Set<String> H2_RESERVED = Set.of("CROSS", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "DISTINCT", "EXCEPT", "EXISTS", "FALSE", "FOR", "FROM", "FULL", "GROUP", "HAVING",
            "INNER", "INTERSECT", "IS", "JOIN", "LIKE", "LIMIT", "MINUS", "NATURAL", "NOT", "NULL", "ON", "ORDER",
            "PRIMARY", "ROWNUM", "SELECT", "SYSDATE", "SYSTIME", "SYSTIMESTAMP", "TODAY", "TRUE", "UNION",
            "UNIQUE", "WHERE");

    /**
     * {@code PostgreSQLDatabaseProvider.RESERVED_WORDS}: on PostgreSQL a table name is quoted only
     * when it is one of these ({@code shouldQuoteTableName}); columns always are.
     */
    private static final Set<String> POSTGRES_RESERVED = Set.of(("ABS ABSOLUTE ACTION ADD ADMIN AFTER AGGREGATE "
            + "ALIAS ALL ALLOCATE ALTER ANALYSE ANALYZE AND ANY ARE ARRAY AS ASC ASENSITIVE ASSERTION ASYMMETRIC AT "
            + "ATOMIC AUTHORIZATION AVG BEFORE BEGIN BETWEEN BIGINT BINARY BIT BIT_LENGTH BLOB BOOLEAN BOTH BREADTH "
            + "BY CALL CALLED CARDINALITY CASCADE CASCADED CASE CAST CATALOG CEIL CEILING CHAR CHARACTER "
            + "CHARACTER_LENGTH CHAR_LENGTH CHECK CLASS CLOB CLOSE COALESCE COLLATE COLLATION COLLECT COLUMN COMMIT "
            + "COMPLETION CONDITION CONNECT CONNECTION CONSTRAINT CONSTRAINTS CONSTRUCTOR CONTINUE CONVERT CORR "
            + "CORRESPONDING COUNT COVAR_POP COVAR_SAMP CREATE CROSS CUBE CUME_DIST CURRENT CURRENT_DATE "
            + "CURRENT_DEFAULT_TRANSFORM_GROUP CURRENT_PATH CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP "
            + "CURRENT_TRANSFORM_GROUP_FOR_TYPE CURRENT_USER CURSOR CYCLE DATA DATE DAY DEALLOCATE DEC DECIMAL "
            + "DECLARE DEFAULT DEFERRABLE DEFERRED DELETE DENSE_RANK DEPTH DEREF DESC DESCRIBE DESCRIPTOR DESTROY "
            + "DESTRUCTOR DETERMINISTIC DIAGNOSTICS DICTIONARY DISCONNECT DISTINCT DO DOMAIN DOUBLE DROP DYNAMIC EACH "
            + "ELEMENT ELSE END END-EXEC EQUALS ESCAPE EVERY EXCEPT EXCEPTION EXEC EXECUTE EXISTS EXP EXTERNAL "
            + "EXTRACT FALSE FETCH FILTER FIRST FLOAT FLOOR FOR FOREIGN FOUND FREE FREEZE FROM FULL FUNCTION FUSION "
            + "GENERAL GET GLOBAL GO GOTO GRANT GREATEST GROUP GROUPING HAVING HOLD HOST HOUR IDENTITY IGNORE ILIKE "
            + "IMMEDIATE IN INDICATOR INITIALIZE INITIALLY INNER INOUT INPUT INSENSITIVE INSERT INT INTEGER INTERSECT "
            + "INTERSECTION INTERVAL INTO IS ISNULL ISOLATION ITERATE JOIN KEY LANGUAGE LARGE LAST LATERAL LEADING "
            + "LEAST LEFT LESS LEVEL LIKE LIMIT LN LOCAL LOCALTIME LOCALTIMESTAMP LOCATOR LOWER MAP MATCH MAX MEMBER "
            + "MERGE METHOD MIN MINUTE MOD MODIFIES MODIFY MODULE MONTH MULTISET NAMES NATIONAL NATURAL NCHAR NCLOB "
            + "NEW NEXT NO NONE NORMALIZE NOT NOTNULL NULL NULLIF NUMERIC OBJECT OCTET_LENGTH OF OFF OFFSET OLD ON "
            + "ONLY OPEN OPERATION OPTION OR ORDER ORDINALITY OUT OUTER OUTPUT OVER OVERLAPS OVERLAY PAD PARAMETER "
            + "PARAMETERS PARTIAL PARTITION PATH PERCENTILE_CONT PERCENTILE_DISC PERCENT_RANK PLACING POSITION "
            + "POSTFIX POWER PRECISION PREFIX PREORDER PREPARE PRESERVE PRIMARY PRIOR PRIVILEGES PROCEDURE PUBLIC "
            + "RANGE RANK READ READS REAL RECURSIVE REF REFERENCES REFERENCING REGR_AVGX REGR_AVGY REGR_COUNT "
            + "REGR_INTERCEPT REGR_R2 REGR_SLOPE REGR_SXX REGR_SXY REGR_SYY RELATIVE RELEASE RESTRICT RESULT RETURN "
            + "RETURNING RETURNS REVOKE RIGHT ROLE ROLLBACK ROLLUP ROUTINE ROW ROWS ROW_NUMBER SAVEPOINT SCHEMA "
            + "SCOPE SCROLL SEARCH SECOND SECTION SELECT SENSITIVE SEQUENCE SESSION SESSION_USER SET SETOF SETS "
            + "SIMILAR SIZE SMALLINT SOME SPACE SPECIFIC SPECIFICTYPE SQL SQLCODE SQLERROR SQLEXCEPTION SQLSTATE "
            + "SQLWARNING SQRT START STATE STATEMENT STATIC STDDEV_POP STDDEV_SAMP STRUCTURE SUBMULTISET SUBSTRING "
            + "SUM SYMMETRIC SYSTEM SYSTEM_USER TABLE TABLESAMPLE TEMPORARY TERMINATE THAN THEN TIME TIMESTAMP "
            + "TIMEZONE_HOUR TIMEZONE_MINUTE TO TRAILING TRANSACTION TRANSLATE TRANSLATION TREAT TRIGGER TRIM TRUE "
            + "UESCAPE UNDER UNION UNIQUE UNKNOWN UNNEST UPDATE UPPER USAGE USER USING VALUE VALUES VARCHAR VARIABLE "
            + "VARYING VAR_POP VAR_SAMP VERBOSE VIEW WHEN WHENEVER WHERE WIDTH_BUCKET WINDOW WITH WITHIN WITHOUT "
            + "WORK WRITE YEAR ZONE").split(" "));

    /** The databases the host runs on, with the fork's quoting rules of each. */
    enum Dialect {
        /** {@code H2DatabaseProvider}: reserved words only, so names stay as H2 folds them (upper case). */
        H2 {
            @Override
            boolean quotesId(String id) {
                return H2_RESERVED.contains(id.toUpperCase(Locale.ROOT));
            }

            @Override
            boolean quotesTable(String table) {
                return quotesId(table);
            }
        },
        /** {@code PostgreSQLDatabaseProvider}: every identifier but {@code *} and plain digits. */
        POSTGRESQL {
            @Override
            boolean quotesId(String id) {
                return !POSTGRES_UNQUOTED.matcher(id).matches();
            }

            @Override
            boolean quotesTable(String table) {
                return POSTGRES_RESERVED.contains(table.toUpperCase(Locale.ROOT));
            }
        };

        abstract boolean quotesId(String id);

        abstract boolean quotesTable(String table);
    }

    private final Dialect dialect;
    private final String quote;
    private final String schema;
    private final Pattern orderClause;

    /**
     * @param quote  the identifier quote string the JDBC driver reports, as the fork reads it
     *               ({@code DatabaseProvider.loadQuoteString})
     * @param schema the schema every table name is qualified with, as the fork's {@code withSchema}
     */
    ForkSql(Dialect dialect, String quote, String schema) {
        this.dialect = dialect;
        this.quote = quote == null ? "" : quote.trim();
        this.schema = schema == null || schema.isBlank() ? null : schema;
        String optionalQuote = this.quote.isEmpty() ? "" : "(?:" + Pattern.quote(this.quote) + ")?";
        this.orderClause = Pattern.compile(ORDER_CLAUSE_STRING.replaceAll("IDENTIFIER_QUOTE_STRING",
                Matcher.quoteReplacement(optionalQuote)));
    }

    /** The schema the plugin's tables live in, or null. */
    String schema() {
        return schema;
    }

    /** {@code DatabaseProvider.processID}: a column (or index, sequence) name as the fork writes it. */
    String processID(String id) {
        return dialect.quotesId(id) ? quote + id + quote : id;
    }

    /** {@code DatabaseProvider.processTableName}: a table qualifier inside a clause. */
    String processTableName(String table) {
        return dialect.quotesTable(table) ? quote + table + quote : table;
    }

    /** {@code DatabaseProvider.withSchema}: a table (or index, sequence) in a statement. */
    String withSchema(String name) {
        String processed = processID(name);
        return schema == null ? processed : schema + "." + processed;
    }

    /** {@code SqlUtils.processWhereClause}: each match of {@link #WHERE_CLAUSE} through processID. */
    String processWhereClause(String where) {
        Matcher matcher = WHERE_CLAUSE.matcher(where);
        StringBuilder sb = new StringBuilder();
        while (matcher.find()) {
            // As the fork: the processed word is the replacement text as it stands.
            matcher.appendReplacement(sb, processID(matcher.group()));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }

    /** {@code DatabaseProvider.processOrderClause}: every word a column, ASC/DESC kept. */
    String processOrderClause(String order) {
        Matcher matcher = orderClause.matcher(order);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            StringBuilder repl = new StringBuilder();
            if (matcher.group(1) != null) {
                repl.append(processTableName(matcher.group(1))).append(".");
            }
            repl.append(processID(matcher.group(2)));
            if (matcher.group(3) != null) {
                repl.append(" ").append(matcher.group(3));
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(repl.toString()));
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    /**
     * {@code SqlUtils.processGroupByClause}. The fork hands the processors the literal group
     * references {@code "$1"} and {@code "$2"}, so on PostgreSQL they come back quoted around the
     * group and on H2 as they are.
     */
    String processGroupByClause(String groupBy) {
        Matcher matcher = GROUP_BY_CLAUSE.matcher(groupBy);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            StringBuilder repl = new StringBuilder();
            if (matcher.group(1) != null) {
                repl.append(processTableName("$1")).append(".");
            }
            repl.append(processID("$2"));
            matcher.appendReplacement(sql, repl.toString());
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    /** {@code SqlUtils.processOnClause}: the fork accepts only {@code a.b = c.d} shapes. */
    String processOnClause(String on) {
        Matcher matcher = ON_CLAUSE.matcher(on);
        if (!matcher.matches()) {
            throw new IllegalStateException("ON clause the Active Objects fork rejects: " + on);
        }
        StringBuilder sb = new StringBuilder();
        side(sb, matcher.group(1), matcher.group(2), matcher.group(3));
        sb.append(matcher.group(4));
        side(sb, matcher.group(5), matcher.group(6), matcher.group(7));
        return sb.toString();
    }

    private void side(StringBuilder sb, String first, String second, String column) {
        if (first != null) {
            sb.append(first).append(".");
            if (second != null) {
                sb.append(processID(second)).append(".");
            }
        } else if (second != null) {
            sb.append(second).append(".");
        }
        sb.append(processID(column));
    }

    /**
     * {@code DatabaseProvider.renderQuery} of the fork: SELECT (fields as {@link #selectField}), FROM
     * (withSchema), JOIN ... ON, WHERE, GROUP BY, ORDER BY as processed above, then LIMIT/OFFSET.
     */
    String renderQuery(Query query, TableNameConverter converter, boolean count) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (query.isDistinct()) {
            sql.append("DISTINCT ");
        }
        if (count) {
            sql.append("COUNT(*)");
        } else {
            sql.append(Arrays.stream(query.getFields()).map(this::selectField).collect(Collectors.joining(",")));
        }
        String table = query.getTable() != null ? query.getTable() : converter.getName(query.getTableType());
        sql.append(" FROM ").append(withSchema(table));
        for (Map.Entry<Class<? extends RawEntity<?>>, String> join : query.getJoins().entrySet()) {
            sql.append(" JOIN ").append(withSchema(converter.getName(join.getKey())));
            if (join.getValue() != null) {
                sql.append(" ON ").append(processOnClause(join.getValue()));
            }
        }
        if (query.getWhereClause() != null) {
            sql.append(" WHERE ").append(processWhereClause(query.getWhereClause()));
        }
        if (query.getGroupClause() != null) {
            sql.append(" GROUP BY ").append(processGroupByClause(query.getGroupClause()));
        }
        if (query.getOrderClause() != null) {
            sql.append(" ORDER BY ").append(processOrderClause(query.getOrderClause()));
        }
        if (query.getLimit() >= 0) {
            sql.append(" LIMIT ").append(query.getLimit());
        }
        if (query.getOffset() > 0) {
            sql.append(" OFFSET ").append(query.getOffset());
        }
        return sql.toString();
    }

    /**
     * {@code Query.ALIAS_PATTERN}, verbatim: a field's last word, after a space and an optional
     * {@code AS}, is its alias.
     */
    private static final Pattern SELECT_ALIAS = Pattern.compile("(.+?)\\s+(?:[aA][sS]\\s+)?(\\w+)$");

    /**
     * {@code Query.AGGREGATE_FUNCTION_PATTERN}, verbatim: {@code FUNCTION(COLUMN)}, nothing else
     * inside the parentheses (not even a space), so no expression can hide in a field.
     */
    private static final Pattern SELECT_AGGREGATE = Pattern.compile("(\\S+)\\((\\S+)\\)");

    /**
     * A field of {@code Query.select(..)} as the fork renders it ({@code Query.getFieldMetadata},
     * {@code Query.FieldMetadata.renderField}, {@code DatabaseProvider.processID(FieldMetadata)}):
     * an optional alias and an optional aggregate function around one column, the column and the
     * alias each through the dialect's quoting: {@code SUM(BUDGET_CENTS) AS BUDGET_CENTS} becomes
     * {@code SUM("BUDGET_CENTS") as "BUDGET_CENTS"} on PostgreSQL. A column that is not a plain
     * name would be quoted whole by the fork, so it is refused here rather than guessed at.
     */
    private String selectField(String field) {
        if (field.equals("*")) {
            return field;
        }
        String alias = null;
        String column = field;
        Matcher aliased = SELECT_ALIAS.matcher(field);
        if (aliased.find()) {
            alias = aliased.group(2);
            column = aliased.group(1);
        }
        String function = null;
        Matcher aggregate = SELECT_AGGREGATE.matcher(column);
        if (aggregate.find()) {
            function = aggregate.group(1);
            column = aggregate.group(2);
        }
        if (!column.matches("\\w+") || function != null && !function.matches("\\w+")) {
            throw new IllegalArgumentException("Query.select field the Active Objects fork would quote as one "
                    + "identifier: " + field);
        }
        String rendered = function == null ? processID(column) : function + "(" + processID(column) + ")";
        return alias == null ? rendered : rendered + " as " + processID(alias);
    }

    /** An INSERT as the fork's {@code generateInsertSql} writes it. */
    String renderInsert(String table, String pkField, String[] fields) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(withSchema(table)).append(" (");
        if (fields.length == 0) {
            return sql.append(processID(pkField)).append(") VALUES (DEFAULT)").toString();
        }
        sql.append(Arrays.stream(fields).map(this::processID).collect(Collectors.joining(",")));
        sql.append(") VALUES (").append(String.join(",", java.util.Collections.nCopies(fields.length, "?")));
        return sql.append(")").toString();
    }

    /** CREATE TABLE as the fork renders it: the table through withSchema, each column through processID. */
    String renderTable(net.java.ao.schema.ddl.DDLTable table, Function<net.java.ao.schema.ddl.DDLField, String> field) {
        StringBuilder back = new StringBuilder("CREATE TABLE ").append(withSchema(table.getName())).append(" (\n");
        String primaryKey = null;
        for (net.java.ao.schema.ddl.DDLField f : table.getFields()) {
            back.append("    ").append(field.apply(f)).append(",\n");
            if (f.isPrimaryKey()) {
                if (primaryKey != null) {
                    throw new IllegalStateException("Entities may only have one primary key");
                }
                primaryKey = f.getName();
            }
        }
        if (table.getForeignKeys() != null && table.getForeignKeys().length > 0) {
            throw new UnsupportedOperationException("foreign keys (entity relations) are not rendered by the host: "
                    + table.getName());
        }
        if (primaryKey != null) {
            back.append("    PRIMARY KEY(").append(processID(primaryKey)).append(")\n");
        }
        return back.append(")").toString();
    }

    /** A column definition of 0.8.2 ({@code name type...}) with the name as the fork writes it. */
    String renderField(net.java.ao.schema.ddl.DDLField field, String rendered) {
        if (!rendered.startsWith(field.getName() + " ")) {
            throw new IllegalStateException("unexpected column definition: " + rendered);
        }
        return processID(field.getName()) + rendered.substring(field.getName().length());
    }

    String renderAddColumn(String table, String fieldDefinition) {
        return "ALTER TABLE " + withSchema(table) + " ADD COLUMN " + fieldDefinition;
    }

    String renderDropColumn(String table, String field) {
        return "ALTER TABLE " + withSchema(table) + " DROP COLUMN " + processID(field);
    }

    String renderDropTable(String table) {
        return "DROP TABLE " + withSchema(table);
    }

    /** CREATE INDEX as the fork's PostgreSQL and H2 providers write it (the index name through processID). */
    String renderCreateIndex(String name, String table, java.util.List<String> fields, boolean ifNotExists) {
        return "CREATE INDEX " + (ifNotExists ? "IF NOT EXISTS " : "") + processID(name) + " ON " + withSchema(table)
                + "(" + fields.stream().map(this::processID).collect(Collectors.joining(",")) + ")";
    }

    String renderDropIndex(String name) {
        return "DROP INDEX IF EXISTS " + withSchema(name);
    }
}
