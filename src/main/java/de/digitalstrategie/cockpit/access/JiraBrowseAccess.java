package de.digitalstrategie.cockpit.access;

import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.client.JiraBadRequestException;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraNotFoundException;
import de.digitalstrategie.cockpit.jira.client.JiraPermissionException;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mirrored Jira projects the viewer may see: those Jira lets the user of the same name browse.
 * Confluence and Jira of a city administration share one user directory, so the Confluence user
 * name is the Jira user name.
 *
 * <p>How Jira is asked. With one Personal Access Token, Jira Data Center answers "may user U
 * browse project P" only one project at a time ({@link JiraClient#mayBrowse}, the user search by
 * permission, which needs project or Jira administration rights): there is no call that lists
 * the projects another user may browse ({@code /mypermissions} and {@code /project} answer for
 * the token's own user; reading permission schemes, project roles and group memberships would
 * re-implement Jira's permission logic and still miss issue-level grants). Only an application
 * link with user impersonation could ask as the viewer. So the answers are kept per viewer and
 * project, and asked for off the page: {@link #refreshStale()}, which the plugin's background
 * job calls every minute, asks for every viewer seen in the last {@link #VIEWER_TTL} what is
 * missing or older than {@link #REFRESH_AGE}, so that a page view normally finds fresh answers
 * and asks nothing.
 *
 * <p>A page view asks Jira at most once per viewer ({@link #ASK_SPACING} apart, so a page of
 * several macros costs one question, not one per macro), and only with the client for a person
 * waiting (one attempt, short timeouts): for a project it has no usable answer for (a viewer's
 * first view), else for its oldest answer past {@link #FRESH}. The rest waits for the job. An
 * answer counts for {@link #STALE_LIMIT}; beyond that the project stays hidden until Jira answers
 * again: a Jira outage hides projects rather than showing them to someone Jira would refuse.
 * After Jira failed on a page view it is left alone there for {@link #PAUSE_AFTER_FAILURE}.
 *
 * <p>A view that finds projects without a usable answer says how many ({@link Visibility#unchecked()},
 * so the page can tell the viewer that its lists and sums are short by them) and asks the host's
 * scheduler to run the job on this node at once ({@link BrowseAccessJob#runSoon}), so the answers
 * arrive within seconds rather than with the next minute's run, and the view itself still asks
 * Jira at most once. One such request is outstanding at a time; none follows a run that found
 * Jira not answering, for {@link #PAUSE_AFTER_FAILURE}.
 *
 * <p>Answers are kept on each node (each node's job refreshes its own viewers). Without a
 * configured Jira connection there is nobody to ask. If the mirror never came from Jira (demo
 * data before Jira is connected), signed-in users see it all: the portfolio is internal to the
 * administration. Once a sync has run, the mirror holds Jira's data, and with the connection
 * removed it stays hidden until Jira can be asked again. Anonymous visitors never see projects.
 */
public class JiraBrowseAccess implements ProjectAccess {
    /** An answer younger than this is used without a question. */
    static final Duration FRESH = Duration.ofMinutes(5);
    /** The background job renews answers older than this, a minute before they stop being fresh. */
    static final Duration REFRESH_AGE = Duration.ofMinutes(4);
    /** An answer older than this does not count at all. */
    static final Duration STALE_LIMIT = Duration.ofHours(1);
    /** Viewers not seen for this long are forgotten, with their answers; the job stops asking for them. */
    static final Duration VIEWER_TTL = Duration.ofHours(1);
    /** At most one question per viewer on the page path within this time. */
    static final Duration ASK_SPACING = Duration.ofSeconds(15);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);
    /** A requested run that has not started after this is taken as lost: the next view asks again. */
    static final Duration RUN_REQUEST_TIMEOUT = Duration.ofMinutes(1);
    /** Questions per run of the job, oldest answers first: a minute's work for Jira, not an hour's. */
    static final int MAX_QUESTIONS_PER_REFRESH = 500;
    private static final int MAX_VIEWERS = 5_000;
    private static final Logger LOG = Logger.getLogger(JiraBrowseAccess.class.getName());

    private final UserManager users;
    private final ProjectStore projects;
    private final JiraConnector jira;
    private final ProjectSync sync;
    private final SchedulerService scheduler;
    private final Clock clock;
    /** By lower-case user name, least recently seen first. */
    private final Map<String, Viewer> viewers = new LinkedHashMap<>(256, 0.75f, true);
    /** One run at a time on this node: the minute's and one asked for by a view may be due together. */
    private final ReentrantLock refreshing = new ReentrantLock();
    private Instant quietUntil = Instant.MIN;
    /** When a view last asked for a run that has not started yet; null if none is outstanding. */
    private Instant runRequested;
    private Instant noRunRequestsUntil = Instant.MIN;

    private record Answer(boolean mayBrowse, Instant asked) {
    }

    /** What is known about one viewer: Jira's answers by project, when he was last seen and last asked for. */
    private static final class Viewer {
        final String name;
        final Map<String, Answer> answers = new HashMap<>();
        Instant seen;
        Instant askedOnView = Instant.MIN;

        Viewer(String name, Instant seen) {
            this.name = name;
            this.seen = seen;
        }
    }

    /** One question for the job: whether this viewer may browse this project, and how old the answer is. */
    private record Question(String viewer, String name, String project, Instant asked) {
    }

    public JiraBrowseAccess(UserManager users, ProjectStore projects, JiraConnector jira, ProjectSync sync,
                            SchedulerService scheduler, Clock clock) {
        this.users = users;
        this.projects = projects;
        this.jira = jira;
        this.sync = sync;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Without a connection nobody can be asked, so nothing counts as unchecked: the mirror is
     * either all shown (demo data) or hidden on purpose until Jira is connected again.
     */
    @Override
    public Visibility visibility() {
        UserProfile user = users.getRemoteUser();
        if (user == null || user.getUsername() == null) {
            return Visibility.NONE;
        }
        Set<String> mirrored = projects.jiraProjects();
        if (mirrored.isEmpty()) {
            return Visibility.NONE;
        }
        if (!jira.settings().configured()) {
            return sync.status().startedAt() == null ? new Visibility(mirrored, 0) : Visibility.NONE;
        }
        Instant now = clock.instant();
        String key = user.getUsername().toLowerCase(Locale.ROOT);
        Set<String> visible = new HashSet<>();
        int unchecked = 0;
        String unknown = null;
        String oldest = null;
        Instant oldestAsked = null;
        synchronized (this) {
            Viewer viewer = seen(key, user.getUsername(), now);
            for (String project : new TreeSet<>(mirrored)) {
                Answer answer = viewer.answers.get(project);
                if (answer == null || !answer.asked().plus(STALE_LIMIT).isAfter(now)) {
                    unknown = unknown == null ? project : unknown;
                    unchecked++;
                    continue;
                }
                if (answer.mayBrowse()) {
                    visible.add(project);
                }
                if (!answer.asked().plus(FRESH).isAfter(now) && (oldestAsked == null
                        || answer.asked().isBefore(oldestAsked))) {
                    oldest = project;
                    oldestAsked = answer.asked();
                }
            }
        }
        String ask = unknown != null ? unknown : oldest;
        if (ask != null && mayAskOnView(key, now)) {
            JiraClient client = jira.clientWhilePersonWaits().orElse(null);
            Boolean may = client == null ? null : ask(client, key, user.getUsername(), ask, now);
            if (may == null) {
                pause(now);
            } else {
                if (may) {
                    visible.add(ask);
                } else {
                    visible.remove(ask);
                }
                if (ask.equals(unknown)) {
                    unchecked--;
                }
            }
        }
        if (unchecked > 0) {
            requestRun(now);
        }
        return new Visibility(visible, unchecked);
    }

    /**
     * Renews, off any page, the answers of the viewers seen in the last {@link #VIEWER_TTL}: each
     * missing one and each older than {@link #REFRESH_AGE}, oldest first, at most
     * {@value #MAX_QUESTIONS_PER_REFRESH} per run, with the client for background work. Stops at
     * the first sign that Jira as a whole is not answering. Forgets viewers not seen for longer.
     * For the plugin's background job, every minute on every node, and at once when a view found
     * answers missing (those come first: they are the oldest). Runs one at a time; a second waits
     * for the first and asks only what is still due then.
     *
     * @return how many questions Jira answered
     */
    public int refreshStale() {
        refreshing.lock();
        try {
            synchronized (this) {
                // From here on a view that still misses answers needs another run: this one may not cover it.
                runRequested = null;
            }
            return refresh();
        } finally {
            refreshing.unlock();
        }
    }

    private int refresh() {
        if (!jira.settings().configured()) {
            return 0;
        }
        Set<String> mirrored = projects.jiraProjects();
        if (mirrored.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Question> due = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Viewer> it = viewers.values().iterator(); it.hasNext(); ) {
                Viewer viewer = it.next();
                if (!viewer.seen.plus(VIEWER_TTL).isAfter(now)) {
                    it.remove();
                    continue;
                }
                viewer.answers.keySet().retainAll(mirrored);
                for (String project : mirrored) {
                    Answer answer = viewer.answers.get(project);
                    if (answer == null || !answer.asked().plus(REFRESH_AGE).isAfter(now)) {
                        due.add(new Question(viewer.name.toLowerCase(Locale.ROOT), viewer.name, project,
                                answer == null ? Instant.MIN : answer.asked()));
                    }
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        due.sort(Comparator.comparing(Question::asked));
        JiraClient client = jira.client().orElse(null);
        int answered = 0;
        for (Question q : due.subList(0, Math.min(due.size(), MAX_QUESTIONS_PER_REFRESH))) {
            if (client == null || ask(client, q.viewer(), q.name(), q.project(), clock.instant()) == null) {
                synchronized (this) {
                    // Jira is not answering: views asking for runs now would only repeat the failure.
                    noRunRequestsUntil = clock.instant().plus(PAUSE_AFTER_FAILURE);
                }
                break;
            }
            answered++;
        }
        return answered;
    }

    /**
     * Asks the host's scheduler for a run on this node now, unless one is outstanding or Jira
     * just failed the last. Not a question to Jira: the view does not wait for it.
     */
    private void requestRun(Instant now) {
        synchronized (this) {
            if (now.isBefore(noRunRequestsUntil)
                    || runRequested != null && now.isBefore(runRequested.plus(RUN_REQUEST_TIMEOUT))) {
                return;
            }
            runRequested = now;
        }
        try {
            BrowseAccessJob.runSoon(scheduler);
        } catch (SchedulerServiceException | RuntimeException e) {
            // The minute's run still comes; the viewer waits for it as before.
            LOG.log(Level.WARNING, "Could not ask the scheduler for a run of the browse answers now", e);
        }
    }

    /**
     * Asks Jira and keeps its answer.
     *
     * @return whether the user may browse the project; null if Jira as a whole did not answer
     */
    private Boolean ask(JiraClient client, String key, String name, String project, Instant now) {
        boolean may;
        try {
            may = client.mayBrowse(name, project);
        } catch (JiraPermissionException | JiraNotFoundException | JiraBadRequestException e) {
            // Jira's answer about this one project (refused, unknown, or not ours to ask): it stays
            // hidden until the answer expires, and the other projects are still asked.
            LOG.log(Level.WARNING, "Jira did not say whether {0} may browse {1}: {2}",
                    new Object[]{name, project, e.getMessage()});
            may = false;
        } catch (JiraException e) {
            // Jira as a whole is not answering (down, slow, overloaded, token refused). The message
            // names the request and Jira's answer, never the token.
            LOG.log(Level.WARNING, "Jira did not say whether {0} may browse {1}: {2}",
                    new Object[]{name, project, e.getMessage()});
            return null;
        }
        remember(key, name, project, new Answer(may, now));
        return may;
    }

    private Viewer seen(String key, String name, Instant now) {
        Viewer viewer = viewers.get(key);
        if (viewer == null) {
            viewer = new Viewer(name, now);
            viewers.put(key, viewer);
            if (viewers.size() > MAX_VIEWERS) {
                viewers.remove(viewers.keySet().iterator().next());
            }
        }
        viewer.seen = now;
        return viewer;
    }

    private synchronized void remember(String key, String name, String project, Answer answer) {
        Viewer viewer = viewers.get(key);
        if (viewer == null) {
            viewer = seen(key, name, answer.asked());
        }
        viewer.answers.put(project, answer);
    }

    /** Whether a page view may ask Jira now, noting it if so. */
    private synchronized boolean mayAskOnView(String key, Instant now) {
        Viewer viewer = viewers.get(key);
        if (now.isBefore(quietUntil) || viewer == null || viewer.askedOnView.plus(ASK_SPACING).isAfter(now)) {
            return false;
        }
        viewer.askedOnView = now;
        return true;
    }

    private synchronized void pause(Instant now) {
        quietUntil = now.plus(PAUSE_AFTER_FAILURE);
    }
}
