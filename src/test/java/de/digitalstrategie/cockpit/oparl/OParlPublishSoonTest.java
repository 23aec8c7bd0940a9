package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A register change reaches OParl seconds after it is saved, not at the next minute's run: the
 * write asks for a publication on this node a few seconds ahead, and publishes nothing itself.
 * The clock is the sandbox's own and only moves when the test moves it, so the minute's run never
 * falls due here.
 */
class OParlPublishSoonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static List<DatabaseTarget> databases() {
        return DatabaseTarget.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRecordChangeIsPublishedSoonAfterItsSaveAndNotWithinIt(DatabaseTarget target) throws Exception {
        MovableClock clock = new MovableClock();
        Path dir = Files.createTempDirectory("cockpit-oparl-soon");
        try (Sandbox s = new Sandbox(target.fresh(), dir, clock)) {
            s.seedDemo(Path.of("src/sandbox/seed/worms"));
            SandboxServer server = new SandboxServer(s, "127.0.0.1", 0);
            server.start();
            try {
                String root = "http://127.0.0.1:" + server.port() + "/rest/cockpit/1.0/oparl/";
                Meeting meeting = s.committee.save(new Meeting(0, WormsDemo.STEERING, "LK 2026/E", "Eilsitzung",
                        LocalDate.of(2026, 11, 26), "Rathaus Worms", 0, true));
                SandboxPage annex = s.pages.create("DIGI", "Anlage Eilsitzung", "<p>Anlage</p>", Set.of(), "minutes");
                int runsBefore = soonRuns(s.scheduler);

                Decision d = s.decisions.record(new Decision(0, "", "LK-2026-81", "Glasfaser Schulen",
                        "Der Lenkungskreis beschließt den Ausbau.", DecisionStatus.PROPOSED, null,
                        meeting.id(), 0, List.of(), "Stabsabteilung", null, "", new PageRef(annex.getId(),
                        annex.getVersion(), annex.getSpaceKey(), annex.getTitle()), false, true), "test");
                String item = root + "agendaItem/decision-" + d.id();
                // Nothing published within the write; a run is asked for on this node, seconds ahead.
                assertEquals(404, get(item).statusCode(), "published inside the writer's transaction");
                SandboxScheduler.Scheduled soon = s.scheduler.scheduledJobs().stream()
                        .filter(j -> j.id().equals(OParlPublishSoon.SOON_JOB)).findFirst().orElseThrow();
                assertEquals(OParlPublisher.RUNNER, soon.runner());
                assertEquals(clock.instant().plus(OParlPublishSoon.DELAY), soon.nextRun().toInstant());
                s.settle();
                assertEquals(404, get(item).statusCode(), "run before the writer could have committed");

                clock.advance(OParlPublishSoon.DELAY);
                s.settle();
                assertEquals(runsBefore + 1, soonRuns(s.scheduler));
                JsonNode published = JSON.readTree(get(item).body());
                assertEquals("proposed", published.at("/worms:implementationState/0/code").asText(),
                        published.toString());

                // A burst of changes (a minutes page records many) asks for one run, which shows the last.
                clock.advance(Duration.ofSeconds(1));
                s.decisions.changeStatus(d.id(), DecisionStatus.READY_FOR_VOTE, "test", null, "", "");
                clock.advance(Duration.ofSeconds(2));
                s.decisions.changeStatus(d.id(), DecisionStatus.DECIDED, "test", new Vote(8, 1, 0), "", "");
                s.settle();
                assertEquals("proposed", JSON.readTree(get(item).body()).at("/worms:implementationState/0/code")
                        .asText(), "published before the run was due");
                clock.advance(OParlPublishSoon.DELAY);
                s.settle();
                assertEquals(runsBefore + 2, soonRuns(s.scheduler), "one run for the burst");
                assertEquals("open", JSON.readTree(get(item).body()).at("/worms:implementationState/0/code")
                        .asText(), "decided: in force, and not yet carried out");
                assertTrue(clock.instant().isBefore(java.time.Instant.parse("2026-11-27T09:01:00Z")),
                        "the minute's run was never due");
            } finally {
                server.close();
            }
        }
    }

    private static int soonRuns(SandboxScheduler scheduler) {
        return (int) scheduler.runs().stream().filter(r -> r.jobId().equals(OParlPublishSoon.SOON_JOB)).count();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
