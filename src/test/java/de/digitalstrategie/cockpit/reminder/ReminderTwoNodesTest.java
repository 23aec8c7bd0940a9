package de.digitalstrategie.cockpit.reminder;

import de.digitalstrategie.cockpit.reminder.send.ReminderJob;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxMailQueue.Sent;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes of a cluster on one database sending the same days' reminders at the same moment,
 * again and again (the host's scheduler on both, retried runs, the administrators' button on
 * both): every person gets exactly one message per day, whichever node sends it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class ReminderTwoNodesTest {
    private static final int ROUNDS = 5;

    private final String target;
    private final MovableClock clock = new MovableClock();
    private final StoreFixture a;
    private final StoreFixture b;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    ReminderTwoNodesTest(DatabaseTarget target) {
        this.target = target.name();
        a = StoreFixture.on(target, clock);
        b = a.node(clock);
        new ReminderScenario(a);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        try {
            b.close();
        } finally {
            a.close();
        }
    }

    /** Runs the work on both nodes at once; returns how many runs crashed. */
    private int onBoth(java.util.function.Consumer<StoreFixture> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> runs = new ArrayList<>();
        for (StoreFixture node : List.of(a, b)) {
            runs.add(threads.submit(() -> {
                start.await();
                work.accept(node);
                return null;
            }));
        }
        int crashed = 0;
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                e.printStackTrace();
                crashed++;
            }
        }
        return crashed;
    }

    @Test
    void everyPersonGetsOneMessagePerDayWhicheverNodeSendsIt() throws Exception {
        int tried = 0;
        int crashed = 0;
        // Day one: both nodes press the button at once, again and again.
        for (int round = 0; round < ROUNDS; round++) {
            crashed += onBoth(node -> node.bean(ReminderJob.class).sendToday());
            tried += 2;
        }
        // Day two: the daily run falls due on both nodes' schedulers at once; then retries on both.
        clock.advance(Duration.ofHours(22));
        crashed += onBoth(node -> node.scheduler.runPending());
        tried += 2;
        for (int round = 0; round < ROUNDS; round++) {
            crashed += onBoth(node -> node.bean(ReminderJob.class).sendToday());
            tried += 2;
        }

        Map<String, Integer> perPersonAndDay = new HashMap<>();
        List<Sent> sent = new ArrayList<>(a.host.mail.sent());
        sent.addAll(b.host.mail.sent());
        for (Sent s : sent) {
            LocalDate day = s.at().atZone(ZoneOffset.UTC).toLocalDate();
            perPersonAndDay.merge(day + " " + s.to(), 1, Integer::sum);
        }
        int expected = 2 * ReminderScenario.RECIPIENTS.size();
        int duplicated = perPersonAndDay.values().stream().mapToInt(n -> n - 1).sum();
        int lost = expected - perPersonAndDay.size();
        System.out.printf("hardening two-nodes-reminders (%s): tried %d runs, messages %d, lost %d, duplicated %d, "
                + "crashed %d%n", target, tried, sent.size(), lost, duplicated, crashed);
        assertEquals(0, crashed);
        assertEquals(0, duplicated, perPersonAndDay.toString());
        assertEquals(0, lost, perPersonAndDay.toString());
        assertEquals(expected, sent.size());
        for (LocalDate day : List.of(ReminderScenario.TODAY, ReminderScenario.TODAY.plusDays(1))) {
            for (String person : ReminderScenario.RECIPIENTS) {
                assertEquals(1, perPersonAndDay.getOrDefault(day + " " + person + "@worms-demo.invalid", 0),
                        person + " on " + day);
            }
        }
    }
}
