package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import de.digitalstrategie.cockpit.testing.StoreFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One case in a loop, for a profiler: how the hot spots in benchmarks/RESULTS.md were found.
 * {@code java -XX:StartFlightRecording=filename=portfolio.jfr,settings=profile -cp … Profile portfolio 10000 30}
 * (case: portfolio, afresh (the portfolio after a change of the mirror), sync, register or minutes (a
 * minutes page with rows decision macros); rows; seconds), then {@code jfr print --events jdk.ExecutionSample}.
 * Prints the SQL statements one run sends and the mean time per run.
 */
public final class Profile {
    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int n = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path seed = Path.of(System.getProperty("cockpit.seed", "src/sandbox/seed/worms"));
        Database database = Postgres.fresh();
        try {
            Callable<Object> run;
            Runnable before = () -> { };
            AutoCloseable resource;
            if (which.equals("sync")) {
                JiraPortfolio setup = new JiraPortfolio(n, seed);
                resource = setup;
                SyncBench.fill(setup);
                int[] next = {0};
                run = () -> {
                    for (int i = 0; i < SyncBench.CHANGED; i++) {
                        setup.jira.touch("DIGI-" + (1 + (next[0]++ * 997) % n));
                    }
                    setup.jira.advance(java.time.Duration.ofMinutes(30));
                    return setup.sync.run(setup.client, setup.settings(), false).orElseThrow();
                };
            } else if (which.equals("portfolio") || which.equals("afresh")) {
                Portfolio100k.fill(database, seed, n);
                Sandbox sandbox = new Sandbox(database, Files.createTempDirectory("cockpit-profile"),
                        JiraPortfolio.VIEW_CLOCK);
                resource = sandbox;
                boolean afresh = which.equals("afresh");
                int[] round = {0};
                if (afresh) {
                    // As workload 1's "computed afresh": a change of the mirror before each view, not timed.
                    before = () -> PortfolioBench.changeOne(sandbox.projects, "DIGI-1", round[0]++);
                }
                run = () -> JiraPortfolio.render(sandbox, PortfolioBench.MACRO, PortfolioBench.VIEWER);
            } else if (which.equals("minutes")) {
                // Workload 6's page with n decision macros, rendered as its viewer sees it.
                Sandbox sandbox = new Sandbox(database, Files.createTempDirectory("cockpit-profile"),
                        JiraPortfolio.VIEW_CLOCK);
                resource = sandbox;
                sandbox.seedDemo(seed);
                var page = MinutesPageBench.page(sandbox, "Protokoll Sondersitzung", n, 0);
                sandbox.settle();
                Measure.Trial trial = MinutesPageBench.render(sandbox, page, n);
                run = () -> {
                    Object html = trial.run();
                    trial.check(html);
                    return html;
                };
            } else {
                StoreFixture store = new StoreFixture(database);
                resource = store;
                RegisterBench.fill(store, database, n);
                Set<Long> pages = RegisterBench.viewablePages();
                run = () -> store.decisions.query(new de.digitalstrategie.cockpit.register.RegisterQuery<>(
                        RegisterBench.FILTER, DecisionSort.NUMBER, SortOrder.DESC,
                        PageRequest.page(1, RegisterBench.PAGE_SIZE)), pages);
            }
            before.run();
            try (SqlCounter sql = new SqlCounter()) {
                run.call();
                System.out.println("SQL statements per run (after the first): measuring the next one");
            }
            java.util.logging.Logger log = java.util.logging.Logger.getLogger("net.java.ao");
            java.util.logging.Handler print = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    System.out.println("    SQL " + record.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            before.run();
            try (SqlCounter sql = new SqlCounter()) {
                if (Boolean.getBoolean("sql")) {
                    log.addHandler(print);
                }
                run.call();
                System.out.println("  " + sql.statements() + " statements logged by ActiveObjects 0.8.2");
            } finally {
                log.removeHandler(print);
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            int runs = 0;
            long wall = 0;
            long cpu = 0;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] each = new long[1 << 16];
            while (System.nanoTime() < end && runs < each.length) {
                before.run();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                run.call();
                each[runs] = System.nanoTime() - start;
                wall += each[runs];
                cpu += threads.getCurrentThreadCpuTime() - cpuStart;
                runs++;
            }
            long[] sorted = java.util.Arrays.copyOf(each, runs);
            java.util.Arrays.sort(sorted);
            System.out.printf("%d runs, %.2f ms each (median %.2f ms), %.2f ms of them this thread's CPU%n", runs,
                    wall / 1e6 / runs, sorted[runs / 2] / 1e6, cpu / 1e6 / runs);
            resource.close();
        } finally {
            if (Boolean.getBoolean("keep")) {
                System.out.println("kept schema " + database.schema());
            } else {
                Postgres.drop(database);
            }
        }
    }
}
