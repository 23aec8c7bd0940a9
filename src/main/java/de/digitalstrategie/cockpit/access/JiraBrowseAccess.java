package de.digitalstrategie.cockpit.access;

import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraBadRequestException;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraNotFoundException;
import de.digitalstrategie.cockpit.jira.client.JiraPermissionException;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mirrored Jira projects the viewer may see: those Jira lets the user of the same name browse.
 * Confluence and Jira of a city administration share one user directory, so the Confluence user
 * name is the Jira user name.
 *
 * <p>Jira is asked once per user and project ({@link JiraClient#mayBrowse}) and the answer kept
 * for {@link #FRESH}, so a view of the portfolio costs no request to Jira. If Jira cannot answer,
 * an answer younger than {@link #STALE_LIMIT} still counts and otherwise the project stays hidden:
 * a Jira outage hides projects rather than showing them to someone Jira would refuse. After a
 * failure Jira is left alone for {@link #PAUSE_AFTER_FAILURE}, so views do not wait for timeouts.
 *
 * <p>Without a configured Jira connection there is nobody to ask. If the mirror never came from
 * Jira (demo data before Jira is connected), signed-in users see it all: the portfolio is internal
 * to the administration. Once a sync has run, the mirror holds Jira's data, and with the connection
 * removed it stays hidden until Jira can be asked again. Anonymous visitors never see projects.
 */
public class JiraBrowseAccess implements ProjectAccess {
    static final Duration FRESH = Duration.ofMinutes(5);
    static final Duration STALE_LIMIT = Duration.ofHours(1);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final int MAX_ANSWERS = 20_000;
    private static final Logger LOG = Logger.getLogger(JiraBrowseAccess.class.getName());

    private final UserManager users;
    private final ProjectStore projects;
    private final JiraConnector jira;
    private final ProjectSync sync;
    private final Clock clock;
    private final Map<Question, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);
    private Instant quietUntil = Instant.MIN;

    private record Question(String user, String project) {
    }

    private record Answer(boolean mayBrowse, Instant asked) {
    }

    public JiraBrowseAccess(UserManager users, ProjectStore projects, JiraConnector jira, ProjectSync sync,
                            Clock clock) {
        this.users = users;
        this.projects = projects;
        this.jira = jira;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public Set<String> visibleJiraProjects() {
        UserProfile user = users.getRemoteUser();
        if (user == null || user.getUsername() == null) {
            return Set.of();
        }
        Set<String> mirrored = projects.jiraProjects();
        if (mirrored.isEmpty()) {
            return mirrored;
        }
        if (!jira.settings().configured()) {
            return sync.status().startedAt() == null ? mirrored : Set.of();
        }
        String name = user.getUsername().toLowerCase(Locale.ROOT);
        Set<String> visible = new HashSet<>();
        JiraClient client = null;
        for (String project : mirrored) {
            Question question = new Question(name, project);
            Instant now = clock.instant();
            Optional<Answer> known = known(question);
            if (known.isPresent() && known.get().asked().plus(FRESH).isAfter(now)) {
                if (known.get().mayBrowse()) {
                    visible.add(project);
                }
                continue;
            }
            boolean asked = false;
            if (!quiet(now)) {
                try {
                    client = client != null ? client : jira.clientWhilePersonWaits().orElseThrow();
                    boolean may = client.mayBrowse(user.getUsername(), project);
                    remember(question, new Answer(may, now));
                    asked = true;
                    if (may) {
                        visible.add(project);
                    }
                } catch (JiraPermissionException | JiraNotFoundException | JiraBadRequestException e) {
                    // Jira's answer about this one project (refused, unknown, or not ours to ask): it stays
                    // hidden until the answer expires, and the other projects are still asked.
                    remember(question, new Answer(false, now));
                    asked = true;
                    LOG.log(Level.WARNING, "Jira did not say whether {0} may browse {1}: {2}",
                            new Object[]{user.getUsername(), project, e.getMessage()});
                } catch (JiraException | java.util.NoSuchElementException e) {
                    // Jira as a whole is not answering (down, slow, overloaded, token refused): leave it alone.
                    pause(now);
                    // The message names the request and Jira's answer, never the token.
                    LOG.log(Level.WARNING, "Jira did not say whether {0} may browse {1}: {2}",
                            new Object[]{user.getUsername(), project, e.getMessage()});
                }
            }
            if (!asked && known.isPresent() && known.get().mayBrowse()
                    && known.get().asked().plus(STALE_LIMIT).isAfter(now)) {
                visible.add(project);
            }
        }
        return Set.copyOf(visible);
    }

    private synchronized Optional<Answer> known(Question question) {
        return Optional.ofNullable(answers.get(question));
    }

    private synchronized void remember(Question question, Answer answer) {
        answers.put(question, answer);
        if (answers.size() > MAX_ANSWERS) {
            answers.remove(answers.keySet().iterator().next());
        }
    }

    private synchronized boolean quiet(Instant now) {
        return now.isBefore(quietUntil);
    }

    private synchronized void pause(Instant now) {
        quietUntil = now.plus(PAUSE_AFTER_FAILURE);
    }
}
