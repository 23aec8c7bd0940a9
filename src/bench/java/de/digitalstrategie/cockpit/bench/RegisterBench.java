package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.register.store.RecordEntity;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.register.store.ProjectLinkEntity;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.query.CoveringPages;
import de.digitalstrategie.cockpit.query.ViewablePages;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.testing.StoreFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Workload 4: one page of the decision register (50 of the decided, not withdrawn decisions on the
 * minutes pages the viewer may see, newest number first, with the total) from 100,000 decisions on
 * 10,000 minutes pages, 9,000 of which the viewer may see, on PostgreSQL: DecisionStore.query
 * against the same count and page written by hand in JDBC.
 */
final class RegisterBench {
    static final int WORKLOAD = 4;
    static final int PAGES = 10_000;
    static final int PAGE_SIZE = 50;
    static final RegisterFilter<DecisionStatus, DecisionCriteria> FILTER = new RegisterFilter<>(null, null,
            Set.of(DecisionStatus.DECIDED), null, null, false, null);
    private static final String[] OWNERS = {"Stabsstelle Digitalisierung", "Bereich 1 – Zentrale Dienste",
            "Bereich 3 – Planen und Bauen", "Bereich 4 – Soziales", "Bereich 5 – Ordnung und Umwelt", "Schulamt",
            "Kämmerei", "Personalamt", "Bürgerbüro", "Stadtbibliothek"};

    private RegisterBench() {
    }

    static void run(Report report, int n, int warmup, int iterations) throws Exception {
        Database database = Postgres.fresh();
        try (StoreFixture store = new StoreFixture(database)) {
            fill(store, database, n);
            // The viewer may see 9,000 of the 10,000 minutes pages (the others are restricted), as
            // Confluence's permission check answers them page by page (not timed: the host's work).
            ViewablePages viewablePages = viewablePages();
            String table = store.ao.qualifiedTable(DecisionEntity.class);
            try (Connection jdbc = Postgres.connect(database)) {
                List<Object> expected = handWritten(jdbc, table, viewablePages);
                List<Samples> samples = Measure.interleave(warmup, iterations,
                        new Measure.Case("hand-written JDBC: count + page", 1,
                                () -> handWritten(jdbc, table, viewablePages)),
                        new Measure.Case("DecisionStore.query", 1, new Measure.Trial() {
                            @Override
                            public Object run() {
                                return store.decisions.query(new RegisterQuery<>(FILTER, DecisionSort.NUMBER,
                                        SortOrder.DESC, PageRequest.page(1, PAGE_SIZE)), viewablePages);
                            }

                            @Override
                            public void check(Object result) {
                                @SuppressWarnings("unchecked")
                                RegisterPage<Decision, ?> page = (RegisterPage<Decision, ?>) result;
                                List<Long> ids = page.page().items().stream().map(Decision::id).toList();
                                if (page.page().total() != (Integer) expected.get(0) || !ids.equals(expected.get(1))) {
                                    throw new IllegalStateException("register page differs from the hand-written "
                                            + "query: " + page.page().total() + " " + ids + " vs " + expected);
                                }
                            }
                        }));
                Samples baseline = samples.get(0);
                Samples plugin = samples.get(1);
                report.overhead(WORKLOAD, String.format(Locale.ROOT, "filtered, sorted page of %d with its total "
                        + "(%,d), %,d decisions", PAGE_SIZE, (Integer) expected.get(0), n), baseline, plugin, 2);
                report.below(WORKLOAD, "DecisionStore.query median", plugin, 20);
                report.fact(WORKLOAD, "query", String.format(Locale.ROOT, "status DECIDED, not withdrawn, on "
                        + "%,d of %,d minutes pages, ORDER BY DECISION_NUMBER DESC, first page of 50. The plugin "
                        + "names the %,d pages the viewer may not see (`PAGE_ID >= lowest AND PAGE_ID <= highest AND "
                        + "(PAGE_SEQ IS NULL OR PAGE_SEQ <= last placement read) AND PAGE_ID NOT IN (%,d parameters)`: "
                        + "the checked pages' bounds and the last placement written in, the hidden pages bound; "
                        + "before, one parameter per viewable page); it also reads "
                        + "the page's project links and what supersedes its decisions (two more queries)",
                        viewablePages.size(), PAGES, viewablePages.hidden().size(), viewablePages.hidden().size()));
                report.fact(WORKLOAD, "plan of the page query", plan(jdbc, table, viewablePages, false));
                report.fact(WORKLOAD, "plan of the count", plan(jdbc, table, viewablePages, true));
            }
        } finally {
            Postgres.drop(database);
        }
    }

    /**
     * The viewer may see 9 of every 10 minutes pages. Every decision lies on one of them, so they
     * cover the decisions as the register's {@code pageIds()} would.
     */
    static ViewablePages viewablePages() {
        List<Long> minutes = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            minutes.add(pageId(p));
        }
        return ViewablePages.of(new CoveringPages(RecordKind.DECISION.name(), minutes, RecordEntity.PAGE_SEQ, 0),
                id -> id % 10 != 7);
    }

    static long pageId(int page) {
        return 200_000L + page;
    }

    /**
     * The register's condition by hand, in PostgreSQL's SQL on the schema as Atlassian's AO lays it
     * out there: quoted upper-case names.
     */
    private static String where(ViewablePages viewable) {
        return "\"PAGE_ID\" >= " + pageId(0) + " AND \"PAGE_ID\" <= " + pageId(PAGES - 1)
                + " AND (\"PAGE_SEQ\" IS NULL OR \"PAGE_SEQ\" <= 0) AND \"PAGE_ID\" NOT IN ("
                + viewable.hidden().stream().map(v -> "?").collect(Collectors.joining(","))
                + ") AND \"WITHDRAWN\" = ? AND \"STATUS\" IN (?)";
    }

    private static int bind(PreparedStatement s, ViewablePages viewable) throws Exception {
        int k = 1;
        for (Long id : viewable.hidden().stream().sorted().toList()) {
            s.setLong(k++, id);
        }
        s.setBoolean(k++, false);
        s.setString(k++, DecisionStatus.DECIDED.name());
        return k;
    }

    /** The same count and page by hand: [total, ids of the page], every column of the page's rows read. */
    static List<Object> handWritten(Connection c, String table, ViewablePages viewable) throws Exception {
        int total;
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE "
                + where(viewable))) {
            bind(count, viewable);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                total = r.getInt(1);
            }
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement page = c.prepareStatement("SELECT * FROM " + table + " WHERE " + where(viewable)
                + " ORDER BY \"DECISION_NUMBER\" DESC, \"DECISION_NUMBER\" DESC LIMIT " + PAGE_SIZE + " OFFSET 0")) {
            bind(page, viewable);
            try (ResultSet r = page.executeQuery()) {
                ResultSetMetaData md = r.getMetaData();
                Object[] row = new Object[md.getColumnCount()];
                while (r.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    ids.add(r.getLong("id"));
                }
            }
        }
        return List.of(total, ids);
    }

    private static String plan(Connection c, String table, ViewablePages viewable, boolean count) throws Exception {
        String sql = count ? "SELECT COUNT(*) FROM " + table + " WHERE " + where(viewable)
                : "SELECT * FROM " + table + " WHERE " + where(viewable)
                + " ORDER BY \"DECISION_NUMBER\" DESC, \"DECISION_NUMBER\" DESC LIMIT " + PAGE_SIZE + " OFFSET 0";
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql)) {
            bind(s, viewable);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String line = r.getString(1).replaceAll("\\(\\$\\d+(,\\$\\d+)+\\)", "(…)")
                            .replaceAll("\\$\\d+(, \\$\\d+)+", "…").replaceAll("'\\{[^}]*}'", "'{…}'");
                    lines.add(line.strip().replaceFirst("^->\\s*", ""));
                }
            }
        }
        return "`" + String.join(" → ", lines) + "`";
    }

    /** 100,000 decisions of 10,000 meetings (one minutes page each) over 17 years, with their project links. */
    static void fill(StoreFixture store, Database database, int n) throws Exception {
        long start = System.nanoTime();
        String decisions = store.ao.qualifiedTable(DecisionEntity.class);
        String links = store.ao.qualifiedTable(ProjectLinkEntity.class);
        SplittableRandom r = new SplittableRandom(7);
        DecisionStatus[] statuses = DecisionStatus.values();
        int[] weights = {10, 5, 50, 10, 10, 10, 5}; // PROPOSED .. REVOKED, in percent
        int perPage = n / PAGES;
        try (Connection c = Postgres.connect(database)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + decisions + " (\"MACRO_ID\", "
                    + "\"DECISION_NUMBER\", \"TITLE\", \"DECISION_TEXT\", \"STATUS\", \"VOTE\", \"MEETING_ID\", "
                    + "\"AGENDA_ITEM_ID\", \"OWNER\", \"DUE_DATE\", \"SUCCESSOR\", \"PAGE_ID\", \"PAGE_VERSION\", "
                    + "\"SPACE_KEY\", \"PAGE_TITLE\", \"WITHDRAWN\", \"PUBLISHED\", \"MEETING_DATE\", "
                    + "\"STATUS_CONFLICT\") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement link = c.prepareStatement("INSERT INTO " + links
                         + " (\"SUBJECT_TYPE\", \"SUBJECT_ID\", \"ISSUE_KEY\") VALUES (?,?,?)")) {
                for (int i = 0; i < n; i++) {
                    int page = i / perPage;
                    LocalDate meeting = meeting(page);
                    int w = r.nextInt(100);
                    int s = 0;
                    for (int acc = weights[0]; w >= acc; acc += weights[++s]) {
                    }
                    DecisionStatus status = statuses[s];
                    int k = 1;
                    insert.setString(k++, new UUID(r.nextLong(), r.nextLong()).toString());
                    insert.setString(k++, number(i, perPage));
                    insert.setString(k++, "Beschluss " + (i + 1) + " zur Digitalisierung von " + OWNERS[r.nextInt(
                            OWNERS.length)]);
                    insert.setString(k++, "Der Lenkungskreis beschließt " + "die Umsetzung der Maßnahme ".repeat(
                            10 + r.nextInt(20)));
                    insert.setString(k++, status.name());
                    insert.setString(k++, status == DecisionStatus.PROPOSED ? "" : (5 + r.nextInt(4)) + "/"
                            + r.nextInt(3) + "/" + r.nextInt(2));
                    insert.setLong(k++, page + 1);
                    insert.setLong(k++, i + 1);
                    insert.setString(k++, OWNERS[r.nextInt(OWNERS.length)]);
                    insert.setTimestamp(k++, Timestamp.from(meeting.plusDays(90).atStartOfDay(ZoneOffset.UTC)
                            .toInstant()));
                    insert.setString(k++, status == DecisionStatus.SUPERSEDED || status == DecisionStatus.REVOKED
                            ? number(Math.min(n - 1, i + 500), perPage) : "");
                    insert.setLong(k++, pageId(page));
                    insert.setInt(k++, 1 + r.nextInt(5));
                    insert.setString(k++, "LK");
                    insert.setString(k++, "Protokoll der " + (page + 1) + ". Sitzung");
                    insert.setBoolean(k++, r.nextInt(50) == 0);
                    insert.setBoolean(k++, true);
                    insert.setTimestamp(k++, Timestamp.from(meeting.atStartOfDay(ZoneOffset.UTC).toInstant()));
                    insert.setString(k, null);
                    insert.addBatch();
                    for (int l = r.nextInt(4); l > 0; l--) {
                        link.setString(1, RecordKind.DECISION.name());
                        link.setLong(2, i + 1);
                        link.setString(3, "DIGI-" + (1 + r.nextInt(10_000)));
                        link.addBatch();
                    }
                    if ((i + 1) % 1000 == 0) {
                        insert.executeBatch();
                        link.executeBatch();
                    }
                }
                insert.executeBatch();
                link.executeBatch();
            }
            c.commit();
            // The links name decision i by the id i + 1: the ids must have come out as 1 .. n.
            try (var s = c.createStatement(); ResultSet max = s.executeQuery("SELECT MIN(\"ID\"), MAX(\"ID\") FROM "
                    + decisions)) {
                max.next();
                if (max.getLong(1) != 1 || max.getLong(2) != n) {
                    throw new IllegalStateException("decision ids are not 1.." + n);
                }
            }
        }
        Postgres.execute(database, "VACUUM ANALYZE " + decisions, "VACUUM ANALYZE " + links);
        System.out.printf("  %,d decisions inserted in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    /** The pages' meetings spread over 17 years. */
    private static LocalDate meeting(int page) {
        return LocalDate.of(2010, 1, 15).plusDays(page * 6_000L / PAGES);
    }

    /** Decision i's number: the year of its meeting and a running number. */
    private static String number(int i, int perPage) {
        return String.format(Locale.ROOT, "LK-%d-%06d", meeting(i / perPage).getYear(), i + 1);
    }
}
