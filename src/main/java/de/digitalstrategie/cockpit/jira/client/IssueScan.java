package de.digitalstrategie.cockpit.jira.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every issue matching a JQL, in order of "updated" and key, past Jira DC's result window:
 * Jira refuses a search page with startAt + maxResults beyond 10,000 (400), so no single query
 * pages through more.
 *
 * <p>The scan reads in windows. The first is {@code (jql) ORDER BY updated ASC, key ASC}; it pages
 * with startAt as long as the page stays inside the result window. If the window has more, the
 * next one starts at the minute of the last issue delivered, {@code (jql) AND updated >= "…"} (JQL
 * compares dates to the minute, in the zone of the token's user), and skips what was delivered
 * already: issues of earlier minutes (all of them came before the last one delivered), and the
 * boundary minute's issues by key. Only the keys of that one minute are kept, so memory stays
 * small however many issues there are. The scan ends when a window is read to its end.
 *
 * <p>Limitation: a window gets past a minute only if fewer issues than the result window hold it
 * (about 10,000). If more were updated in the very same minute (a bulk change or an import can do
 * that), no query the scan can make reaches the rest, and it throws {@link JiraScanException}
 * rather than loop; narrowing the JQL (by project, say) gets past it.
 *
 * <p>Issues change while the scan runs. A changed issue moves to the end (its "updated" is now),
 * so it is delivered again there, in its new state; an issue changed twice within the minute the
 * scan has reached is not, and the next scan, which starts from that minute, catches it. Moving
 * out of the middle of a window would also shift every later issue one position forward, and
 * plain startAt paging would then skip one. So each page after a window's first starts one issue
 * early, on the last issue of the page before: if that is not where it was, the results have
 * shifted, and the scan starts a new window at the boundary minute, which loses nothing. Each
 * shift needs an issue to leave the part already read, which only a change or deletion does, so
 * this settles; if it keeps happening without progress the scan gives up with {@link JiraScanException}.
 */
final class IssueScan {
    /** Jira DC's result window: the largest startAt + maxResults a search may ask for. */
    static final int RESULT_WINDOW = 10_000;
    /** Restarts in a row that delivered nothing new before the scan stops trusting the results. */
    private static final int MAX_RESTARTS_WITHOUT_PROGRESS = 10;
    private static final DateTimeFormatter JQL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String ORDER = " ORDER BY updated ASC, key ASC";

    private final JiraClient client;
    private final String jql;
    private final List<String> fields;
    private final int pageSize;
    private final java.util.function.Supplier<ZoneId> zoneOfUser;
    private ZoneId zone;

    /** The minute of the last issue delivered, null before the first. */
    private Instant boundary;
    /** The keys delivered from the boundary minute. */
    private final Set<String> boundaryKeys = new HashSet<>();

    private enum End { COMPLETE, FULL, SHIFTED }

    private record Window(End end, int delivered) {
    }

    /**
     * @param zoneOfUser asked only if a second window is needed: a scan that fits in one window
     *                   (every incremental sync) costs no extra request for it
     */
    IssueScan(JiraClient client, String jql, List<String> fields, int pageSize, java.util.function.Supplier<ZoneId> zoneOfUser) {
        if (pageSize < 2 || pageSize > RESULT_WINDOW) {
            // One issue of each page after the first is the check for shifts: a page of one makes no progress.
            throw new IllegalArgumentException("page size must be 2 to " + RESULT_WINDOW + ": " + pageSize);
        }
        this.client = client;
        this.jql = jql == null ? "" : jql.strip();
        List<String> withUpdated = new ArrayList<>(fields);
        if (!withUpdated.contains("updated")) {
            withUpdated.add("updated");
        }
        this.fields = List.copyOf(withUpdated);
        this.pageSize = pageSize;
        this.zoneOfUser = zoneOfUser;
    }

    void run(Consumer<JiraIssue> each) {
        int restartsWithoutProgress = 0;
        Instant from = null;
        while (true) {
            Window window = read(from, each);
            switch (window.end()) {
                case COMPLETE -> {
                    return;
                }
                case FULL -> {
                    if (window.delivered() == 0) {
                        throw JiraScanException.tooManyInOneMinute(jql, jqlMinute(boundary), RESULT_WINDOW);
                    }
                    restartsWithoutProgress = 0;
                }
                case SHIFTED -> {
                    restartsWithoutProgress = window.delivered() == 0 ? restartsWithoutProgress + 1 : 0;
                    if (restartsWithoutProgress > MAX_RESTARTS_WITHOUT_PROGRESS) {
                        throw JiraScanException.unstable(jql, restartsWithoutProgress);
                    }
                }
            }
            from = boundary;
        }
    }

    /** Reads one window, from the given minute (null: from the start), as far as the result window allows. */
    private Window read(Instant from, Consumer<JiraIssue> each) {
        String query = query(from);
        int delivered = 0;
        int startAt = 0;
        String expectedFirst = null;
        while (true) {
            SearchPage page = client.search(query, startAt, Math.min(pageSize, RESULT_WINDOW - startAt), fields);
            List<JiraIssue> issues = page.issues();
            int skip = 0;
            if (expectedFirst != null) {
                if (issues.isEmpty() || !issues.get(0).key().equals(expectedFirst)) {
                    return new Window(End.SHIFTED, delivered);
                }
                skip = 1;
            }
            for (JiraIssue issue : issues.subList(skip, issues.size())) {
                if (deliverIfNew(issue, each)) {
                    delivered++;
                }
            }
            int next = page.startAt() + issues.size();
            if (next >= page.total()) {
                return new Window(End.COMPLETE, delivered);
            }
            if (issues.size() <= skip) {
                // Jira says there is more but sent nothing new: the results changed under us.
                return new Window(End.SHIFTED, delivered);
            }
            if (next >= RESULT_WINDOW) {
                return new Window(End.FULL, delivered);
            }
            startAt = next - 1;
            expectedFirst = issues.get(issues.size() - 1).key();
        }
    }

    private boolean deliverIfNew(JiraIssue issue, Consumer<JiraIssue> each) {
        if (issue.updated() == null) {
            throw new IllegalStateException("Jira sent issue " + issue.key() + " without the field 'updated'");
        }
        Instant minute = issue.updated().truncatedTo(ChronoUnit.MINUTES);
        if (boundary != null && (minute.isBefore(boundary)
                || minute.equals(boundary) && boundaryKeys.contains(issue.key()))) {
            return false;
        }
        if (!minute.equals(boundary)) {
            boundary = minute;
            boundaryKeys.clear();
        }
        boundaryKeys.add(issue.key());
        each.accept(issue);
        return true;
    }

    private String query(Instant from) {
        if (from == null) {
            return jql.isEmpty() ? ORDER.strip() : "(" + jql + ")" + ORDER;
        }
        String since = "updated >= \"" + jqlMinute(from) + "\"";
        return (jql.isEmpty() ? since : "(" + jql + ") AND " + since) + ORDER;
    }

    String jqlMinute(Instant instant) {
        if (zone == null) {
            zone = zoneOfUser.get();
        }
        LocalDateTime minute = LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
        ZoneOffsetTransition transition = zone.getRules().getTransition(minute);
        if (transition != null && transition.isOverlap()) {
            // The hour the clocks are set back happens twice, and Jira might read the minute as the
            // second time round, past issues not yet read. The minute before that hour is
            // unambiguous; what is read again from there is skipped as an earlier minute.
            minute = transition.getDateTimeAfter().minusMinutes(1);
        }
        return JQL_MINUTE.format(minute);
    }
}
