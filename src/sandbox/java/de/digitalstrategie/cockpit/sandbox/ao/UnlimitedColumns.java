package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.RawEntity;
import net.java.ao.schema.FieldNameConverter;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.TableNameConverter;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The String columns whose entity getter carries Atlassian's {@code @StringLength(UNLIMITED)}.
 * ActiveObjects 0.8.2 knows no such annotation and would make them VARCHAR(255); the providers
 * here ask this set and render them as the database's unbounded text type instead.
 */
final class UnlimitedColumns {
    private final Set<String> columns = new HashSet<>();

    void register(Class<? extends RawEntity<?>> entity, TableNameConverter tables, FieldNameConverter fields) {
        String table = tables.getName(entity);
        for (Method method : entity.getMethods()) {
            StringLength length = method.getAnnotation(StringLength.class);
            if (length != null && length.value() == StringLength.UNLIMITED && method.getReturnType() == String.class) {
                columns.add(key(table, fields.getName(method)));
            }
        }
    }

    boolean contains(String table, String column) {
        return table != null && columns.contains(key(table, column));
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
