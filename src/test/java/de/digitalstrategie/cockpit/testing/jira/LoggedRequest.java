package de.digitalstrategie.cockpit.testing.jira;

import java.util.Map;

/**
 * A request as the {@link JiraDouble} received it.
 *
 * @param path     decoded, relative to the base URL: "/rest/api/2/issue/DIGI-1"
 * @param query    decoded query parameters
 * @param endpoint method and path pattern, "GET /rest/api/2/issue/{key}"; method and path for unknown paths
 * @param headers  the request headers a test may check (Accept, Content-Type, X-Atlassian-Token,
 *                 User-Agent), by lower-case name; never Authorization, so no token ends up here
 * @param user     the name of the user whose token came with the request, "" if none or unknown:
 *                 tells apart the requests of clients that use different tokens (two cluster nodes)
 * @param connection the TCP connection it came on, numbered from 1 in the order the double saw
 *                 them: requests with the same number shared a kept-alive connection
 */
public record LoggedRequest(String method, String path, Map<String, String> query, String endpoint,
                            Map<String, String> headers, String user, long connection) {
    static final java.util.List<String> HEADERS = java.util.List.of("accept", "content-type", "x-atlassian-token",
            "user-agent");

    public LoggedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A numeric query parameter, or {@code orElse} if absent. */
    public int intParam(String name, int orElse) {
        String value = query.get(name);
        return value == null ? orElse : Integer.parseInt(value);
    }
}
