package de.digitalstrategie.cockpit.render;

import com.atlassian.confluence.core.ContentEntityObject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rendering of one macro: the viewer's texts and formats, whether a person views the page
 * (links, forms) or it is exported (static output), the macro's own parameter prefix in the
 * request, and the request's parameters.
 *
 * @param content the page (or other content) the macro renders on, null for none
 */
public record MacroRequest(Texts texts, Formats formats, boolean interactive, String instanceKey,
                           Map<String, List<String>> parameters, long pageId, LocalDate today, String contextPath,
                           ContentEntityObject content) {

    /** One of this macro instance's own request parameters (e.g. its page number). */
    public Optional<String> own(String name) {
        List<String> values = interactive ? parameters.get(instanceKey + "." + name) : null;
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).strip());
    }

    public String ownName(String name) {
        return instanceKey + "." + name;
    }

    /** A link to one of the plugin's REST resources with the given query (values encoded here). */
    public String restUrl(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(contextPath).append("/rest/cockpit/1.0").append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                url.append(sep).append(java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return url.toString();
    }

    public Links links() {
        return new Links(parameters);
    }
}
