package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.sandbox.ao.Database;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark suite: {@code mvn -Pstandalone,bench verify} (README.md, "Benchmarks"). Writes
 * benchmarks/RESULTS.md and benchmarks/results.json.
 *
 * <p>A plain main, not JMH: the cases are whole requests of milliseconds to seconds against a
 * database and an HTTP server, with setups (10,000 issues in Jira, 100,000 rows) that take longer
 * than the measurements; JMH's forks would repeat those setups per benchmark and blow the time
 * budget, and its nanosecond machinery buys nothing at this scale. Each case is warmed up and then
 * timed run by run; the figures are medians.
 *
 * <p>Arguments: the output directory, then optionally which workloads to run ("1 3") and "quick"
 * (fewer runs, for trying the suite out; not for the results file).
 */
public final class Benchmarks {
    static final String COMMAND = "mvn -Pstandalone,bench verify";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks");
        Set<String> options = Arrays.stream(args).skip(1).flatMap(a -> Arrays.stream(a.split("[,\\s]+")))
                .filter(a -> !a.isBlank()).collect(Collectors.toSet());
        boolean quick = options.remove("quick");
        Set<String> only = options;
        int q = quick ? 5 : 1;
        Path seed = Path.of(System.getProperty("cockpit.seed", "src/sandbox/seed/worms"));
        long started = System.nanoTime();

        Report report = new Report();
        machine(report);
        report.workload(1, "Portfolio at 10,000 and 100,000 projects", "The `digital-portfolio` macro as a "
                + "signed-in user views it: storage format through the sandbox's renderer, PortfolioMacro, "
                + "ProjectStore (the summed figures of the selected groups, one sorted page of 25 rows) and the "
                + "real Velocity templates, on PostgreSQL. Headline: the view computed "
                + "afresh, as after every change of the mirror (one project is saved before each view, so nothing "
                + "the node computed before is reused); beside it the view the node keeps while the mirror is "
                + "unchanged. Filter: three of the five phases (about 80 % of the projects); grouped by field of "
                + "action; sorted by budget, descending. Baseline: what Confluence's Jira Issues macro does on "
                + "every view of a page: read the same 10,000 issues from Jira (the Jira double, over HTTP on "
                + "127.0.0.1) a page of 1,000 at a time (Jira's cap) and print them all as an HTML table. At "
                + "100,000 projects (bulk-inserted) the macro runs in a child JVM with -Xmx256m. Last, the first "
                + "view of a user whose permissions the plugin has not asked Jira for yet, with 50 Jira projects "
                + "mirrored: the requests to Jira on the render path, counted on the Jira double.");
        report.workload(2, "Incremental sync", "ProjectSync.run(full = false) after 10 of the 10,000 mirrored "
                + "issues changed in the Jira double, on PostgreSQL; every HTTP request counted on the double. "
                + "Baseline: a full sync of the same 10,000 issues (ProjectSync.run(full = true)).");
        report.workload(3, "Storage-format extraction", "StorageFormatReader finding every `committee-decision` "
                + "and `advisory-input` macro (parameters, bodies as markup and as text) in one page, as the page "
                + "sync does on every publish. Baseline: one bare StAX pass over the same page that does nothing "
                + "with the events: same wrapper, same document type with HTML's entities, same parser settings.");
        report.workload(4, "Register query on PostgreSQL at 100,000 decisions", "DecisionStore.query: a filtered, "
                + "sorted page of 50 decisions with its total, as the decision register asks for it, over 10,000 "
                + "minutes pages of which the viewer may see 9,000. Baseline: the same count and page written by "
                + "hand in JDBC (same WHERE, ORDER BY, LIMIT, every column of the page read), on one open "
                + "connection.");
        report.workload(5, "OParl at 100,000 decisions and 5,000 meetings", "The OParl interface over HTTP in the "
                + "sandbox on PostgreSQL, as a transparency portal pages through its lists: every answer is read "
                + "from the ledger the publisher writes (OPARL_OBJECT), a page at a time. The ledger holds the "
                + "demo's objects as the publisher wrote them and 5,000 more meetings with 100,000 agenda items "
                + "(one per decision, 20 embedded in each meeting), copies of the demo's under ids of their own. "
                + "The publisher numbers each list, so a page is a range of positions and the count one row. "
                + "Baseline: the list's count and page read by hand in JDBC as the interface read them before "
                + "(`COUNT(*)` of the list, `OFFSET`). Then wrk (Debian's `wrk`), a second "
                + "process, puts 16 connections on the meetings list for 30 s.");
        report.workload(6, "A minutes page with 30 decision macros", "A steering-committee minutes page with 30 "
                + "`committee-decision` macros rendered as a staff member views it (the sandbox's renderer, the "
                + "decision macro, the register, the real Velocity template), on PostgreSQL, every decision recorded "
                + "by the register through the page's save. Baseline: the same page with one decision macro.");

        boolean postgres = Postgres.available();
        if (!postgres) {
            System.err.println("PostgreSQL is not available: workloads 1, 2 and 4 need it (apt-get install "
                    + "postgresql; the build starts it, see src/test/postgres/postgres.sh)");
        }
        try {
            if (only.isEmpty() || only.contains("3")) {
                section("3. storage-format extraction");
                attempt(report, 3, () -> StorageFormatBench.run(report, 10 / q + 1, 30 / q + 1));
            }
            if (postgres && (only.isEmpty() || only.contains("1") || only.contains("2"))) {
                section("1 and 2. portfolio of 10,000 projects mirrored from Jira; syncs");
                JiraPortfolio setup = new JiraPortfolio(10_000, seed);
                try {
                    attempt(report, 2, () -> {
                        SyncBench.fill(setup);
                        if (only.isEmpty() || only.contains("2")) {
                            SyncBench.run(report, setup, 1, 3, 8 / q + 1);
                        }
                    });
                    if (only.isEmpty() || only.contains("1")) {
                        attempt(report, 1, () -> {
                            // Four full syncs in a row leave four dead versions of every row; autovacuum
                            // would clear them within a minute or so. Cleared here, so the portfolio is
                            // measured on the table as it normally is, not on a freshly bloated one.
                            Postgres.execute(setup.database, "VACUUM ANALYZE "
                                    + setup.sandbox.ao.qualifiedTable(de.digitalstrategie.cockpit.portfolio.store.ProjectEntity.class));
                            Postgres.execute(setup.database, "VACUUM ANALYZE " + setup.sandbox.ao.qualifiedTable(
                                    de.digitalstrategie.cockpit.portfolio.store.PortfolioSumEntity.class));
                            PortfolioBench.run(report, setup, 3 / q + 1, 7 / q + 1, 7);
                        });
                    }
                } finally {
                    setup.close();
                }
            }
            if (postgres && (only.isEmpty() || only.contains("1"))) {
                section("1. portfolio of 100,000 projects in a child JVM (-Xmx256m)");
                attempt(report, 1, () -> Portfolio100k.run(report, seed, 100_000, 10 / q, 20 / q));
                section("1. the first view with a cold permission cache, 50 Jira projects");
                attempt(report, 1, () -> ColdPermissions.run(report, seed, 3 / q + 1, 15 / q + 1));
            }
            if (postgres && (only.isEmpty() || only.contains("5"))) {
                section("5. OParl, 5,000 meetings and 100,000 agenda items; wrk");
                attempt(report, 5, () -> OParlBench.run(report, seed, 10 / q, 40 / q, quick ? 5 : 30));
            }
            if (postgres && (only.isEmpty() || only.contains("6"))) {
                section("6. a minutes page with 30 decision macros");
                attempt(report, 6, () -> MinutesPageBench.run(report, seed, 10 / q + 1, 40 / q + 1));
            }
            if (postgres && (only.isEmpty() || only.contains("4"))) {
                section("4. decision register, 100,000 decisions");
                attempt(report, 4, () -> RegisterBench.run(report, 100_000, 20 / q, 60 / q));
            }
        } finally {
            report.machine("load average after", loadAverage());
            report.machine("duration of the run", String.format("%.0f s", (System.nanoTime() - started) / 1e9));
            report.write(out, COMMAND + (only.isEmpty() && !quick ? "" : " -Dbench.args=\"" + String.join(" ",
                    args).substring(args[0].length()).strip() + "\""));
            System.out.println("Results: " + out.resolve("RESULTS.md"));
        }
        // The sandbox's and the double's pools: nothing left to wait for.
        System.exit(0);
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void attempt(Report report, int workload, Body body) {
        try {
            body.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            report.failed(workload, e);
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void machine(Report report) throws IOException {
        report.machine("date", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                .withNano(0)) + " UTC");
        report.machine("processors (JVM)", Runtime.getRuntime().availableProcessors());
        report.machine("CPU", cpu());
        report.machine("memory", memory());
        report.machine("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.machine("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        report.machine("JVM options", "`" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                + "`");
        if (Postgres.available()) {
            Database db = Postgres.fresh();
            report.machine("database", Postgres.version(db) + " on 127.0.0.1 (src/test/postgres/postgres.sh: "
                    + "fsync=off, default shared_buffers)");
            Postgres.drop(db);
        }
        report.machine("load average before", loadAverage());
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("MemTotal")).map(l -> String.format("%.1f GB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
