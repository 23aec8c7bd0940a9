package de.digitalstrategie.cockpit.meeting;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore.Mirrored;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.MovableClock;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preparation of the steering committee's next meeting, on H2 and PostgreSQL, rendered through
 * the plugin's real macro as three viewers see it, and a new meeting's minutes made from the
 * blueprint over HTTP. The committee met on 1 June (public minutes) and on 28 November
 * (confidential minutes: only the CDO and the secretary may read them); the portfolio was mirrored
 * before the November meeting and again after it. Everything on the confidential minutes carries
 * {@link #SECRET} in its title, which must reach no one else, not even as a count.
 */
class MeetingPreparationTest {
    private static final String SECRET = "GEHEIMSACHE";
    private static final String STEERING = "lenkungskreis";
    private static final String ADVISORY = "beirat";
    private static final Pattern SECTION = Pattern.compile(
            "<h3 id=\"preparation-" + STEERING + "-([a-z]+)\">[^<]*<span class=\"aui-badge\"[^>]*>([0-9]+)</span></h3>");
    private static final Pattern ENTRY = Pattern.compile("<li>(?:<a href=\"[^\"]*\">)?([A-Z]+-[0-9-]+)");

    static List<DatabaseTarget> databases() {
        return DatabaseTarget.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachViewerSeesWhatHappenedSinceTheLastMeetingHeMayRead(DatabaseTarget target) throws Exception {
        MovableClock clock = new MovableClock(); // 27 November 2026
        Path dir = Files.createTempDirectory("cockpit-preparation");
        try (Sandbox s = new Sandbox(target.fresh(), dir, clock)) {
            world(s, clock);
            // Today is 29 November. The CDO may read the November minutes: the span starts there.
            String cdo = render(s, "cdo", Locale.GERMAN);
            assertTrue(cdo.contains("Seit der Sitzung LK 2026/2 am 28.11.2026"), cdo);
            assertEquals(List.of("LK-2026-12"), entries(cdo, "decided"), "taken on 28 November, the span's first day");
            assertEquals(List.of("LK-2026-02"), entries(cdo, "overdue"));
            assertEquals(List.of("LK-2026-01", "LK-2026-12"), entries(cdo, "implementation"),
                    "newest first; the change of 27 November was before the span");
            assertTrue(cdo.contains("<span class=\"cockpit-note\">(von In Umsetzung zu Umgesetzt, durch schriftfuehrung"
                    + " am 29.11.2026)"), cdo);
            assertTrue(cdo.contains("(von Offen zu In Umsetzung, über den Jira-Vorgang DIGI-9 am 29.11.2026)"), cdo);
            assertEquals(List.of("DIGI-1"), entries(cdo, "health"),
                    "DIGI-1 went from green to red; DIGI-2 got better, DIGI-3 went red and back, DIGI-4 is new");
            assertTrue(cdo.contains("<li>DIGI-1 Projekt DIGI-1 <span class=\"cockpit-note\">(von Im Plan auf Kritisch)"),
                    "no Jira connected: the project is named without a link to nowhere");
            assertEquals(List.of("BR-2026-01"), entries(cdo, "unanswered"), "received 1 June; BR-2026-02 answered");
            assertEquals(List.of("LK-2026-03", "LK-2026-13"), entries(cdo, "open"));
            assertTrue(cdo.contains(SECRET), "the CDO sees the confidential minutes' items");

            // Staff may not read the November minutes: the span starts in June, nothing confidential shows.
            String staff = render(s, "mitarbeiterin", Locale.GERMAN);
            assertTrue(staff.contains("Seit der Sitzung LK 2026/1 am 01.06.2026"), staff);
            assertFalse(staff.contains("LK 2026/2") || staff.contains("28.11.2026") || staff.contains(SECRET), staff);
            assertEquals(List.of("LK-2026-02", "LK-2026-01"), entries(staff, "decided"));
            assertEquals(List.of("LK-2026-03"), entries(staff, "open"));
            assertEquals(List.of("LK-2026-01", "LK-2026-01"), entries(staff, "implementation"),
                    "both changes of the June decision; none of the confidential one");
            assertEquals(List.of("DIGI-1"), entries(staff, "health"),
                    "first mirrored since 1 June: measured against the health it was first mirrored with");

            // Anonymous visitors see no projects at all, and so no project's health.
            String anonymous = render(s, null, Locale.ENGLISH);
            assertTrue(anonymous.contains("Since meeting LK 2026/1 on 1 Jun 2026"), anonymous);
            assertEquals(List.of(), entries(anonymous, "health"));
            assertFalse(anonymous.contains(SECRET), anonymous);

            // Every section's count is the number of its entries: nothing hidden is counted.
            for (String html : List.of(cdo, staff, anonymous)) {
                Matcher m = SECTION.matcher(html);
                int sections = 0;
                while (m.find()) {
                    sections++;
                    assertEquals(Integer.parseInt(m.group(2)), entries(html, m.group(1)).size(), m.group(1));
                }
                assertEquals(6, sections, html);
            }
            // Where the macro names no days, the plugin setting does; a setting that is no number counts as none.
            s.settings.createGlobalSettings().put(PreparationSettings.UNANSWERED_DAYS, "200");
            assertEquals(List.of(), entries(render(s, "cdo", Locale.GERMAN), "unanswered"), "181 days are not more than 200");
            s.settings.createGlobalSettings().put(PreparationSettings.UNANSWERED_DAYS, "viele");
            assertEquals(List.of("BR-2026-01"), entries(render(s, "cdo", Locale.GERMAN), "unanswered"), "the default, 42");
            s.settings.createGlobalSettings().remove(PreparationSettings.UNANSWERED_DAYS);
            blueprint(s);
        }
    }

    /** The demo's page of the preparation shows something in every section, to a member and to staff. */
    @Test
    void theDemoShowsSomethingInEverySection() {
        try (SandboxFixture demo = new SandboxFixture()) {
            SandboxPage page = demo.sandbox.pages.all().stream()
                    .filter(p -> p.getTitle().startsWith("Vorbereitung der nächsten Sitzung")).findFirst().orElseThrow();
            for (String viewer : List.of("cdo", "mitarbeiterin")) {
                String html = demo.render(page.getBodyAsString(), viewer, Locale.GERMAN, Map.of(), "display", page);
                for (String section : List.of("decided", "overdue", "implementation", "health", "unanswered",
                        "open")) {
                    assertFalse(entries(html, section).isEmpty(), viewer + ": " + section + " in " + html);
                }
            }
        }
    }

    /** A new meeting's minutes from the blueprint: the open items every reader may read become agenda items. */
    private static void blueprint(Sandbox s) throws Exception {
        try (SandboxServer server = new SandboxServer(s, "127.0.0.1", 0)) {
            server.start();
            String token = "0123456789abcdef0123";
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + server.port() + "/create?as=schriftfuehrung"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "atl.xsrf.token=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString("blueprint=steering-minutes&title=LK+2026%2F3"
                            + "&date=2026-12-10&location=Rathaus&atl_token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, created.statusCode(), created.body());
            long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*=", ""));
            String storage = s.pages.find(id).orElseThrow().getBodyAsString();
            // The secretary may read the confidential minutes, but the new page's readers are not known
            // yet: only what anonymous visitors may read too is copied into it.
            assertTrue(storage.contains(">LK-2026-03</a> Personalplanung (Vertagt, aus der Sitzung LK 2026/1)"), storage);
            assertFalse(storage.contains("LK-2026-13") || storage.contains(SECRET), storage);
            assertTrue(storage.contains("ac:name=\"meeting-preparation\""), storage);
            assertFalse(storage.contains("at:var"), storage);
            // The macro at its top shows each reader what he may see: the CDO the confidential item too.
            SandboxPage page = s.pages.find(id).orElseThrow();
            String asCdo = render(s, "cdo", page);
            assertEquals(List.of("LK-2026-03", "LK-2026-13"), entries(asCdo, "open"));
        }
    }

    private static void world(Sandbox s, MovableClock clock) {
        s.organisation.save(new FieldOfAction("1", "Digitale Verwaltung", "Digital administration", 1, ""));
        s.organisation.save(new Department("stab", "Stabsabteilung Digitalisierung", DepartmentKind.STABSABTEILUNG, ""));
        s.projects.mirror(List.of(project("DIGI-1", Health.GREEN), project("DIGI-2", Health.AMBER),
                project("DIGI-3", Health.GREEN)));
        s.committee.save(new Body(STEERING, BodyKind.STEERING_COMMITTEE, "Lenkungskreis Digitalstrategie", true));
        s.committee.save(new Body(ADVISORY, BodyKind.ADVISORY_BOARD, "Beirat Digitalstrategie", true));
        s.committee.save(new Member(STEERING, "cdo", "Chief Digital Officer", MemberRole.CDO, null, "stab", true));
        s.committee.save(new Member(STEERING, "schriftfuehrung", "Schriftführung", MemberRole.SECRETARY, null, "stab",
                true));
        s.minutesPlaces.save(STEERING, new Places(Set.of("LK"), Set.of()));
        s.minutesPlaces.save(ADVISORY, new Places(Set.of("BR"), Set.of()));
        SandboxPage june = s.pages.create(3001, "LK", 0, "Protokoll LK 2026/1", "<p>Protokoll.</p>", Set.of(),
                "minutes", "schriftfuehrung");
        SandboxPage november = s.pages.create(3002, "LK", 0, "Protokoll LK 2026/2", "<p>Protokoll.</p>",
                Set.of("cdo", "schriftfuehrung"), "minutes", "schriftfuehrung");
        SandboxPage board = s.pages.create(3101, "BR", 0, "Protokoll BR 2026/1", "<p>Protokoll.</p>", Set.of(),
                "minutes", "schriftfuehrung");
        Meeting first = s.committee.save(new Meeting(0, STEERING, "LK 2026/1", "1. Sitzung", LocalDate.of(2026, 6, 1),
                "Rathaus", june.getId(), true));
        Meeting second = s.committee.save(new Meeting(0, STEERING, "LK 2026/2", "2. Sitzung",
                LocalDate.of(2026, 11, 28), "Rathaus", november.getId(), false));
        Meeting boardMeeting = s.committee.save(new Meeting(0, ADVISORY, "BR 2026/1", "1. Sitzung des Beirats",
                LocalDate.of(2026, 6, 1), "Rathaus", board.getId(), true));
        decision(s, first, june, "LK-2026-01", "Projektauftrag", DecisionStatus.DECIDED, null);
        decision(s, first, june, "LK-2026-02", "Budgetfreigabe", DecisionStatus.DECIDED, LocalDate.of(2026, 9, 30));
        decision(s, first, june, "LK-2026-03", "Personalplanung", DecisionStatus.DEFERRED, null);
        decision(s, first, june, "LK-2026-04", "Ausschreibung", DecisionStatus.REJECTED, LocalDate.of(2026, 9, 30));
        decision(s, second, november, "LK-2026-12", SECRET + " Haushalt", DecisionStatus.DECIDED,
                LocalDate.of(2027, 11, 1));
        decision(s, second, november, "LK-2026-13", SECRET + " Stellenplan", DecisionStatus.READY_FOR_VOTE, null);
        input(s, boardMeeting, board, "BR-2026-01", "Open Data", CityAnswer.RECEIVED);
        input(s, boardMeeting, board, "BR-2026-02", "Sensorik", new CityAnswer(AnswerStatus.DECLINED, "Kein Geld.",
                "Stab", LocalDate.of(2026, 7, 1), null));
        // Before the November meeting the June decision is taken in hand.
        long june1 = s.decisions.ofPage(june.getId()).stream().filter(d -> d.number().equals("LK-2026-01"))
                .findFirst().orElseThrow().id();
        s.decisions.setImplementation(june1, ImplementationState.IN_PROGRESS, "schriftfuehrung", "");
        // Two days later, after the November meeting, the portfolio moves, and so does the implementation.
        clock.advance(Duration.ofDays(2));
        s.decisions.followIssue(s.decisions.ofPage(november.getId()).stream()
                .filter(d -> d.number().equals("LK-2026-12")).findFirst().orElseThrow().id(), "DIGI-9",
                ImplementationState.IN_PROGRESS);
        s.decisions.setImplementation(june1, ImplementationState.DONE, "schriftfuehrung", "abgenommen");
        s.projects.mirror(List.of(project("DIGI-1", Health.AMBER), project("DIGI-2", Health.GREEN),
                project("DIGI-3", Health.RED)));
        clock.advance(Duration.ofHours(1));
        s.projects.mirror(List.of(project("DIGI-1", Health.RED), project("DIGI-3", Health.GREEN),
                project("DIGI-4", Health.RED)));
    }

    private static Mirrored project(String key, Health health) {
        return new Mirrored(new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY, TimeFrame.OPEN, 0, 0,
                ProjectStatus.RUNNING, Phase.IMPLEMENTATION, health, "stab", "1", Instant.parse("2026-11-01T08:00:00Z")),
                "1000" + key.substring(5));
    }

    private static void decision(Sandbox s, Meeting meeting, SandboxPage page, String number, String title,
                                 DecisionStatus status, LocalDate due) {
        s.decisions.record(new Decision(0, "prep-" + number, number, title, "", status, null, meeting.id(), 0,
                List.of(), "Stabsabteilung", due, "", ref(page), false, meeting.isPublic()), meeting.date(),
                "page:" + page.getId() + "/v1");
    }

    private static void input(Sandbox s, Meeting meeting, SandboxPage page, String number, String title,
                              CityAnswer answer) {
        s.advisory.record(new AdvisoryInput(0, "prep-" + number, number, title, "", "", EnumSet.of(Sector.WIRTSCHAFT),
                meeting.id(), List.of(), meeting.date(), answer, ref(page), false, true), "page:" + page.getId() + "/v1");
    }

    private static PageRef ref(SandboxPage page) {
        return new PageRef(page.getId(), page.getVersion(), page.getSpaceKey(), page.getTitle());
    }

    private static String render(Sandbox s, String user, Locale locale) {
        return render(s, user, locale, "<ac:structured-macro ac:name=\"meeting-preparation\" ac:schema-version=\"1\""
                + " ac:macro-id=\"m1\"><ac:parameter ac:name=\"body\">" + STEERING + "</ac:parameter>"
                + "</ac:structured-macro>", null);
    }

    private static String render(Sandbox s, String user, SandboxPage page) {
        return render(s, user, Locale.GERMAN, page.getBodyAsString(), page);
    }

    private static String render(Sandbox s, String user, Locale locale, String storage, SandboxPage page) {
        s.users.actAs(user == null ? null : s.users.user(user).orElseThrow());
        s.request.enter(locale, Map.of());
        try {
            return s.renderer.render(storage, new SandboxConversionContext(page, "display"));
        } finally {
            s.request.leave();
            s.users.actAs(null);
        }
    }

    /** The references a section lists, in its order. */
    private static List<String> entries(String html, String section) {
        int start = html.indexOf("<h3 id=\"preparation-" + STEERING + "-" + section + "\"");
        assertTrue(start >= 0, "no section " + section + " in " + html);
        int next = html.indexOf("<h3", start + 1);
        int end = html.indexOf("</section>", start);
        String part = html.substring(start, next >= 0 && next < end ? next : end);
        List<String> found = new ArrayList<>();
        Matcher m = ENTRY.matcher(part);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
