package de.digitalstrategie.cockpit.sandbox.ao;

import net.java.ao.RawEntity;
import net.java.ao.schema.Table;
import net.java.ao.schema.TableNameConverter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names tables the way Atlassian's Active Objects does: {@code AO_} + the last six hex digits of
 * the MD5 of the plugin's AO namespace + {@code _} + the entity name in upper underscore case
 * ({@code @Table} value if present). Keeps names within AO's 30-character limit.
 */
public final class AtlassianTableNameConverter implements TableNameConverter {
    private static final int MAX_LENGTH = 30;
    private final String prefix;
    /**
     * ActiveObjects 0.8.2 asks for the table name on every call of an entity's getter or setter:
     * computed once per entity (a regular expression each time cost more than the rest of a getter).
     */
    private final Map<Class<?>, String> names = new ConcurrentHashMap<>();

    public AtlassianTableNameConverter(String namespace) {
        this.prefix = prefixOf(namespace);
    }

    public static String prefixOf(String namespace) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5).toUpperCase(Locale.ROOT);
            return "AO_" + hex.substring(hex.length() - 6) + "_";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public String getName(Class<? extends RawEntity<?>> entity) {
        return names.computeIfAbsent(entity, e -> nameOf(entity));
    }

    private String nameOf(Class<? extends RawEntity<?>> entity) {
        Table table = entity.getAnnotation(Table.class);
        String base = table != null ? table.value() : entity.getSimpleName();
        String name = prefix + base.replaceAll("([a-z\\d])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Table name over 30 characters: " + name);
        }
        return name;
    }
}
