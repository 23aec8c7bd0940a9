package de.digitalstrategie.cockpit.reminder.send;

import com.atlassian.core.task.MultiQueueTaskManager;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.reminder.Reminder;
import de.digitalstrategie.cockpit.reminder.ReminderPlanner;
import de.digitalstrategie.cockpit.reminder.store.ReminderClaims;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the day's reminders, as a job of the host's scheduler that runs once per cluster every
 * morning. Each node registers the runner on start; the host keeps one schedule for the cluster.
 * The run works under the reminders' cluster lock and claims each person's message in the database
 * before queuing it, so a run that the host starts twice (a second node, a retry after a failure,
 * the administrators' button) sends nothing twice on the same day.
 */
public final class ReminderJob implements JobRunner {
    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());
    static final JobRunnerKey RUNNER = JobRunnerKey.of("de.digitalstrategie.cockpit.reminders");
    public static final JobId DAILY_JOB = JobId.of("de.digitalstrategie.cockpit.reminders");
    static final Duration INTERVAL = Duration.ofDays(1);
    /** Early in the working day, before people open their mail. */
    static final LocalTime AT = LocalTime.of(7, 0);
    /** Confluence sends mail from its task queue of this name. */
    static final String MAIL_QUEUE = "mail";
    private static final String LOCK = "reminders";
    /** Long enough for another node's run of the same day to finish, which then leaves nothing to send. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /**
     * What a run did.
     *
     * @param sent       messages queued now
     * @param earlier    people whose message of the day had been sent before (another node, an earlier run)
     * @param optedOut   people who switched reminders off
     * @param noAddress  people the host knows no mail address for
     */
    public record Report(int sent, int earlier, int optedOut, int noAddress) {
        @Override
        public String toString() {
            return sent + " reminder(s) sent, " + earlier + " sent before, " + optedOut + " opted out, "
                    + noAddress + " without an address";
        }
    }

    private final SchedulerService scheduler;
    private final ReminderPlanner planner;
    private final ReminderMail mail;
    private final ReminderClaims claims;
    private final ReminderSettingsStore settings;
    private final UserManager users;
    private final LocaleResolver locales;
    private final MultiQueueTaskManager tasks;
    private final ClusterLocks locks;
    private final Clock clock;

    public ReminderJob(SchedulerService scheduler, ReminderPlanner planner, ReminderMail mail, ReminderClaims claims,
                       ReminderSettingsStore settings, UserManager users, LocaleResolver locales,
                       MultiQueueTaskManager tasks, ClusterLocks locks, Clock clock) {
        this.scheduler = scheduler;
        this.planner = planner;
        this.mail = mail;
        this.claims = claims;
        this.settings = settings;
        this.users = users;
        this.locales = locales;
        this.tasks = tasks;
        this.locks = locks;
        this.clock = clock;
    }

    /** Plugin start (Spring init-method): this node's runner, the cluster's daily schedule. */
    public void register() throws SchedulerServiceException {
        scheduler.registerJobRunner(RUNNER, this);
        // At a fixed time of day, so that restarting nodes does not keep putting it off.
        ZonedDateTime next = ZonedDateTime.now(clock).with(AT);
        if (!next.toInstant().isAfter(clock.instant())) {
            next = next.plusDays(1);
        }
        scheduler.scheduleJob(DAILY_JOB, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.forInterval(INTERVAL.toMillis(), Date.from(next.toInstant()))));
    }

    /** Plugin stop (Spring destroy-method); the cluster's schedule stays for the other nodes. */
    public void unregister() {
        scheduler.unregisterJobRunner(RUNNER);
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        try {
            Optional<Report> report = sendToday();
            return report.isPresent() ? JobRunnerResponse.success(report.get().toString())
                    : JobRunnerResponse.aborted("Another node is sending today's reminders");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reminders could not be sent; the next run tries again", e);
            return JobRunnerResponse.failed(e);
        }
    }

    /** Sends today's reminders not sent yet; empty if another node held the lock throughout. */
    public Optional<Report> sendToday() {
        LocalDate today = LocalDate.now(clock);
        return locks.tryRun(LOCK, LOCK_WAIT, () -> send(today));
    }

    private Report send(LocalDate today) {
        int sent = 0;
        int earlier = 0;
        int optedOut = 0;
        int noAddress = 0;
        for (Reminder r : planner.plan(today, settings.load())) {
            if (settings.optedOut(r.userKey())) {
                optedOut++;
                continue;
            }
            UserProfile user = users.getUserProfile(new UserKey(r.userKey()));
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                noAddress++;
                continue;
            }
            if (!claims.claim(today, r.userKey(), r.items())) {
                earlier++;
                continue;
            }
            Locale locale = locales.getLocale(user.getUserKey());
            tasks.addTask(MAIL_QUEUE, new SingleMailQueueItem(mail.write(r, user.getEmail(), user.getFullName(),
                    locale == null ? Locale.GERMAN : locale, today)));
            sent++;
        }
        return new Report(sent, earlier, optedOut, noAddress);
    }
}
