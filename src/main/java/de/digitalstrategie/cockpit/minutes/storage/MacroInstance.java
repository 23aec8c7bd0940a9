package de.digitalstrategie.cockpit.minutes.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One macro found on a page's storage format.
 *
 * @param name       the macro's {@code ac:name}
 * @param macroId    its {@code ac:macro-id}, or "" where the page has none (older pages, imports)
 * @param parameters its {@code ac:parameter} values by {@code ac:name}, in page order, trimmed
 * @param body       the inner markup of its {@code ac:rich-text-body} as XHTML, the text of its
 *                   {@code ac:plain-text-body}, or "" for a macro without a body
 * @param bodyText   the body as plain text: whitespace collapsed, trimmed
 * @param position   0-based order of appearance among the macros reported for the page
 */
public record MacroInstance(String name, String macroId, Map<String, String> parameters, String body,
                            String bodyText, int position) {

    public MacroInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(macroId, "macroId");
        // Map.copyOf would lose the page order the parameters are documented to keep.
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodyText, "bodyText");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
    }
}
