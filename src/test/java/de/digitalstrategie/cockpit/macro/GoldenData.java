package de.digitalstrategie.cockpit.macro;

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
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.register.PageEdit;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.store.RecordLinks;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The small, fixed world the golden files render: six projects in three fields of action (one
 * reaching past both ends of any roadmap, one without a time frame), a steering committee and an
 * advisory board with a public and a confidential meeting each, and their decisions and input in
 * every state a register shows. Written through the
 * plugin's stores on an empty database, with fixed page ids and dates, so every run renders the
 * same markup (the sandbox's clock is {@code SandboxFixture.CLOCK}, 27 November 2026).
 *
 * <p>The minutes pages hold only a line of text: the records are written here through the stores,
 * not by the minutes sync, so that a change of the sync cannot change what the golden files show.
 * A golden file renders a record macro on one of these pages with {@code .page|<id>}.
 */
final class GoldenData {
    static final String STEERING = "lenkungskreis";
    static final String ADVISORY = "beirat";
    static final long LK_PUBLIC = 2001;
    /** Confidential: only the committee's members (cdo, schriftfuehrung, leitung-finanzen) may view it. */
    static final long LK_CONFIDENTIAL = 2002;
    static final long BR_PUBLIC = 2101;
    /** Confidential: only the board's members (cdo, schriftfuehrung, expertin-wirtschaft) may view it. */
    static final long BR_CONFIDENTIAL = 2102;
    /** A page outside both bodies' minutes places. */
    static final long NOTES = 2201;
    private static final String SECRETARY = "schriftfuehrung";
    private static final Instant UPDATED = Instant.parse("2026-11-01T08:00:00Z");

    private GoldenData() {
    }

    static void write(Sandbox s) {
        organisation(s);
        projects(s);
        s.committee.save(new Body(STEERING, BodyKind.STEERING_COMMITTEE, "Lenkungskreis Digitalstrategie", true));
        s.committee.save(new Body(ADVISORY, BodyKind.ADVISORY_BOARD, "Beirat Digitalstrategie", true));
        s.committee.save(new Member(STEERING, "cdo", "Chief Digital Officer", MemberRole.CDO, null, "stab", true));
        s.committee.save(new Member(STEERING, SECRETARY, "Schriftführung", MemberRole.SECRETARY, null, "stab", true));
        s.committee.save(new Member(STEERING, "leitung-finanzen", "Leitung Finanzen", MemberRole.VOTING_MEMBER, null,
                "", true));
        s.committee.save(new Member(ADVISORY, "cdo", "Chief Digital Officer", MemberRole.CDO, null, "stab", true));
        s.committee.save(new Member(ADVISORY, SECRETARY, "Schriftführung", MemberRole.SECRETARY, null, "stab", true));
        s.committee.save(new Member(ADVISORY, "expertin-wirtschaft", "Sachverständige Wirtschaft",
                MemberRole.ADVISORY_EXPERT, Sector.WIRTSCHAFT, "", true));
        s.minutesPlaces.save(STEERING, new Places(Set.of("LK"), Set.of()));
        s.minutesPlaces.save(ADVISORY, new Places(Set.of("BR"), Set.of()));
        Set<String> committee = Set.of("cdo", SECRETARY, "leitung-finanzen");
        Set<String> board = Set.of("cdo", SECRETARY, "expertin-wirtschaft");
        SandboxPage lk1 = minutes(s, LK_PUBLIC, "LK", "Protokoll LK 2026/1 – Lenkungskreis Digitalstrategie", Set.of());
        SandboxPage lk2 = minutes(s, LK_CONFIDENTIAL, "LK", "Protokoll LK 2026/2 – Lenkungskreis Digitalstrategie",
                committee);
        SandboxPage br1 = minutes(s, BR_PUBLIC, "BR", "Protokoll BR 2026/1 – Beirat Digitalstrategie", Set.of());
        SandboxPage br2 = minutes(s, BR_CONFIDENTIAL, "BR", "Protokoll BR 2026/2 – Beirat Digitalstrategie", board);
        s.pages.create(NOTES, "DIGI", 0, "Notizen zur Digitalstrategie", "<p>Notizen.</p>", Set.of(), "page", "cdo");
        decisions(s, lk1, lk2);
        inputs(s, br1, br2);
        takenUp(s);
        GoldenGoals.write(s);
    }

    /**
     * What the decisions take up, as their pages' {@code inputs} say: a public decision takes up
     * public input and input on the board's confidential minutes; a confidential decision takes up
     * public input; one number names no input at all.
     */
    private static void takenUp(Sandbox s) {
        RecordLinks links = s.plugin.bean(RecordLinks.class);
        links.replace(RecordKind.DECISION, id(s, "LK-2026-01"), RecordKind.ADVISORY_INPUT, List.of("BR-2026-01"));
        links.replace(RecordKind.DECISION, id(s, "LK-2026-03"), RecordKind.ADVISORY_INPUT,
                List.of("BR-2026-02", "BR-2026-04", "BR-2099-99"));
        links.replace(RecordKind.DECISION, id(s, "LK-2026-06"), RecordKind.ADVISORY_INPUT, List.of("BR-2026-01"));
    }

    private static long id(Sandbox s, String number) {
        return s.decisions.all().stream().filter(d -> d.number().equals(number)).findFirst().orElseThrow().id();
    }

    private static void organisation(Sandbox s) {
        s.organisation.save(new FieldOfAction("1", "Digitale Verwaltung", "Digital administration", 1, ""));
        s.organisation.save(new FieldOfAction("2", "Mobilität", "Mobility", 2, ""));
        s.organisation.save(new FieldOfAction("3", "Bildung", "Education", 3, ""));
        s.organisation.save(new Department("stab", "Stabsabteilung Digitalisierung", DepartmentKind.STABSABTEILUNG, ""));
        s.organisation.save(new Department("fb-ordnung", "Fachbereich Sicherheit und Ordnung", DepartmentKind.FACHBEREICH,
                ""));
    }

    /** As the Jira sync writes them (with what each waits for), not through the demo's shortcut. */
    private static void projects(Sandbox s) {
        DigitalProject portal = new DigitalProject("DIGI-1", "Bürgerportal & E-Akte <Pilot>",
                new ProjectProfile("Ein Portal für alle Anträge, angebunden an die E-Akte.",
                        "Alle Leistungen nach OZG online.", "Bürgerbüro, IT-Dienstleister",
                        "Stabsabteilung Digitalisierung", "Schnittstellen der Fachverfahren.", "Land Rheinland-Pfalz"),
                new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 6, 30)), 1_250_000_00L, 500_000_00L,
                ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.GREEN, "stab", "1", UPDATED);
        DigitalProject parking = new DigitalProject("DIGI-2", "Digitale Parkraumbewirtschaftung",
                new ProjectProfile("Parkscheine per App.", "", "", "Fachbereich Sicherheit und Ordnung", "", ""),
                new TimeFrame(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 31)), 180_000_00L, 0,
                ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.RED, "fb-ordnung", "2", UPDATED);
        DigitalProject openData = new DigitalProject("DIGI-3", "Open-Data-Portal", ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 12, 31)), 60_000_00L, 30_000_00L,
                ProjectStatus.FINISHED, Phase.COMPLETED, Health.GREEN, "stab", "1", UPDATED);
        DigitalProject sensors = new DigitalProject("DIGI-4", "Sensorik für den Verkehrsfluss", ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2027, 4, 1), null), 420_000_00L, 0, ProjectStatus.PLANNED, Phase.PLANNING,
                Health.AMBER, "fb-ordnung", "2", UPDATED);
        DigitalProject wifi = new DigitalProject("DIGI-5", "WLAN in allen Schulen", ProjectProfile.EMPTY,
                TimeFrame.OPEN, 0, 0, ProjectStatus.PLANNED, Phase.IDEA, Health.AMBER, "stab", "3", UPDATED);
        DigitalProject fibre = new DigitalProject("DIGI-6", "Glasfaser in allen Ortsteilen", ProjectProfile.EMPTY,
                new TimeFrame(LocalDate.of(2019, 5, 1), LocalDate.of(2035, 6, 30)), 9_800_000_00L, 7_000_000_00L,
                ProjectStatus.RUNNING, Phase.OPERATION, Health.AMBER, "fb-ordnung", "1", UPDATED);
        // DIGI-2 starts before DIGI-1 ends (a warning); DIGI-4 waits for DIGI-2, which ends in time, and
        // for an issue that is not mirrored (named nowhere).
        // The history before: DIGI-1 was first reported on 15 March 2026, planned, in planning, with a
        // smaller budget, no funding and an earlier end, as the sync mirrored it then (a clock set back).
        java.time.Clock march = java.time.Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), java.time.ZoneOffset.UTC);
        new de.digitalstrategie.cockpit.portfolio.store.ProjectStore(s.ao,
                new de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory(s.ao, march), march)
                .mirror(List.of(new Mirrored(new DigitalProject("DIGI-1", portal.title(), portal.profile(),
                        new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)), 1_000_000_00L, 0,
                        ProjectStatus.PLANNED, Phase.PLANNING, Health.GREEN, "stab", "1", UPDATED), "10001")));
        s.projects.mirror(List.of(new Mirrored(portal, "10001"), new Mirrored(parking, "10002", List.of("DIGI-1")),
                new Mirrored(openData, "10003"), new Mirrored(sensors, "10004", List.of("DIGI-2", "NOPE-9")),
                new Mirrored(wifi, "10005"), new Mirrored(fibre, "10006")));
    }

    private static SandboxPage minutes(Sandbox s, long id, String space, String title, Set<String> restricted) {
        return s.pages.create(id, space, 0, title, "<p>Protokoll.</p>", restricted, "minutes", SECRETARY);
    }

    private static void decisions(Sandbox s, SandboxPage lk1, SandboxPage lk2) {
        Meeting first = s.committee.save(new Meeting(0, STEERING, "LK 2026/1", "1. Sitzung des Lenkungskreises 2026",
                LocalDate.of(2026, 3, 12), "Rathaus", lk1.getId(), true));
        Meeting second = s.committee.save(new Meeting(0, STEERING, "LK 2026/2", "2. Sitzung des Lenkungskreises 2026",
                LocalDate.of(2026, 9, 10), "Rathaus", lk2.getId(), false));
        decision(s, first, lk1, "LK-2026-01", "Projektauftrag Bürgerportal", DecisionStatus.DECIDED, new Vote(7, 0, 1),
                List.of("DIGI-1"), "Stabsabteilung Digitalisierung", LocalDate.of(2026, 6, 30), "");
        decision(s, first, lk1, "LK-2026-02", "Budgetfreigabe Parkraum", DecisionStatus.SUPERSEDED, new Vote(6, 1, 1),
                List.of("DIGI-2"), "Fachbereich Sicherheit und Ordnung", LocalDate.of(2026, 12, 31), "LK-2026-03");
        Decision inJira = decision(s, first, lk1, "LK-2026-03", "Budgetfreigabe Parkraum (neu)",
                DecisionStatus.DECIDED, new Vote(8, 0, 0), List.of("DIGI-2", "DIGI-1"),
                "Fachbereich Sicherheit und Ordnung", LocalDate.of(2027, 3, 31), "");
        // Its Jira issue is in a status of the category "in progress".
        s.decisions.followIssue(inJira.id(), "DIGI-9", ImplementationState.IN_PROGRESS);
        decision(s, first, lk1, "LK-2026-04", "Ausschreibung Sensorik", DecisionStatus.REJECTED, new Vote(3, 6, 1),
                List.of("DIGI-4"), "", null, "");
        Decision withdrawn = decision(s, first, lk1, "LK-2026-05", "Priorisierung Schul-WLAN", DecisionStatus.PROPOSED,
                null, List.of("DIGI-5"), "", null, "");
        s.decisions.setWithdrawn(withdrawn.id(), true, "page:" + lk1.getId() + "/v2");
        Decision claimed = decision(s, second, lk2, "LK-2026-06", "Haushaltsplanung Digitalisierung 2027",
                DecisionStatus.READY_FOR_VOTE, null, List.of("DIGI-1"), "Stabsabteilung Digitalisierung",
                LocalDate.of(2027, 1, 31), "");
        // Saved by someone without the secretary's or the CDO's role: the page claims a status the register refused.
        s.decisions.applyPage(new PageEdit<>(new Decision(0, claimed.macroId(), claimed.number(), claimed.title(),
                claimed.text(), DecisionStatus.DECIDED, new Vote(5, 1, 0), claimed.meetingId(), 0,
                claimed.projectKeys(), claimed.owner(), claimed.dueDate(), "", claimed.page(), false,
                claimed.isPublic()), second.date(), false, "page:" + lk2.getId() + "/v2"));
        decision(s, second, lk2, "LK-2026-07", "Personalplanung Digitalisierung", DecisionStatus.DEFERRED, null,
                List.of(), "", null, "");
    }

    private static Decision decision(Sandbox s, Meeting meeting, SandboxPage page, String number, String title,
                                     DecisionStatus status, Vote vote, List<String> projects, String owner,
                                     LocalDate due, String successor) {
        return s.decisions.record(new Decision(0, "golden-" + number, number, title,
                "Der Lenkungskreis beschließt: " + title + ".", status, vote, meeting.id(), 0, projects, owner, due,
                successor, ref(page), false, meeting.isPublic()), meeting.date(), "page:" + page.getId() + "/v1");
    }

    private static void inputs(Sandbox s, SandboxPage br1, SandboxPage br2) {
        Meeting first = s.committee.save(new Meeting(0, ADVISORY, "BR 2026/1", "1. Sitzung des Beirats 2026",
                LocalDate.of(2026, 4, 20), "Hochschule", br1.getId(), true));
        Meeting second = s.committee.save(new Meeting(0, ADVISORY, "BR 2026/2", "2. Sitzung des Beirats 2026",
                LocalDate.of(2026, 10, 5), "Hochschule", br2.getId(), false));
        input(s, first, br1, "BR-2026-01", "Empfehlung zu Open Data", "Open Data", EnumSet.of(Sector.WISSENSCHAFT),
                List.of("DIGI-3"), new CityAnswer(AnswerStatus.IMPLEMENTED, "Wird im Projekt aufgegriffen.",
                        "Stabsabteilung Digitalisierung", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 1)));
        input(s, first, br1, "BR-2026-02", "Empfehlung zur Sensorik", "Smart City und Sensorik",
                EnumSet.of(Sector.WIRTSCHAFT, Sector.KOMMUNEN), List.of("DIGI-4"),
                new CityAnswer(AnswerStatus.DECLINED, "Keine Haushaltsmittel im Doppelhaushalt.",
                        "Stabsabteilung Digitalisierung", LocalDate.of(2026, 7, 1), null));
        input(s, first, br1, "BR-2026-03", "Empfehlung zur digitalen Teilhabe", "Digitale Teilhabe älterer Menschen",
                EnumSet.of(Sector.GESELLSCHAFT), List.of(), CityAnswer.RECEIVED);
        AdvisoryInput claimed = input(s, second, br2, "BR-2026-04", "Empfehlung zur Informationssicherheit",
                "Informationssicherheit", EnumSet.of(Sector.WISSENSCHAFT), List.of("DIGI-1"),
                new CityAnswer(AnswerStatus.UNDER_REVIEW, "", "Stabsabteilung Digitalisierung", null, null));
        s.advisory.applyPage(new PageEdit<>(claimed.withAnswer(new CityAnswer(AnswerStatus.ADOPTED, "", "", null,
                null)), second.date(), false, "page:" + br2.getId() + "/v2"));
    }

    private static AdvisoryInput input(Sandbox s, Meeting meeting, SandboxPage page, String number, String title,
                                       String topic, Set<Sector> sectors, List<String> projects, CityAnswer answer) {
        return s.advisory.record(new AdvisoryInput(0, "golden-" + number, number, title,
                "Der Beirat empfiehlt: " + title + ".", topic, sectors, meeting.id(), projects, meeting.date(), answer,
                ref(page), false, meeting.isPublic()), "page:" + page.getId() + "/v1");
    }

    private static PageRef ref(SandboxPage page) {
        return new PageRef(page.getId(), page.getVersion(), page.getSpaceKey(), page.getTitle());
    }
}
