package de.digitalstrategie.cockpit.schema;

import de.digitalstrategie.cockpit.committee.AgendaItem;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes into the stores comes back unchanged, on every database. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class StoreRoundTripTest {
    private final StoreFixture store;

    StoreRoundTripTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void projectKeepsEveryFieldIncludingLongTextAndLargeSums() {
        String longText = "Ziel: „Verwaltung digital“ – ".repeat(400); // ~12,000 characters: beyond VARCHAR(255)
        DigitalProject project = new DigitalProject("DIGI-7", "E-Akte und DMS flächendeckend",
                new ProjectProfile(longText, "Medienbruchfreie Vorgänge", "FB 1, FB 3, IT", "Abteilung IT",
                        "Akzeptanz; Schnittstellen", "Landesförderung „Digitale Kommune“"),
                new TimeFrame(LocalDate.of(2024, 2, 1), LocalDate.of(2027, 6, 30)),
                12_345_678_901L, 2_500_000_00L, ProjectStatus.RUNNING, Phase.IMPLEMENTATION, Health.AMBER,
                "innere-verwaltung", "3.4", Instant.parse("2026-11-20T10:15:30Z"));
        store.projects.save(project);
        assertEquals(project, store.projects.find("DIGI-7").orElseThrow());

        DigitalProject changed = new DigitalProject("DIGI-7", "E-Akte (Phase 2)", project.profile(), project.timeFrame(),
                1L, 0L, ProjectStatus.PAUSED, Phase.PLANNING, Health.RED, "finanzen", "3.4", project.updated());
        store.projects.save(changed);
        assertEquals(List.of(changed), store.projects.all());
        assertTrue(store.projects.remove("DIGI-7"));
        assertEquals(0, store.projects.count());
    }

    @Test
    void organisationIsConfigurableData() {
        store.organisation.save(new Department("ewr-ag", "EWR AG", DepartmentKind.BETEILIGUNGSUNTERNEHMEN, "https://example.org"));
        store.organisation.save(new Department("innere-verwaltung", "Innere Verwaltung", DepartmentKind.QUERSCHNITTSREFERAT, ""));
        store.organisation.save(new Department("ewr-ag", "EWR AG (Energie)", DepartmentKind.BETEILIGUNGSUNTERNEHMEN, ""));
        assertEquals(2, store.organisation.countDepartments());
        assertEquals("EWR AG (Energie)", store.organisation.department("ewr-ag").orElseThrow().name());
        store.organisation.save(new FieldOfAction("3.2", "Lebensqualität", "Quality of life", 2, ""));
        store.organisation.save(new FieldOfAction("3.1", "Mobilität", "Mobility", 1, ""));
        assertEquals(List.of("3.1", "3.2"), store.organisation.fieldsOfAction().stream().map(FieldOfAction::key).toList());
    }

    @Test
    void bodiesMembersMeetingsAndAgenda() {
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis Digitalstrategie", true));
        store.committee.save(new Body("beirat", BodyKind.ADVISORY_BOARD, "Beirat Digitalstrategie", true));
        Member cdo = new Member("lenkungskreis", "cdo", "CDO der Stadt", MemberRole.CDO, null, "stabsabteilung", true);
        Member expert = new Member("beirat", "prof", "Prof. Beispiel", MemberRole.ADVISORY_EXPERT, Sector.WISSENSCHAFT, "", false);
        store.committee.save(cdo);
        store.committee.save(expert);
        assertEquals(List.of(cdo), store.committee.members("lenkungskreis"));
        assertEquals(List.of(expert), store.committee.seatsOf("prof"));
        // An expert cannot sit on the steering committee.
        assertThrows(ValidationException.class, () -> store.committee.save(
                new Member("lenkungskreis", "prof", "Prof. Beispiel", MemberRole.ADVISORY_EXPERT, Sector.WISSENSCHAFT, "", false)));

        Meeting first = store.committee.save(new Meeting(0, "lenkungskreis", "LK 2026/1", "1. Sitzung",
                LocalDate.of(2026, 2, 10), "Rathaus, Raum 101", 0, true));
        Meeting second = store.committee.save(new Meeting(0, "lenkungskreis", "LK 2026/2", "2. Sitzung",
                LocalDate.of(2026, 5, 12), "", 0, false));
        assertEquals(List.of(second, first), store.committee.meetings("lenkungskreis"));
        AgendaItem top2 = store.committee.add(new AgendaItem(0, first.id(), 2, "TOP 2", "E-Akte", true));
        AgendaItem top1 = store.committee.add(new AgendaItem(0, first.id(), 1, "TOP 1", "Begrüßung", true));
        assertEquals(List.of(top1, top2), store.committee.agenda(first.id()));
        assertEquals(2, store.committee.countMeetings("lenkungskreis"));
    }
}
