package de.digitalstrategie.cockpit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.digitalstrategie.cockpit.oparl.OParlPublisher;
import de.digitalstrategie.cockpit.oparl.PublishedObjectEntity;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workload 5: OParl's lists at 100,000 decisions and 5,000 meetings, as a transparency portal
 * pages through them: the interface over HTTP in the sandbox on PostgreSQL, reading what the
 * publisher wrote into its ledger. The ledger is filled like the publisher's: the demo's objects
 * published by it, then 5,000 more meetings (each embedding its 20 agenda items, as published
 * meetings do) and their 100,000 agenda items (one per decision), each a copy of a demo object of
 * its type under its own id, numbered on as the publisher numbers its lists. Baseline: the list's
 * count and page read by hand in JDBC as the interface read them before lists were numbered
 * (COUNT(*) and OFFSET). Then wrk,
 * a second process, puts 16 connections on the meetings list for 30 s.
 */
final class OParlBench {
    static final int WORKLOAD = 5;
    static final int MEETINGS = 5_000;
    static final int ITEMS_PER_MEETING = 20;
    private static final String ROOT = "/rest/cockpit/1.0/oparl/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OParlBench() {
    }

    static void run(Report report, Path seed, int warmup, int iterations, int wrkSeconds) throws Exception {
        Database database = Postgres.fresh();
        Path dir = Files.createTempDirectory("cockpit-oparl-bench");
        // A fixed clock: the ledger stays as recent as its last run (no 503), and no scheduled run
        // replaces the objects added below while measuring.
        try (Sandbox sandbox = new Sandbox(database, dir, JiraPortfolio.VIEW_CLOCK)) {
            sandbox.seedDemo(seed);
            sandbox.plugin.bean(OParlPublisher.class).publish();
            String table = sandbox.ao.qualifiedTable(PublishedObjectEntity.class);
            fill(database, table);
            Postgres.execute(database, "VACUUM ANALYZE " + table);
            SandboxServer server = new SandboxServer(sandbox, "127.0.0.1", 0);
            server.start();
            try (Connection jdbc = Postgres.connect(database)) {
                String base = "http://127.0.0.1:" + server.port() + ROOT;
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String meetings = base + "body/1/meetings";
                String items = base + "body/1/agendaItems";
                int itemTotal = total(http, items);
                int meetingTotal = total(http, meetings);
                int middle = itemTotal / 20 / 2;
                List<Samples> samples = Measure.interleave(warmup, iterations,
                        new Measure.Case("hand-written JDBC: count + page of 20 meetings", 1,
                                () -> handWritten(jdbc, table, "Meeting", 0)),
                        new Measure.Case("OParl meetings, page 1 of 20", 1, get(http, meetings)),
                        new Measure.Case("hand-written JDBC: count + page of 20 agenda items, middle", 1,
                                () -> handWritten(jdbc, table, "AgendaItem", (middle - 1) * 20)),
                        new Measure.Case("OParl agenda items, a page of 20 in the middle", 1,
                                get(http, items + "?page=" + middle)));
                report.comparison(WORKLOAD, String.format(Locale.ROOT, "meetings list, first page of 20 (of %,d "
                        + "meetings, 20 agenda items embedded in each), over HTTP", meetingTotal), samples.get(0),
                        samples.get(1));
                report.atMost(WORKLOAD, "OParl list page median (meetings, page 1)", samples.get(1), 15);
                report.comparison(WORKLOAD, String.format(Locale.ROOT, "agenda items list, page %,d of %,d, over "
                        + "HTTP", middle, (itemTotal + 19) / 20), samples.get(2), samples.get(3));
                report.atMost(WORKLOAD, "OParl list page median (agenda items, middle page)", samples.get(3), 15);
                report.fact(WORKLOAD, "ledger", String.format(Locale.ROOT, "%,d meetings, %,d agenda items (%,d rows "
                        + "in all, %.0f MB)", meetingTotal, itemTotal, rows(jdbc, table), size(jdbc, table) / 1e6));
                wrk(report, meetings, wrkSeconds);
            }
            server.close();
        } finally {
            Postgres.drop(database);
        }
    }

    private static Measure.Trial get(HttpClient http, String url) {
        return new Measure.Trial() {
            @Override
            public Object run() throws Exception {
                return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }

            @Override
            public void check(Object result) {
                @SuppressWarnings("unchecked")
                HttpResponse<byte[]> r = (HttpResponse<byte[]>) result;
                if (r.statusCode() != 200 || r.body().length < 1000) {
                    throw new IllegalStateException(url + " answered " + r.statusCode() + ": "
                            + new String(r.body(), StandardCharsets.UTF_8));
                }
            }
        };
    }

    private static int total(HttpClient http, String url) throws Exception {
        JsonNode page = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return page.path("pagination").path("totalElements").asInt();
    }

    /** The list's count and page by hand, as the interface read them before lists were numbered. */
    private static Object handWritten(Connection c, String table, String type, int offset) throws Exception {
        String where = " WHERE \"OBJECT_TYPE\" = ?" + (type.equals("Meeting") ? "" : " AND \"DELETED\" = false");
        int total;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
            s.setString(1, type);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getInt(1);
            }
        }
        List<String> page = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT \"ID\", \"OPARL_ID\", \"OBJECT_TYPE\", \"SCOPE\", "
                + "\"CREATED\", \"MODIFIED\", \"DELETED\", \"JSON_DE\" FROM " + table + where + " ORDER BY \"ID\" "
                + "LIMIT 20 OFFSET " + offset)) {
            s.setString(1, type);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    page.add(r.getString(8));
                }
            }
        }
        if (page.size() != 20 || total < 20) {
            throw new IllegalStateException("hand-written page of " + type + ": " + page.size() + " of " + total);
        }
        return page;
    }

    /** 5,000 meetings with 20 agenda items each, copies of the demo's published ones. */
    static void fill(Database database, String table) throws Exception {
        long start = System.nanoTime();
        try (Connection c = Postgres.connect(database)) {
            c.setAutoCommit(false);
            String[] meeting = template(c, table, "Meeting");
            String[] item = template(c, table, "AgendaItem");
            String scope = meeting[2];
            Instant now = JiraPortfolio.VIEW_CLOCK.instant();
            // Numbered on from the publisher's last positions, as it numbers what it adds.
            int[] itemAt = {last(c, table, "AgendaItem", null)};
            int[] meetingAt = {last(c, table, "Meeting", null), last(c, table, "Meeting", scope)};
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (\"OPARL_ID\", "
                    + "\"OBJECT_TYPE\", \"SCOPE\", \"CREATED\", \"MODIFIED\", \"DELETED\", \"HASH\", \"JSON_DE\", "
                    + "\"JSON_EN\", \"LIST_POSITION\", \"SCOPE_POSITION\") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int m = 0; m < MEETINGS; m++) {
                    String meetingId = String.valueOf(100_000 + m);
                    List<String[]> itemJson = new ArrayList<>();
                    for (int i = 0; i < ITEMS_PER_MEETING; i++) {
                        String itemId = meetingId + "-" + (i + 1);
                        String[] json = {retarget(item[0], "agendaItem/", itemId, "meeting/", meetingId),
                                retarget(item[1], "agendaItem/", itemId, "meeting/", meetingId)};
                        itemJson.add(json);
                        row(insert, "agendaItem/" + itemId, "AgendaItem", "", now, json, ++itemAt[0], 0);
                    }
                    String[] json = {embed(retarget(meeting[0], "meeting/", meetingId, null, null), itemJson, 0),
                            embed(retarget(meeting[1], "meeting/", meetingId, null, null), itemJson, 1)};
                    row(insert, "meeting/" + meetingId, "Meeting", scope, now, json, ++meetingAt[0], ++meetingAt[1]);
                    if (m % 100 == 99) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        System.out.printf("  ledger filled in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void row(PreparedStatement insert, String path, String type, String scope, Instant at,
                            String[] json, int position, int scopePosition) throws Exception {
        insert.setString(1, path);
        insert.setString(2, type);
        insert.setString(3, scope);
        insert.setTimestamp(4, Timestamp.from(at));
        insert.setTimestamp(5, Timestamp.from(at));
        insert.setBoolean(6, false);
        insert.setString(7, Integer.toHexString(path.hashCode()));
        insert.setString(8, json[0]);
        insert.setString(9, json[1]);
        insert.setInt(10, position);
        insert.setInt(11, scopePosition);
        insert.addBatch();
    }

    /** The last position the publisher gave in a list (of a type, in a scope if one is given). */
    private static int last(Connection c, String table, String type, String scope) throws Exception {
        String column = scope == null ? "\"LIST_POSITION\"" : "\"SCOPE_POSITION\"";
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table
                + " WHERE \"OBJECT_TYPE\" = ?" + (scope == null ? "" : " AND \"SCOPE\" = ?"))) {
            s.setString(1, type);
            if (scope != null) {
                s.setString(2, scope);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** [German JSON, English JSON, scope] of a demo object of the type that embeds or is embedded. */
    private static String[] template(Connection c, String table, String type) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT \"JSON_DE\", \"JSON_EN\", \"SCOPE\" FROM " + table
                + " WHERE \"OBJECT_TYPE\" = ? AND \"DELETED\" = false ORDER BY LENGTH(\"JSON_DE\") DESC LIMIT 1")) {
            s.setString(1, type);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("the demo published no " + type);
                }
                return new String[]{r.getString(1), r.getString(2), r.getString(3)};
            }
        }
    }

    /** The object's own id (and the meeting it names) set to the given ones. */
    private static String retarget(String json, String path, String id, String parentPath, String parentId)
            throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.put("id", node.path("id").asText().replaceFirst(Pattern.quote(path) + "[^/?]+$",
                Matcher.quoteReplacement(path + id)));
        if (parentPath != null && node.has("meeting")) {
            node.put("meeting", node.path("meeting").asText().replaceFirst(Pattern.quote(parentPath) + "[^/?]+$",
                    Matcher.quoteReplacement(parentPath + parentId)));
        }
        return JSON.writeValueAsString(node);
    }

    private static String embed(String meeting, List<String[]> items, int language) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(meeting);
        ArrayNode embedded = node.putArray("agendaItem");
        for (String[] item : items) {
            embedded.add(JSON.readTree(item[language]));
        }
        return JSON.writeValueAsString(node);
    }

    private static long rows(Connection c, String table) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long size(Connection c, String table) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(?::regclass)")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * wrk (Debian package {@code wrk}) as a second process: 16 connections on two threads for the
     * given seconds, with its latency distribution. Throughput and p99 are reported; every answer
     * must be a 200 and no socket may fail.
     */
    static void wrk(Report report, String url, int seconds) throws Exception {
        Path wrk = Path.of("/usr/bin/wrk");
        if (!Files.isExecutable(wrk)) {
            report.value(WORKLOAD, "wrk: 16 connections, " + seconds + " s on the meetings list", "not run: wrk is "
                    + "not installed (apt-get install wrk)", "0 errors", false);
            return;
        }
        Process p = new ProcessBuilder(wrk.toString(), "-t2", "-c16", "-d" + seconds + "s", "--timeout", "10s",
                "--latency", url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        System.out.println(out);
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        String p99 = find(out, "\\s99%\\s+([\\d.]+\\w+)");
        String p50 = find(out, "\\s50%\\s+([\\d.]+\\w+)");
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        long non2xx = Long.parseLong(orZero(out, "Non-2xx or 3xx responses:\\s+(\\d+)"));
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        long errors = non2xx + socketErrors;
        report.value(WORKLOAD, String.format(Locale.ROOT, "wrk (a second process): 16 connections, 2 threads, %d s "
                + "on the meetings list, page 1: throughput; latency p50 / p99", seconds), String.format(Locale.ROOT,
                "%.0f requests/s; %s / %s", rps, p50, p99), "— (reported)", null);
        report.value(WORKLOAD, "wrk: errors (non-2xx answers and socket errors) in " + String.format(Locale.ROOT,
                "%,d requests", requests), String.valueOf(errors), "0", errors == 0);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not in wrk's output (" + regex + "): " + text);
        }
        return m.group(1);
    }

    private static String orZero(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "0";
    }
}
