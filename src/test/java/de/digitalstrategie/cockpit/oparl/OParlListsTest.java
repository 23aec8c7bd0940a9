package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publisher numbers every list, and a page is the range of positions it covers: the numbering
 * stays dense and in the order of first publication when agenda items leave their list and come
 * back, a tombstone keeps its place, and a ledger an earlier version wrote without positions is
 * served only once a run has numbered it. On H2 and on PostgreSQL, through real HTTP.
 */
class OParlListsTest {
    private static final String ROOT = "/rest/cockpit/1.0/oparl/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static List<DatabaseTarget> databases() {
        return DatabaseTarget.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void agendaItemsLeaveTheirListAndComeBackToTheirPlace(DatabaseTarget target) throws Exception {
        Path dir = Files.createTempDirectory("cockpit-oparl-lists");
        try (Sandbox s = new Sandbox(target.fresh(), dir, new MovableClock())) {
            s.seedDemo(Path.of("src/sandbox/seed/worms"));
            OParlPublisher publisher = s.plugin.bean(OParlPublisher.class);
            assertTrue(publisher.publish() >= 0);
            SandboxServer server = new SandboxServer(s, "127.0.0.1", 0);
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.port() + ROOT;
                String items = base + "body/1/agendaItems?elementsPerPage=7";
                String steering = base + "organization/" + WormsDemo.STEERING + "/meetings?elementsPerPage=3";
                List<JsonNode> published = objects(items);
                List<String> before = ids(published);
                List<String> steeringBefore = walk(steering);
                // The meeting of the earliest agenda item on a minutes page: the items after its own move up.
                Meeting meeting = published.stream().map(o -> o.path("meeting").asText())
                        .flatMap(id -> s.committee.meetings(WormsDemo.STEERING).stream()
                                .filter(m -> id.equals(base + "meeting/" + m.id()) && m.pageId() > 0))
                        .findFirst().orElseThrow();
                List<String> its = ids(published.stream().filter(o -> o.path("meeting").asText()
                        .equals(base + "meeting/" + meeting.id())).toList());
                assertFalse(its.isEmpty());
                assertTrue(before.indexOf(its.get(its.size() - 1)) < before.size() - 1, "items follow its own");

                s.pages.restrict(meeting.pageId(), Set.of("cdo"));
                assertTrue(publisher.publish() > 0);
                List<String> without = new ArrayList<>(before);
                without.removeAll(its);
                assertEquals(without, walk(items), "its agenda items left, the others kept their order, no gap");
                assertEquals(steeringBefore, walk(steering), "the meeting stays in its lists as a tombstone");

                s.pages.restrict(meeting.pageId(), Set.of());
                assertTrue(publisher.publish() > 0);
                assertEquals(before, walk(items), "back at their old place");
                assertEquals(steeringBefore, walk(steering));
            } finally {
                server.close();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLedgerWithoutPositionsIsServedOnlyOnceARunHasNumberedIt(DatabaseTarget target) throws Exception {
        Path dir = Files.createTempDirectory("cockpit-oparl-lists");
        try (Sandbox s = new Sandbox(target.fresh(), dir, new MovableClock())) {
            s.seedDemo(Path.of("src/sandbox/seed/worms"));
            OParlPublisher publisher = s.plugin.bean(OParlPublisher.class);
            assertTrue(publisher.publish() >= 0);
            SandboxServer server = new SandboxServer(s, "127.0.0.1", 0);
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.port() + ROOT;
                List<String> lists = List.of(base + "body/1/meetings?elementsPerPage=4",
                        base + "body/1/agendaItems?elementsPerPage=9", base + "body/1/persons?elementsPerPage=3",
                        base + "organization/" + WormsDemo.ADVISORY + "/meetings?elementsPerPage=2");
                List<List<String>> before = new ArrayList<>();
                for (String list : lists) {
                    before.add(walk(list));
                }

                // The ledger as the version before numbered lists left it: no positions (a null
                // reads 0), and its freshness under a key of its own.
                s.ao.executeInTransaction(() -> {
                    for (PublishedObjectEntity e : s.ao.find(PublishedObjectEntity.class)) {
                        e.setListPosition(0);
                        e.setScopePosition(0);
                        e.save();
                    }
                    return null;
                });
                s.settings.createGlobalSettings().remove(OParlSettings.PUBLISHED_AT);
                assertEquals(503, get(lists.get(0)).statusCode(), "not served before a run has numbered it");

                publisher.publish();
                for (int i = 0; i < lists.size(); i++) {
                    assertEquals(before.get(i), walk(lists.get(i)), lists.get(i));
                }
            } finally {
                server.close();
            }
        }
    }

    private static List<String> walk(String url) throws Exception {
        return ids(objects(url));
    }

    private static List<String> ids(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("id").asText()).toList();
    }

    /**
     * Every page of a list, checking what OParl asks of each: the same total on every page, full
     * pages but the last, links.next on every page but the last, no object twice.
     */
    private static List<JsonNode> objects(String url) throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        String next = url;
        int total = -1;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = get(next);
            assertEquals(200, r.statusCode(), next + ": " + r.body());
            JsonNode page = JSON.readTree(r.body());
            pages++;
            if (total < 0) {
                total = page.at("/pagination/totalElements").asInt();
            }
            assertEquals(total, page.at("/pagination/totalElements").asInt(), next);
            assertEquals(pages, page.at("/pagination/currentPage").asInt(), next);
            int perPage = page.at("/pagination/elementsPerPage").asInt();
            boolean last = pages == page.at("/pagination/totalPages").asInt();
            if (!last) {
                assertEquals(perPage, page.path("data").size(), next + ": a full page");
            }
            assertEquals(!last, page.at("/links").has("next"), next);
            page.path("data").forEach(objects::add);
            next = last ? null : page.at("/links/next").asText();
        }
        assertEquals(total, objects.size(), url + ": the total is what the pages hold");
        assertEquals(objects.size(), Set.copyOf(ids(objects)).size(), url + ": no object twice");
        return objects;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
