package de.digitalstrategie.cockpit.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds links back to the current page that change some of a macro's own parameters and keep
 * every other parameter of the request (Confluence's pageId, other macros' state).
 */
public final class Links {
    private final Map<String, List<String>> current;

    public Links(Map<String, List<String>> current) {
        this.current = current;
    }

    /** A relative link ("?...") with the given parameters set (null or "" removes one). */
    public String with(Map<String, String> changes) {
        Map<String, List<String>> merged = new LinkedHashMap<>(current);
        changes.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                merged.remove(k);
            } else {
                merged.put(k, List.of(v));
            }
        });
        StringBuilder query = new StringBuilder("?");
        merged.forEach((k, values) -> values.forEach(v -> {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(encode(k)).append('=').append(encode(v));
        }));
        return query.toString();
    }

    /** The request's parameters other than those starting with {@code prefix}: hidden form fields. */
    public Map<String, String> othersThan(String prefix) {
        Map<String, String> others = new LinkedHashMap<>();
        current.forEach((k, v) -> {
            if (!k.startsWith(prefix) && !v.isEmpty()) {
                others.put(k, v.get(0));
            }
        });
        return others;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
