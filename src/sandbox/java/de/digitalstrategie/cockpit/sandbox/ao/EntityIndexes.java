package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.RawEntity;
import net.java.ao.schema.FieldNameConverter;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.TableNameConverter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The indexes an entity declares, as Atlassian's AO keeps them on every migrate: each
 * {@code @Indexed} column's, and each {@code @Indexes} index (composite ones included).
 * ActiveObjects 0.8.2 creates an {@code @Indexed} column's index only together with its table or
 * column, so an index declared later never reaches an existing database, and it knows no
 * {@code @Indexes}. The host runs these statements after 0.8.2's migrate; each creates the index
 * only if it is missing (0.8.2's own have the same names).
 */
final class EntityIndexes {
    private EntityIndexes() {
    }

    static List<String> statements(Class<? extends RawEntity<?>> entity, TableNameConverter tables,
                                   FieldNameConverter fields, ForkSql sql) {
        String table = tables.getName(entity);
        Set<String> statements = new LinkedHashSet<>();
        for (Method method : entity.getMethods()) {
            if (method.getAnnotation(Indexed.class) != null) {
                String column = fields.getName(method);
                statements.add(sql.renderCreateIndex(name(table, column), table, List.of(column), true));
            }
        }
        Indexes indexes = entity.getAnnotation(Indexes.class);
        for (Index index : indexes == null ? new Index[0] : indexes.value()) {
            List<String> columns = new ArrayList<>();
            for (String methodName : index.methodNames()) {
                Method method = Arrays.stream(entity.getMethods()).filter(m -> m.getName().equals(methodName))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("@Index " + index.name() + " of "
                                + entity.getSimpleName() + " names no method " + methodName));
                columns.add(fields.getName(method));
            }
            statements.add(sql.renderCreateIndex(name(table, index.name()), table, columns, true));
        }
        return List.copyOf(statements);
    }

    /** As ActiveObjects names an index: index_table_column (composite: index_table_name). */
    static String name(String table, String suffix) {
        return ("index_" + table + "_" + suffix).toLowerCase(Locale.ROOT);
    }
}
