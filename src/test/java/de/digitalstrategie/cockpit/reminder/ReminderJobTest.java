package de.digitalstrategie.cockpit.reminder;

import de.digitalstrategie.cockpit.reminder.send.ReminderJob;
import com.atlassian.scheduler.config.RunMode;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxMailQueue.Sent;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The day's reminders as the plugin composes and sends them through the host's mail queue: who gets
 * what (the owner rule, the staff unit), only records on pages the recipient may view, each
 * person's language, escaped HTML, one message per person and day, opt-outs and the settings.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ReminderJobTest {
    private static final Pattern ITEM = Pattern.compile("<li><a href=\"[^\"]*\">((?:LK|BR)-[0-9]+) – ");

    private final StoreFixture f;
    private final ReminderJob job;
    private final ReminderSettingsStore settings;

    ReminderJobTest(DatabaseTarget target) {
        f = StoreFixture.on(target);
        new ReminderScenario(f);
        job = f.bean(ReminderJob.class);
        settings = f.bean(ReminderSettingsStore.class);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, Sent> byRecipient() {
        return f.host.mail.sent().stream().collect(Collectors.toMap(s -> s.to().replace("@worms-demo.invalid", ""),
                Function.identity()));
    }

    private static List<String> numbers(Sent mail) {
        Matcher m = ITEM.matcher(mail.body());
        List<String> numbers = new java.util.ArrayList<>();
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    @Test
    void eachResponsiblePersonHearsOfTheirDecisionsAndTheStaffUnitOfTheRest() {
        ReminderJob.Report report = job.sendToday().orElseThrow();

        assertEquals(new ReminderJob.Report(4, 0, 0, 0), report);
        Map<String, Sent> mail = byRecipient();
        assertEquals(ReminderScenario.RECIPIENTS, mail.keySet().stream().sorted().toList());
        // By user name, soonest first; the restricted page's decision named to someone who may view it.
        assertEquals(List.of("LK-1", "LK-6"), numbers(mail.get("leitung-innere")));
        // By the unit they manage; the same unit's decision on a page they may not view is never named.
        assertEquals(List.of("LK-2"), numbers(mail.get("leitung-finanzen")));
        assertFalse(mail.get("leitung-finanzen").body().contains("LK-5"));
        assertFalse(mail.get("leitung-finanzen").body().contains("Vertrauliche"));
        // The staff unit: the decision named after it, the one whose owner names no one, the unanswered input.
        for (String staff : List.of("cdo", "schriftfuehrung")) {
            assertEquals(List.of("LK-7", "LK-10", "LK-4", "BR-1"), numbers(mail.get(staff)), staff);
        }
    }

    @Test
    void eachMessageIsInTheRecipientsLanguageAndEscaped() {
        job.sendToday().orElseThrow();
        Map<String, Sent> mail = byRecipient();

        Sent english = mail.get("leitung-finanzen");
        assertEquals("Digital strategy cockpit: 1 reminder(s) for 27 Nov 2026", english.subject());
        assertTrue(english.body().startsWith("<!DOCTYPE html><html lang=\"en\">"), english.body());
        assertTrue(english.body().contains("due on 2 Dec 2026"), english.body());
        Sent german = mail.get("leitung-innere");
        assertEquals("Digitalstrategie-Cockpit: 2 Erinnerung(en) vom 27.11.2026", german.subject());
        assertTrue(german.body().contains("überfällig seit 24.11.2026 (3 Tage)"), german.body());
        assertTrue(german.body().contains("href=\"http://localhost:8080/pages/viewpage.action?pageId="), german.body());
        assertTrue(german.body().contains("href=\"http://localhost:8080/plugins/servlet/cockpit/reminders\""));
        assertEquals("text/html", german.mimeType());

        String staff = mail.get("cdo").body();
        assertTrue(staff.contains("Glasfaser &lt;img src=x onerror=alert(1)&gt; &amp; Schulen"), staff);
        assertTrue(staff.contains("Stadt Worms mit EWR AG &lt;script&gt;alert(2)&lt;/script&gt;"), staff);
        assertFalse(staff.contains("<img") || staff.contains("<script"), staff);
        assertTrue(staff.contains("eingegangen am 18.10.2026, wartet seit 40 Tagen"), staff);
    }

    @Test
    void aSecondRunOfTheSameDaySendsNothingAndTheNextDaySendsAgain() {
        job.sendToday().orElseThrow();
        assertEquals(new ReminderJob.Report(0, 4, 0, 0), job.sendToday().orElseThrow());
        assertEquals(4, f.host.mail.sent().size());

        try (StoreFixture tomorrow = f.node(java.time.Clock.offset(StoreFixture.CLOCK, Duration.ofDays(1)))) {
            assertEquals(4, tomorrow.bean(ReminderJob.class).sendToday().orElseThrow().sent());
            assertEquals(4, tomorrow.host.mail.sent().size());
        }
    }

    @Test
    void aPersonWhoSwitchedRemindersOffGetsNone() {
        settings.setOptedOut("schriftfuehrung", true);

        assertEquals(new ReminderJob.Report(3, 0, 1, 0), job.sendToday().orElseThrow());
        assertFalse(byRecipient().containsKey("schriftfuehrung"));

        settings.setOptedOut("schriftfuehrung", false);
        assertEquals(new ReminderJob.Report(1, 3, 0, 0), job.sendToday().orElseThrow());
        assertTrue(byRecipient().containsKey("schriftfuehrung"));
    }

    @Test
    void theWindowsAreSettings() {
        settings.save(new ReminderSettings(30, 5));

        job.sendToday().orElseThrow();
        Map<String, Sent> mail = byRecipient();
        assertEquals(List.of("LK-2", "LK-3"), numbers(mail.get("leitung-finanzen")));
        assertEquals(List.of("LK-7", "LK-10", "LK-4", "BR-1", "BR-2"), numbers(mail.get("cdo")));
        assertEquals(new ReminderSettings(30, 5), settings.load());
    }

    @Test
    void theJobRunsDailyOncePerCluster() {
        SandboxScheduler.Scheduled daily = f.scheduler.scheduledJobs().stream()
                .filter(j -> j.id().equals(ReminderJob.DAILY_JOB)).findFirst().orElseThrow();
        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, daily.runMode());
        assertEquals(Duration.ofDays(1).toMillis(), daily.intervalMs());
        assertEquals(java.time.Instant.parse("2026-11-28T07:00:00Z"), daily.nextRun().toInstant());
    }
}
