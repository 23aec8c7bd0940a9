package de.digitalstrategie.cockpit.evidence.macro;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Where the flag list's CSV and acknowledgements are taken: the servlet module's address. */
public final class FlagLinks {
    /** Where the servlet module mounts the flag list's servlet, under {@code /plugins/servlet}. */
    public static final String PATH = "/plugins/servlet/cockpit/evidence-flags";

    private FlagLinks() {
    }

    /** The address of the CSV with the given filter. */
    public static String csv(String contextPath, Map<String, String> filter) {
        StringBuilder url = new StringBuilder(contextPath).append(PATH).append("?format=csv");
        filter.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                url.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return url.toString();
    }
}
