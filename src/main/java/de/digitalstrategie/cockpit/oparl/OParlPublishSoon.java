package de.digitalstrategie.cockpit.oparl;

import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RecordListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks for a publication soon after a record changes, so that a decision reaches OParl within
 * seconds rather than at the next minute's run. It never publishes itself: it is told inside the
 * writer's transaction, and a publication there would hold the writer up and read nothing the
 * writer has not yet committed. It schedules {@link OParlPublisher}'s job on this node a few
 * seconds ahead instead, which is after the writer's commit, and once for a burst of changes (a
 * minutes page records many). Should scheduling fail, the minute's run still publishes the change.
 */
public final class OParlPublishSoon implements RecordListener {
    private static final Logger LOG = Logger.getLogger(OParlPublishSoon.class.getName());
    static final JobId SOON_JOB = JobId.of("de.digitalstrategie.cockpit.oparl-publish-soon");
    /** Far longer than a writer's transaction lasts, far shorter than the minute's run. */
    static final Duration DELAY = Duration.ofSeconds(5);

    private final SchedulerService scheduler;
    private final Clock clock;
    /** When the run last asked for is due; a change before then is published by that run. */
    private Instant pendingUntil = Instant.MIN;

    public OParlPublishSoon(SchedulerService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void changed(RecordKind kind, long id) {
        Instant now = clock.instant();
        Instant due = now.plus(DELAY);
        synchronized (this) {
            if (pendingUntil.isAfter(now)) {
                return;
            }
            pendingUntil = due;
        }
        try {
            scheduler.scheduleJob(SOON_JOB, JobConfig.forJobRunnerKey(OParlPublisher.RUNNER)
                    .withRunMode(RunMode.RUN_LOCALLY).withSchedule(Schedule.runOnce(Date.from(due))));
        } catch (SchedulerServiceException | RuntimeException e) {
            synchronized (this) {
                pendingUntil = Instant.MIN;
            }
            LOG.log(Level.WARNING, "No early OParl publication scheduled; the minute's run publishes the change", e);
        }
    }

    /** Plugin stop (Spring destroy-method): no run is left for a runner that is gone. */
    public void unschedule() {
        scheduler.unscheduleJob(SOON_JOB);
    }
}
