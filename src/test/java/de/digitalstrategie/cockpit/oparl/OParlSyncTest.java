package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.committee.AgendaItem;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OParl as a transparency portal uses it over time: a full walk, then changes to the registers
 * (an edit, a meeting withdrawn, minutes made confidential, a member's consent withdrawn, an agenda
 * item added), then an incremental sync with {@code modified_since} — which must end with exactly
 * what a new full walk gives. On H2 and on PostgreSQL, through real HTTP.
 */
class OParlSyncTest {
    private static final String ROOT = "/rest/cockpit/1.0/oparl/";
    private static final List<String> LISTS = List.of("organizations", "persons", "memberships", "meetings",
            "agendaItems", "locations");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static List<DatabaseTarget> databases() {
        return DatabaseTarget.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIncrementalSyncEndsWithWhatAFullWalkGives(DatabaseTarget target) throws Exception {
        MovableClock clock = new MovableClock();
        Path dir = Files.createTempDirectory("cockpit-oparl-sync");
        try (Sandbox s = new Sandbox(target.fresh(), dir, clock)) {
            s.seedDemo(Path.of("src/sandbox/seed/worms"));
            OParlPublisher publisher = s.plugin.bean(OParlPublisher.class);
            // Never public: a meeting kept internal, and one public only between two runs.
            Meeting internal = s.committee.save(new Meeting(0, WormsDemo.STEERING, "LK 2026/I", "Interne Runde",
                    LocalDate.of(2026, 12, 1), "", 0, false));
            assertTrue(publisher.publish() >= 0);
            SandboxServer server = new SandboxServer(s, "127.0.0.1", 0);
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.port() + ROOT;
                Map<String, JsonNode> client = fullWalk(base);
                everyObjectCarriesItsTimes(client.values());
                String since = latestModified(client.values());
                Map<String, JsonNode> before = new HashMap<>(client);

                // The changes, a minute later.
                clock.advance(Duration.ofMinutes(1));
                List<Meeting> publicMeetings = s.committee.meetings(WormsDemo.STEERING).stream()
                        .filter(m -> before.containsKey(base + "meeting/" + m.id())).toList();
                Meeting edited = publicMeetings.get(0);
                s.committee.save(new Meeting(edited.id(), edited.bodyKey(), edited.number(), edited.title() + " (neu)",
                        edited.date(), edited.location(), edited.pageId(), true));
                Meeting withdrawn = publicMeetings.get(1);
                s.committee.save(new Meeting(withdrawn.id(), withdrawn.bodyKey(), withdrawn.number(),
                        withdrawn.title(), withdrawn.date(), withdrawn.location(), withdrawn.pageId(), false));
                Meeting restricted = publicMeetings.stream().filter(m -> m.pageId() > 0 && m != edited)
                        .filter(m -> m.id() != withdrawn.id()).findFirst().orElseThrow();
                s.pages.restrict(restricted.pageId(), Set.of("cdo"));
                Meeting extended = publicMeetings.stream().filter(m -> m.id() != edited.id()
                        && m.id() != withdrawn.id() && m.id() != restricted.id()).findFirst().orElseThrow();
                s.committee.add(new AgendaItem(0, extended.id(), 99, "TOP 99", "Verschiedenes", true));
                Member leaving = s.committee.members(WormsDemo.STEERING).stream().filter(Member::publishConsent)
                        .filter(m -> s.committee.seatsOf(m.userKey()).stream().filter(Member::publishConsent).count() == 1)
                        .findFirst().orElseThrow();
                s.committee.save(new Member(leaving.bodyKey(), leaving.userKey(), leaving.displayName(), leaving.role(),
                        leaving.sector(), leaving.departmentKey(), false));
                Meeting briefly = s.committee.save(new Meeting(internal.id(), internal.bodyKey(), internal.number(),
                        internal.title(), internal.date(), "", 0, true));
                s.committee.save(new Meeting(briefly.id(), briefly.bodyKey(), briefly.number(), briefly.title(),
                        briefly.date(), "", 0, false));
                assertTrue(publisher.publish() > 0);

                // The incremental sync: only what changed since, tombstones included.
                int fetched = 0;
                for (String list : LISTS) {
                    for (JsonNode o : walkList(base + "body/1/" + list + "?modified_since="
                            + URLEncoder.encode(since, StandardCharsets.UTF_8))) {
                        client.put(o.path("id").asText(), o);
                        fetched++;
                    }
                }
                assertTrue(fetched < before.size() / 2, "an incremental sync fetches the changes, not everything: "
                        + fetched);
                Map<String, JsonNode> full = fullWalk(base);
                assertEquals(live(full), live(client), "after the incremental sync the client holds what a full walk gives");
                everyObjectCarriesItsTimes(full.values());

                // The withdrawn, the restricted and the person without consent are tombstones, not 404.
                String personId = new OParlSettings(s.settings).personId(leaving.userKey());
                for (String id : List.of(base + "meeting/" + withdrawn.id(), base + "meeting/" + restricted.id(),
                        base + "person/" + personId)) {
                    HttpResponse<String> r = get(id, Map.of());
                    assertEquals(200, r.statusCode(), id);
                    JsonNode tombstone = JSON.readTree(r.body());
                    assertEquals(Set.of("id", "type", "created", "modified", "deleted"), names(tombstone), id);
                    assertTrue(tombstone.path("deleted").asBoolean());
                    assertEquals(before.get(id).path("created"), tombstone.path("created"), id + ": created kept");
                    assertTrue(after(tombstone.path("modified").asText(), since), id + ": modified is the withdrawal");
                    assertEquals(tombstone, client.get(id), id + ": the sync brought the tombstone");
                    assertEquals(List.of(), new OParlSchemas().validate(tombstone), id);
                }
                // The membership of the member without consent is gone; their organisation moved.
                assertEquals(404, get(base + "membership/" + WormsDemo.STEERING + "/" + personId, Map.of()).statusCode());
                JsonNode steering = full.get(base + "organization/" + WormsDemo.STEERING);
                assertTrue(after(steering.path("modified").asText(), since), "the organisation lost a membership");
                // The edit and the added agenda item moved their meetings; nothing else moved.
                assertTrue(full.get(base + "meeting/" + edited.id()).path("name").asText().endsWith("(neu)"));
                assertTrue(after(full.get(base + "meeting/" + extended.id()).path("modified").asText(), since));
                for (Map.Entry<String, JsonNode> e : before.entrySet()) {
                    JsonNode now = full.get(e.getKey());
                    if (now != null && now.path("modified").equals(e.getValue().path("modified"))) {
                        assertEquals(e.getValue(), now, e.getKey() + " changed without its modified moving");
                    }
                }
                // What was never public never appears, not even as a tombstone or in a count.
                assertEquals(404, get(base + "meeting/" + internal.id(), Map.of()).statusCode());
                assertFalse(full.containsKey(base + "meeting/" + internal.id()));
                JsonNode meetings = JSON.readTree(get(base + "body/1/meetings", Map.of()).body());
                assertEquals(before.keySet().stream().filter(k -> k.contains("/meeting/")).count(),
                        meetings.at("/pagination/totalElements").asLong(), "withdrawn meetings count as tombstones, "
                                + "the never-public one not at all");

                // The order is that of first publication: page 1 of a list is what it was.
                filtersAndErrors(base, since);
                gzip(base);
            } finally {
                server.close();
            }
        }
    }

    private static void filtersAndErrors(String base, String since) throws Exception {
        String list = base + "body/1/meetings";
        String encoded = URLEncoder.encode(since, StandardCharsets.UTF_8);
        JsonNode until = JSON.readTree(get(list + "?modified_until=" + encoded + "&elementsPerPage=2", Map.of()).body());
        for (JsonNode m : until.path("data")) {
            assertFalse(after(m.path("modified").asText(), since), m.path("id").asText());
        }
        assertEquals(list + "?elementsPerPage=2&modified_until=" + encoded + "&page=2",
                until.at("/links/next").asText(), "the filter is kept in the links");
        JsonNode created = JSON.readTree(get(list + "?created_since=" + encoded, Map.of()).body());
        assertEquals(0, created.at("/pagination/totalElements").asInt(), "nothing was first published since");
        for (String bad : List.of("created_since=gestern", "modified_until=2026-13-01T00:00:00Z",
                "modified_since=2026-01-01")) {
            HttpResponse<String> r = get(list + "?" + bad, Map.of());
            assertEquals(400, r.statusCode(), bad);
            JsonNode error = JSON.readTree(r.body());
            assertEquals("https://schema.oparl.org/1.1/Error", error.path("type").asText(), bad);
            assertFalse(error.path("message").asText().isBlank(), bad);
            assertFalse(error.path("debug").asText().isBlank(), bad);
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), bad);
        }
    }

    private static void gzip(String base) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "body/1/agendaItems"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(get(base + "body/1/agendaItems", Map.of()).body(), unzipped);
        HttpResponse<String> plain = get(base + "body/1/agendaItems", Map.of());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no gzip unless asked");
        assertTrue(plain.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
    }

    // ---------------------------------------------------------------- the client

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every object of the body's lists, tombstones included, by id. */
    private static Map<String, JsonNode> fullWalk(String base) throws Exception {
        Map<String, JsonNode> all = new TreeMap<>();
        for (String list : LISTS) {
            for (JsonNode o : walkList(base + "body/1/" + list)) {
                all.put(o.path("id").asText(), o);
            }
        }
        for (String single : List.of("system", "body/1")) {
            JsonNode o = JSON.readTree(get(base + single, Map.of()).body());
            all.put(o.path("id").asText(), o);
        }
        return all;
    }

    private static List<JsonNode> walkList(String url) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String next = url;
        while (next != null) {
            HttpResponse<String> r = get(next, Map.of());
            assertEquals(200, r.statusCode(), next + ": " + r.body());
            JsonNode page = JSON.readTree(r.body());
            page.path("data").forEach(items::add);
            next = page.at("/links").has("next") ? page.at("/links/next").asText() : null;
        }
        return items;
    }

    /**
     * What the client keeps: every object, but a sub-object (agenda item, membership, place) only
     * while a live main object still embeds it — OParl removes sub-objects without tombstones and
     * moves their main object instead.
     */
    private static Map<String, JsonNode> live(Map<String, JsonNode> objects) {
        Set<String> embedded = new HashSet<>();
        for (JsonNode o : objects.values()) {
            if (!o.path("deleted").asBoolean()) {
                for (String property : List.of("agendaItem", "membership", "location")) {
                    JsonNode v = o.path(property);
                    if (v.isArray()) {
                        v.forEach(e -> embedded.add(e.isObject() ? e.path("id").asText() : e.asText()));
                    } else if (v.isObject()) {
                        embedded.add(v.path("id").asText());
                    }
                }
            }
        }
        return objects.entrySet().stream().filter(e -> !isSub(e.getValue()) || embedded.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static boolean isSub(JsonNode o) {
        String type = o.path("type").asText();
        return type.endsWith("/AgendaItem") || type.endsWith("/Membership") || type.endsWith("/Location");
    }

    /** created and modified on every object, embedded ones included, modified never before created. */
    private static void everyObjectCarriesItsTimes(Iterable<JsonNode> objects) {
        for (JsonNode o : objects) {
            String id = o.path("id").asText();
            assertTrue(o.hasNonNull("created") && o.hasNonNull("modified"), id + " lacks its times");
            assertFalse(after(o.path("created").asText(), o.path("modified").asText()), id);
            for (Iterator<JsonNode> values = o.elements(); values.hasNext(); ) {
                JsonNode v = values.next();
                if (v.isObject() && v.has("type")) {
                    everyObjectCarriesItsTimes(List.of(v));
                } else if (v.isArray()) {
                    List<JsonNode> inner = new ArrayList<>();
                    v.forEach(e -> {
                        if (e.isObject() && e.has("type")) {
                            inner.add(e);
                        }
                    });
                    everyObjectCarriesItsTimes(inner);
                }
            }
        }
    }

    private static String latestModified(Iterable<JsonNode> objects) {
        String latest = null;
        for (JsonNode o : objects) {
            String m = o.path("modified").asText();
            if (latest == null || after(m, latest)) {
                latest = m;
            }
        }
        // The client asks for what changed after the newest it holds.
        return OffsetDateTime.parse(latest).plusNanos(1_000_000).toString();
    }

    private static boolean after(String a, String b) {
        return OffsetDateTime.parse(a).isAfter(OffsetDateTime.parse(b));
    }

    private static Set<String> names(JsonNode o) {
        Set<String> names = new HashSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
