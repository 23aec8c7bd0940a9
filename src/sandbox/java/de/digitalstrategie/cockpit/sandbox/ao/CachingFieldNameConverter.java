package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.schema.FieldNameConverter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A field name converter that answers in upper case, as the fork names every column (its
 * {@code Entity.getID()} is {@code @PrimaryKey("ID")} where 0.8.2's is {@code "id"}), and
 * remembers its answers. ActiveObjects 0.8.2 converts a method to its
 * column name several times on every call of an entity's getter or setter (reading annotations by
 * reflection each time); Atlassian's AO resolves the names once per entity type. The names never
 * change, so the host asks the converter once per method.
 */
final class CachingFieldNameConverter implements FieldNameConverter {
    private final FieldNameConverter delegate;
    private final Map<Method, Optional<String>> names = new ConcurrentHashMap<>();
    private final Map<Method, Optional<String>> polyTypeNames = new ConcurrentHashMap<>();

    CachingFieldNameConverter(FieldNameConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getName(Method method) {
        return names.computeIfAbsent(method, m -> Optional.ofNullable(upper(delegate.getName(m)))).orElse(null);
    }

    @Override
    public String getPolyTypeName(Method method) {
        return polyTypeNames.computeIfAbsent(method, m -> Optional.ofNullable(upper(delegate.getPolyTypeName(m))))
                .orElse(null);
    }

    private static String upper(String name) {
        return name == null ? null : name.toUpperCase(java.util.Locale.ROOT);
    }
}
