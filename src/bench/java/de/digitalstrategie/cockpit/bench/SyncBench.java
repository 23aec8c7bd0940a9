package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.jira.sync.SyncStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Workload 2: the mirror of 10,000 issues kept up to date. Baseline: a full sync (every issue read
 * over HTTP and written). Measured: the incremental sync after 10 issues changed in Jira, with the
 * requests it made counted on the Jira double.
 */
final class SyncBench {
    static final int WORKLOAD = 2;
    static final int CHANGED = 10;

    private SyncBench() {
    }

    /** The first full sync, which fills the mirror (untimed here: it is the cold one). */
    static void fill(JiraPortfolio setup) {
        long start = System.nanoTime();
        SyncStatus status = setup.sync.run(setup.client, setup.settings(), false).orElseThrow();
        check(status, setup.projects.size(), true);
        System.out.printf("  first (cold) full sync of %d issues: %.1f s%n", status.read(),
                (System.nanoTime() - start) / 1e9);
    }

    static void run(Report report, JiraPortfolio setup, int warmupRounds, int rounds, int incrementalPerRound) {
        int n = setup.projects.size();
        int[] fullRequests = new int[1];
        List<Integer> requests = new ArrayList<>();
        int[] next = {0};
        List<Samples> samples = Measure.interleave(warmupRounds, rounds,
                new Measure.Case("full sync, " + n + " issues", 1, new Measure.Trial() {
                    @Override
                    public void prepare() {
                        setup.jira.advance(Duration.ofMinutes(30));
                        setup.jira.resetCounts();
                    }

                    @Override
                    public Object run() {
                        return setup.sync.run(setup.client, setup.settings(), true).orElseThrow();
                    }

                    @Override
                    public void check(Object status) {
                        SyncBench.check((SyncStatus) status, n, true);
                        fullRequests[0] = setup.jira.requests().size();
                    }
                }),
                new Measure.Case("incremental sync, " + CHANGED + " of " + n + " changed", incrementalPerRound,
                        new Measure.Trial() {
                            @Override
                            public void prepare() {
                                // Ten issues are edited, and the next sync runs half an hour later: the
                                // edits before the previous sync lie outside its 5-minute overlap.
                                for (int i = 0; i < CHANGED; i++) {
                                    setup.jira.touch("DIGI-" + (1 + (next[0]++ * 997) % n));
                                }
                                setup.jira.advance(Duration.ofMinutes(30));
                                setup.jira.resetCounts();
                            }

                            @Override
                            public Object run() {
                                return setup.sync.run(setup.client, setup.settings(), false).orElseThrow();
                            }

                            @Override
                            public void check(Object status) {
                                SyncBench.check((SyncStatus) status, CHANGED, false);
                                requests.add(setup.jira.requests().size());
                            }
                        }));
        Samples full = samples.get(0);
        Samples incremental = samples.get(1);
        int most = requests.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int least = requests.stream().mapToInt(Integer::intValue).min().orElseThrow();
        report.fraction(WORKLOAD, "incremental sync after " + CHANGED + " of " + String.format(Locale.ROOT, "%,d", n)
                + " issues changed (baseline: full sync)", full, incremental, 1);
        report.value(WORKLOAD, "HTTP requests per incremental sync (counted on the Jira double)",
                most == least ? String.valueOf(most) : least + " to " + most, "≤ 2", most <= 2);
        report.fact(WORKLOAD, "HTTP requests per full sync", fullRequests[0]);
    }

    private static void check(SyncStatus status, int read, boolean full) {
        if (!status.lastError().isEmpty() || status.read() != read || status.full() != full || status.rejected() != 0) {
            throw new IllegalStateException("sync went wrong: " + status);
        }
    }
}
