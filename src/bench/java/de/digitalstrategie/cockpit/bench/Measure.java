package de.digitalstrategie.cockpit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The timing loop: warm-up runs (not recorded), then measured runs, each timed on its own with
 * {@link System#nanoTime()}. Whatever a run needs beforehand (data to change, counters to reset)
 * is done by its {@link Trial#prepare()} outside the timed part.
 *
 * <p>A baseline and the plugin are measured interleaved, round by round ({@link #interleave}):
 * whatever else the machine does during the run then slows both alike, and their ratio holds even
 * where the absolute times wander.
 */
public final class Measure {
    /** One run of a case. */
    public interface Trial {
        /** Untimed work before each run, warm-up and measured alike. */
        default void prepare() throws Exception {
        }

        /** The timed work; its result is checked by {@link #check}, also untimed. */
        Object run() throws Exception;

        /** Fails the benchmark if a run computed something wrong: fast and wrong is no result. */
        default void check(Object result) throws Exception {
        }
    }

    /** A case of an interleaved measurement, run {@code perRound} times in each round. */
    public record Case(String name, int perRound, Trial trial) {
    }

    private Measure() {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Black hole: keeps results alive so the JIT cannot drop the work that made them. */
    private static volatile int sink;

    public static Samples time(String name, int warmup, int iterations, Trial trial) {
        return time(name, warmup, iterations, trial, i -> {
        });
    }

    /** @param afterEach called with each measured time (ns), untimed: progress, per-run side facts */
    public static Samples time(String name, int warmup, int iterations, Trial trial, Consumer<Long> afterEach) {
        for (int i = 0; i < warmup; i++) {
            once(name, trial);
        }
        long[] nanos = new long[iterations];
        long[] cpu = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long[] run = once(name, trial);
            nanos[i] = run[0];
            cpu[i] = run[1];
            afterEach.accept(nanos[i]);
        }
        return print(new Samples(name, nanos, cpu));
    }

    /**
     * Runs the cases in turn, round by round: first {@code warmupRounds} unrecorded rounds, then
     * {@code rounds} recorded ones.
     *
     * @return the samples of each case, in the order given
     */
    public static List<Samples> interleave(int warmupRounds, int rounds, Case... cases) {
        return interleave(warmupRounds, java.time.Duration.ZERO, rounds, cases);
    }

    /**
     * As {@link #interleave(int, int, Case...)}, and after the warm-up rounds each case runs on its
     * own for at least {@code warmupEach}: a case of a few milliseconds needs about a thousand runs
     * before the JIT has compiled its paths, which a few rounds beside a slow baseline do not give.
     */
    public static List<Samples> interleave(int warmupRounds, java.time.Duration warmupEach, int rounds,
                                           Case... cases) {
        for (int r = 0; r < warmupRounds; r++) {
            for (Case c : cases) {
                for (int i = 0; i < c.perRound(); i++) {
                    once(c.name(), c.trial());
                }
            }
        }
        for (Case c : cases) {
            long until = System.nanoTime() + warmupEach.toNanos();
            while (System.nanoTime() < until) {
                once(c.name(), c.trial());
            }
        }
        List<long[]> nanos = new ArrayList<>();
        List<long[]> cpu = new ArrayList<>();
        for (Case c : cases) {
            nanos.add(new long[rounds * c.perRound()]);
            cpu.add(new long[rounds * c.perRound()]);
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < cases.length; k++) {
                Case c = cases[k];
                for (int i = 0; i < c.perRound(); i++) {
                    long[] run = once(c.name(), c.trial());
                    nanos.get(k)[r * c.perRound() + i] = run[0];
                    cpu.get(k)[r * c.perRound() + i] = run[1];
                }
            }
        }
        List<Samples> samples = new ArrayList<>();
        for (int k = 0; k < cases.length; k++) {
            samples.add(print(new Samples(cases[k].name(), nanos.get(k), cpu.get(k))));
        }
        return samples;
    }

    /** @return the run's wall time and this thread's CPU time, both around {@code run()} only, in nanoseconds */
    private static long[] once(String name, Trial trial) {
        try {
            trial.prepare();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Object result = trial.run();
            long nanos = System.nanoTime() - start;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            trial.check(result);
            sink += System.identityHashCode(result);
            return new long[]{nanos, cpu};
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
    }

    private static Samples print(Samples samples) {
        System.out.printf("  %-62s median %10.3f ms  (p90 %.3f, min %.3f, n=%d; this thread's CPU %.3f ms)%n",
                samples.name(), samples.medianMillis(), samples.quantileMillis(0.9), samples.minMillis(),
                samples.count(), samples.cpuMedianMillis());
        return samples;
    }
}
