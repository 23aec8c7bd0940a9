package de.digitalstrategie.cockpit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.schema.CockpitSchema;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;

/**
 * Workload 1 at 100,000 projects: the store filled by bulk insert (the rows a sync would write),
 * the macro measured in a child JVM limited to -Xmx256m ({@link PortfolioHeap}).
 */
final class Portfolio100k {
    static final int WORKLOAD = 1;
    static final String HEAP = "-Xmx256m";

    private Portfolio100k() {
    }

    static void run(Report report, Path seedDir, int n, int warmup, int iterations) throws Exception {
        Database database = Postgres.fresh();
        try {
            List<Data.Project> projects = fill(database, seedDir, n);
            String caption = PortfolioBench.expectedCaption(projects);
            projects = null;
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), HEAP, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), PortfolioHeap.class.getName(), database.url(),
                    database.user(), database.password(), database.schema(), String.valueOf(warmup),
                    String.valueOf(iterations), caption));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("RESULT ")) {
                        result = line.substring("RESULT ".length());
                    } else {
                        System.out.println("  [child] " + line.strip());
                    }
                }
            }
            int exit = child.waitFor();
            String label = String.format(Locale.ROOT, "%,d", n);
            if (exit != 0 || result == null) {
                report.value(WORKLOAD, "peak heap, portfolio macro at " + label + " projects (child JVM " + HEAP + ")",
                        "child JVM exited with " + exit + (exit == 3 ? " (OutOfMemoryError)" : ""), "< 256 MB", false);
                return;
            }
            JsonNode json = new ObjectMapper().readTree(result);
            long[] nanos = new long[json.get("millis").size()];
            long[] cpu = new long[nanos.length];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = Math.round(json.get("millis").get(i).asDouble() * 1e6);
                cpu[i] = Math.round(json.get("cpuMillis").get(i).asDouble() * 1e6);
            }
            Samples samples = new Samples("portfolio macro, " + n + " projects, child JVM " + HEAP, nanos, cpu);
            report.atMost(WORKLOAD, "portfolio macro median computed afresh, " + label + " projects (child JVM "
                    + HEAP + ", one project saved before each view)", samples, 40);
            long peak = json.get("peakHeapUsedBytes").asLong();
            report.value(WORKLOAD, "peak heap, portfolio macro at " + label + " projects (child JVM " + HEAP + ")",
                    mb(peak), "< 256 MB", peak < 256L * 1024 * 1024);
            report.fact(WORKLOAD, "child JVM at " + label + " projects", String.format(Locale.ROOT,
                    "max heap %s; peak (each heap pool's peak since the warm-up, summed: an upper bound) as in the "
                            + "table; most live right after a collection %s; most used before one %s; %d collections "
                            + "in %d ms over %d renders; %s allocated per render (median)",
                    mb(json.get("maxHeapBytes").asLong()), mb(json.get("maxLiveAfterGcBytes").asLong()),
                    mb(json.get("maxUsedBeforeGcBytes").asLong()), json.get("collections").asLong(),
                    json.get("gcMillis").asLong(), nanos.length, mb(json.get("allocatedBytesPerRenderMedian").asLong())));
        } finally {
            Postgres.drop(database);
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static final List<String> COLUMNS = List.of("ISSUE_KEY", "TITLE", "DESCRIPTION", "GOALS", "PARTICIPANTS",
            "OWNERS", "RISKS", "FUNDING_SOURCE", "START_DATE", "END_DATE", "BUDGET_CENTS", "FUNDING_CENTS", "STATUS",
            "PHASE", "HEALTH", "DEPARTMENT_KEY", "FIELD_OF_ACTION_KEY", "JIRA_PROJECT", "JIRA_UPDATED", "ISSUE_ID",
            "SEARCH_TEXT");

    /** The organisation and n projects, as the sync would have written them, in one transaction. */
    static List<Data.Project> fill(Database database, Path seedDir, int n) throws Exception {
        long start = System.nanoTime();
        Postgres.Organisation organisation;
        String table;
        String sums;
        String columns;
        try (HostActiveObjects ao = HostActiveObjects.open(database, CockpitSchema.NAMESPACE)) {
            ao.migrate(CockpitSchema.entityArray());
            organisation = Postgres.Organisation.seed(new OrganisationStore(ao, new de.digitalstrategie.cockpit.store.ChangeStamps(ao)), seedDir);
            // Written as the fork writes names: schema-qualified, quoted (upper case) on PostgreSQL.
            table = ao.qualifiedTable(ProjectEntity.class);
            sums = ao.qualifiedTable(de.digitalstrategie.cockpit.portfolio.store.PortfolioSumEntity.class);
            columns = COLUMNS.stream().map(ao::identifier).collect(java.util.stream.Collectors.joining(", "));
        }
        List<Data.Project> projects = new ArrayList<>(n);
        Timestamp updated = Timestamp.from(JiraPortfolio.VIEW_CLOCK.instant().minusSeconds(86_400));
        try (Connection c = Postgres.connect(database)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                    + String.join(",", java.util.Collections.nCopies(COLUMNS.size(), "?")) + ")")) {
                for (int i = 1; i <= n; i++) {
                    Data.Project p = Data.project(i, organisation.fields(), organisation.departments());
                    projects.add(p);
                    int k = 1;
                    insert.setString(k++, "DIGI-" + i);
                    insert.setString(k++, p.title());
                    insert.setString(k++, p.description());
                    insert.setString(k++, p.goals());
                    insert.setString(k++, p.participants());
                    insert.setString(k++, "");
                    insert.setString(k++, p.risks());
                    insert.setString(k++, p.fundingSource());
                    insert.setTimestamp(k++, new Timestamp(toDate(p.start()).getTime()));
                    insert.setTimestamp(k++, new Timestamp(toDate(p.end()).getTime()));
                    insert.setLong(k++, p.budgetCents());
                    insert.setLong(k++, p.fundingCents());
                    insert.setString(k++, "PLANNED");
                    insert.setString(k++, p.phase().name());
                    insert.setString(k++, p.health().name());
                    insert.setString(k++, p.departmentKey());
                    insert.setString(k++, p.fieldKey());
                    insert.setString(k++, "DIGI");
                    insert.setTimestamp(k++, updated);
                    insert.setString(k++, String.valueOf(10_000 + i));
                    insert.setString(k, ProjectStore.searchText(p.title(), "DIGI-" + i, ""));
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        // Rows written around the store: its summed figures are built from them, as the upgrade task builds them.
        try (HostActiveObjects ao = HostActiveObjects.open(database, CockpitSchema.NAMESPACE)) {
            ProjectStore.rebuildSums(ao, Data.TODAY);
        }
        // Statistics of both tables, as autovacuum gathers them after so many new rows (within a minute
        // or so): without them the planner takes the summed rows for one and sorts where it would hash.
        Postgres.execute(database, "ANALYZE " + table);
        Postgres.execute(database, "ANALYZE " + sums);
        System.out.printf("  %,d projects inserted in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        return projects;
    }
}
