package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.util.List;
import java.util.Map;

/**
 * A scan over all matching issues had to stop although Jira answered every request; status 0.
 * See {@link JiraClient#scan} for when.
 */
public class JiraScanException extends JiraException {

    private JiraScanException(Message userMessage, String logMessage) {
        super("GET /rest/api/2/search", 0, List.of(), Map.of(), userMessage, logMessage, null);
    }

    /** More issues were changed in one minute than one search may page through. */
    static JiraScanException tooManyInOneMinute(String jql, String minute, int limit) {
        return new JiraScanException(Message.of("cockpit.jira.error.scan-limit", minute),
                "Scan of [" + jql + "] cannot get past " + minute + ": more issues were updated in that minute than "
                        + "Jira lets a search page through (" + limit + ")");
    }

    /** The issues kept changing under the scan, page after page. */
    static JiraScanException unstable(String jql, int restarts) {
        return new JiraScanException(Message.of("cockpit.jira.error.scan-unstable"),
                "Scan of [" + jql + "] gave up: the results shifted " + restarts + " times in a row without progress");
    }
}
