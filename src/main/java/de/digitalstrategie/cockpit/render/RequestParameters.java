package de.digitalstrategie.cockpit.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of the page request a macro renders in: where its paging, sorting and
 * filters live, so that every view works without scripts and can be bookmarked.
 */
public interface RequestParameters {
    /** All parameters of the request, in order; empty outside a request (e.g. an export job). */
    Map<String, List<String>> all();

    /** The host's context path ("/confluence", or "" at the root), for links to the plugin's REST resources. */
    default String contextPath() {
        return "";
    }

    default Optional<String> first(String name) {
        List<String> values = all().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
