package de.digitalstrategie.cockpit.report;

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
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
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
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.MovableClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The world the quarterly report is tested on, read in January 2027 ({@link MovableClock} moved to
 * 10 January, 09:00 UTC). The steering committee met on 1 June, on 15 October (public minutes) and
 * on 28 November (confidential minutes: only the CDO and the secretary may read them); the board on
 * 1 June, on 20 October and on 1 December (confidential: the CDO only). The portfolio was first
 * mirrored on 27 November, changed on 29 November and again, after the quarter, on 10 January,
 * when DIGI-4 came. One goal of the strategy serves DIGI-1, another stands on a page for the CDO
 * only; both were adopted on 27 November. Everything on the confidential pages carries {@link #SECRET} in its title.
 */
final class ReportWorld {
    static final String SECRET = "GEHEIMSACHE";
    private static final String STEERING = "lenkungskreis";
    private static final String ADVISORY = "beirat";

    private ReportWorld() {
    }

    static void write(Sandbox s, MovableClock clock) {
        s.organisation.save(new FieldOfAction("1", "Digitale Verwaltung", "Digital administration", 1, ""));
        s.organisation.save(new Department("stab", "Stabsabteilung Digitalisierung", DepartmentKind.STABSABTEILUNG, ""));
        s.committee.save(new Body(STEERING, BodyKind.STEERING_COMMITTEE, "Lenkungskreis Digitalstrategie", true));
        s.committee.save(new Body(ADVISORY, BodyKind.ADVISORY_BOARD, "Beirat Digitalstrategie", true));
        s.committee.save(new Member(STEERING, "cdo", "Chief Digital Officer", MemberRole.CDO, null, "stab", true));
        s.committee.save(new Member(STEERING, "schriftfuehrung", "Schriftführung", MemberRole.SECRETARY, null, "stab",
                true));
        s.minutesPlaces.save(STEERING, new Places(Set.of("LK"), Set.of()));
        s.minutesPlaces.save(ADVISORY, new Places(Set.of("BR"), Set.of()));
        SandboxPage june = minutes(s, 3001, "LK", "Protokoll LK 2026/1", Set.of());
        SandboxPage october = minutes(s, 3002, "LK", "Protokoll LK 2026/3", Set.of());
        SandboxPage november = minutes(s, 3003, "LK", "Protokoll LK 2026/4", Set.of("cdo", "schriftfuehrung"));
        SandboxPage boardJune = minutes(s, 3101, "BR", "Protokoll BR 2026/1", Set.of());
        SandboxPage boardOctober = minutes(s, 3102, "BR", "Protokoll BR 2026/2", Set.of());
        SandboxPage boardSecret = minutes(s, 3103, "BR", "Protokoll BR 2026/3", Set.of("cdo"));
        Meeting m1 = meeting(s, STEERING, "LK 2026/1", LocalDate.of(2026, 6, 1), june, true);
        Meeting m3 = meeting(s, STEERING, "LK 2026/3", LocalDate.of(2026, 10, 15), october, true);
        Meeting m4 = meeting(s, STEERING, "LK 2026/4", LocalDate.of(2026, 11, 28), november, false);
        Meeting b1 = meeting(s, ADVISORY, "BR 2026/1", LocalDate.of(2026, 6, 1), boardJune, true);
        Meeting b2 = meeting(s, ADVISORY, "BR 2026/2", LocalDate.of(2026, 10, 20), boardOctober, true);
        Meeting b3 = meeting(s, ADVISORY, "BR 2026/3", LocalDate.of(2026, 12, 1), boardSecret, false);
        decision(s, m1, june, "LK-2026-01", "Projektauftrag", DecisionStatus.DECIDED, null);
        decision(s, m3, october, "LK-2026-10", "Digitale Akte", DecisionStatus.DECIDED, LocalDate.of(2027, 3, 31));
        decision(s, m3, october, "LK-2026-11", "Ausschreibung", DecisionStatus.REJECTED, null);
        decision(s, m3, october, "LK-2026-12", "Personalplanung", DecisionStatus.DEFERRED, null);
        decision(s, m3, october, "LK-2026-13", "Stellenplan", DecisionStatus.READY_FOR_VOTE, null);
        decision(s, m4, november, "LK-2026-20", SECRET + " Haushalt", DecisionStatus.DECIDED, null);
        input(s, b1, boardJune, "BR-2026-01", "Open Data", new CityAnswer(AnswerStatus.ADOPTED, "Wird umgesetzt.",
                "Stab", LocalDate.of(2026, 11, 2), null));
        input(s, b1, boardJune, "BR-2026-02", "Sensorik", new CityAnswer(AnswerStatus.DECLINED, "Kein Geld.",
                "Stab", LocalDate.of(2026, 7, 1), null));
        input(s, b2, boardOctober, "BR-2026-05", "Barrierefreiheit", CityAnswer.RECEIVED);
        input(s, b3, boardSecret, "BR-2026-09", SECRET + " Rechenzentrum", CityAnswer.RECEIVED);
        long akte = s.decisions.all().stream().filter(d -> d.number().equals("LK-2026-10")).findFirst().orElseThrow()
                .id();
        s.decisions.setImplementation(akte, ImplementationState.IN_PROGRESS, "schriftfuehrung", "");

        // The strategy, adopted on 27 November: a public goal serving DIGI-1, measured at the end of
        // September and, after the quarter, in January; and a confidential goal (its page for the CDO only).
        s.minutesPlaces.save(MinutesPlaces.STRATEGY, new Places(Set.of("STRAT"), Set.of()));
        s.pages.create(3201, "STRAT", 0, "Ziele", "<p>Ziele.</p>" + goal("ZIEL-1", "Akten digital", "DIGI-1")
                + card("K-1.1", "ZIEL-1", "Anteil digitaler Akten"), Set.of(), "strategy", "cdo");
        s.pages.create(3202, "STRAT", 0, "Vertrauliche Ziele", "<p>Ziele.</p>" + goal("ZIEL-9", SECRET + " Ziel", "")
                + card("K-9.1", "ZIEL-9", SECRET + " Indikator"), Set.of("cdo"), "strategy", "cdo");
        s.settle();
        // 27 November: first mirrored. 29 November: DIGI-1 goes red and gets a budget.
        s.projects.mirror(List.of(project("DIGI-1", Health.GREEN, 0), project("DIGI-2", Health.AMBER, 0),
                project("DIGI-3", Health.GREEN, 0)));
        clock.advance(Duration.ofDays(2));
        s.projects.mirror(List.of(project("DIGI-1", Health.RED, 1_200_000), project("DIGI-2", Health.GREEN, 0),
                project("DIGI-3", Health.GREEN, 0)));
        // 10 January 2027, after the quarter: DIGI-1 recovers a little, DIGI-4 comes.
        clock.advance(Duration.ofDays(42));
        s.projects.mirror(List.of(project("DIGI-1", Health.AMBER, 1_200_000), project("DIGI-2", Health.GREEN, 0),
                project("DIGI-3", Health.GREEN, 0), project("DIGI-4", Health.RED, 0)));
        Measurements values = s.plugin.bean(Measurements.class);
        values.record(new Measurement("K-1.1", new BigDecimal("40"), LocalDate.of(2026, 9, 30), "Statistik", "",
                "cdo", clock.instant()));
        values.record(new Measurement("K-1.1", new BigDecimal("41"), LocalDate.of(2027, 1, 5), "Statistik", "",
                "cdo", clock.instant()));
        values.record(new Measurement("K-9.1", new BigDecimal("3"), LocalDate.of(2026, 9, 30), "Statistik", "",
                "cdo", clock.instant()));
    }

    static String goal(String number, String title, String projects) {
        return "<ac:structured-macro ac:name=\"strategy-goal\" ac:schema-version=\"1\" ac:macro-id=\"report-"
                + number + "\"><ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">" + title + "</ac:parameter>"
                + "<ac:parameter ac:name=\"field\">1</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">adopted</ac:parameter>"
                + (projects.isEmpty() ? "" : "<ac:parameter ac:name=\"projects\">" + projects + "</ac:parameter>")
                + "<ac:rich-text-body><p>Ziel.</p></ac:rich-text-body></ac:structured-macro>";
    }

    /** An indicator from 0 at the end of 2025 to 100 at the end of 2027, measured every quarter. */
    private static String card(String key, String goal, String name) {
        return "<ac:structured-macro ac:name=\"strategy-indicator\" ac:schema-version=\"1\" ac:macro-id=\"report-"
                + key + "\"><ac:parameter ac:name=\"key\">" + key + "</ac:parameter>"
                + "<ac:parameter ac:name=\"goal\">" + goal + "</ac:parameter>"
                + "<ac:parameter ac:name=\"name\">" + name + "</ac:parameter>"
                + "<ac:parameter ac:name=\"unit\">%</ac:parameter>"
                + "<ac:parameter ac:name=\"direction\">higher-is-better</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline\">0</ac:parameter>"
                + "<ac:parameter ac:name=\"baseline-date\">2025-12-31</ac:parameter>"
                + "<ac:parameter ac:name=\"target\">100</ac:parameter>"
                + "<ac:parameter ac:name=\"target-date\">2027-12-31</ac:parameter>"
                + "<ac:parameter ac:name=\"responsible\">Stabsabteilung</ac:parameter>"
                + "<ac:parameter ac:name=\"rhythm\">quarterly</ac:parameter></ac:structured-macro>";
    }

    private static SandboxPage minutes(Sandbox s, long id, String space, String title, Set<String> restricted) {
        return s.pages.create(id, space, 0, title, "<p>Protokoll.</p>", restricted, "minutes", "schriftfuehrung");
    }

    private static Meeting meeting(Sandbox s, String body, String number, LocalDate day, SandboxPage page,
                                   boolean isPublic) {
        return s.committee.save(new Meeting(0, body, number, number, day, "Rathaus", page.getId(), isPublic));
    }

    private static Mirrored project(String key, Health health, long budgetCents) {
        return new Mirrored(new DigitalProject(key, "Projekt " + key, ProjectProfile.EMPTY, TimeFrame.OPEN, budgetCents,
                0, ProjectStatus.RUNNING, Phase.IMPLEMENTATION, health, "stab", "1", Instant.parse("2026-11-01T08:00:00Z")),
                "1000" + key.substring(5));
    }

    private static void decision(Sandbox s, Meeting meeting, SandboxPage page, String number, String title,
                                 DecisionStatus status, LocalDate due) {
        s.decisions.record(new Decision(0, "report-" + number, number, title, "", status, null, meeting.id(), 0,
                List.of(), "Stabsabteilung", due, "", ref(page), false, meeting.isPublic()), meeting.date(),
                "page:" + page.getId() + "/v1");
    }

    private static void input(Sandbox s, Meeting meeting, SandboxPage page, String number, String title,
                              CityAnswer answer) {
        s.advisory.record(new AdvisoryInput(0, "report-" + number, number, title, "", "", EnumSet.of(Sector.WIRTSCHAFT),
                meeting.id(), List.of(), meeting.date(), answer, ref(page), false, true), "page:" + page.getId() + "/v1");
    }

    private static PageRef ref(SandboxPage page) {
        return new PageRef(page.getId(), page.getVersion(), page.getSpaceKey(), page.getTitle());
    }
}
