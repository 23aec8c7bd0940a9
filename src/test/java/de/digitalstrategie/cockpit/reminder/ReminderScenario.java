package de.digitalstrategie.cockpit.reminder;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.testing.StoreFixture;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The records the reminder tests remind of, written through the plugin's stores on a real page
 * tree: an open minutes page and one restricted to two people. Today is the fixture's day.
 *
 * <ul>
 *   <li>{@code leitung-innere} (by user name): LK-1 overdue, LK-6 overdue on the restricted page it may view;</li>
 *   <li>{@code leitung-finanzen} (manages the unit "Finanzen", reads English): LK-2 due in five days;
 *       LK-5, also "Finanzen", is on the restricted page and never named to them; LK-3 is due beyond the window;</li>
 *   <li>the staff unit ({@code cdo}, {@code schriftfuehrung}): LK-7 and LK-10 named after the unit (the
 *       latter with its bracketed addition cut off), LK-4 whose owner names
 *       no one (its title and owner carry markup), BR-1 unanswered for 40 days;</li>
 *   <li>never: LK-8 (only proposed), LK-9 (withdrawn), BR-2 (10 days), BR-3 (answered).</li>
 * </ul>
 */
final class ReminderScenario {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String MARKUP_TITLE = "Glasfaser <img src=x onerror=alert(1)> & Schulen";
    static final String MARKUP_OWNER = "Stadt Worms mit EWR AG <script>alert(2)</script>";
    static final List<String> RECIPIENTS = List.of("cdo", "leitung-finanzen", "leitung-innere", "schriftfuehrung");

    final SandboxPage open;
    final SandboxPage restricted;

    ReminderScenario(StoreFixture f) {
        f.committee.save(new Body("lk", BodyKind.STEERING_COMMITTEE, "Lenkungskreis Digitalstrategie", true));
        f.committee.save(new Body("br", BodyKind.ADVISORY_BOARD, "Beirat Digitalstrategie", true));
        f.organisation.save(new Department("stab", "Stabsabteilung „Digitalisierung und E-Government“ (Leitung: Chief Digital Officer)",
                DepartmentKind.STABSABTEILUNG, ""));
        f.organisation.save(new Department("finanzen", "Finanzen", DepartmentKind.QUERSCHNITTSREFERAT, ""));
        f.committee.save(new Member("lk", "cdo", "CDO", MemberRole.CDO, null, "stab", true));
        f.committee.save(new Member("br", "schriftfuehrung", "Schriftführung", MemberRole.SECRETARY, null, "", true));
        f.committee.save(new Member("lk", "leitung-finanzen", "Leitung Finanzen", MemberRole.VOTING_MEMBER, null,
                "finanzen", true));
        f.committee.save(new Member("lk", "leitung-innere", "Leitung Innere", MemberRole.VOTING_MEMBER, null, "", true));
        open = f.host.pages.create("LK", "Protokoll LK 2026/4", "<p>Protokoll</p>", Set.of(), "minutes");
        restricted = f.host.pages.create("LK", "Protokoll LK 2026/5 (vertraulich)", "<p>Protokoll</p>",
                Set.of("cdo", "leitung-innere"), "minutes");
        decision(f, "LK-1", "Projektauftrag E-Akte", "leitung-innere", -3, DecisionStatus.DECIDED, open, false);
        decision(f, "LK-2", "Budgetfreigabe OZG", "Finanzen", 5, DecisionStatus.DECIDED, open, false);
        decision(f, "LK-3", "Ausschreibung Rechenzentrum", "finanzen", 30, DecisionStatus.DECIDED, open, false);
        decision(f, "LK-4", MARKUP_TITLE, MARKUP_OWNER, -1, DecisionStatus.DECIDED, open, false);
        decision(f, "LK-5", "Vertrauliche Haushaltssperre", "Finanzen", 1, DecisionStatus.DECIDED, restricted, false);
        decision(f, "LK-6", "Vertrauliche Personalplanung", "leitung-innere", -2, DecisionStatus.DECIDED, restricted, false);
        decision(f, "LK-7", "Meilensteinplan Stadt-App", "stabsabteilung  Digitalisierung und E-Government", 2,
                DecisionStatus.DECIDED, open, false);
        decision(f, "LK-10", "Betriebsübergabe Bürgerportal",
                "Stabsabteilung „Digitalisierung und E-Government“ (Leitung: Chief Digital Offic…", 3,
                DecisionStatus.DECIDED, open, false);
        decision(f, "LK-8", "Priorisierung", "leitung-innere", -10, DecisionStatus.PROPOSED, open, false);
        decision(f, "LK-9", "Betriebsübergabe", "leitung-innere", -10, DecisionStatus.DECIDED, open, true);
        input(f, "BR-1", "Empfehlung Open Data", 40, CityAnswer.RECEIVED);
        input(f, "BR-2", "Empfehlung KI", 10, CityAnswer.RECEIVED);
        input(f, "BR-3", "Empfehlung Teilhabe", 60, new CityAnswer(AnswerStatus.ADOPTED, "Wird umgesetzt.", "cdo",
                TODAY.minusDays(20), null));
    }

    private static PageRef ref(SandboxPage page) {
        return new PageRef(page.getId(), page.getVersion(), page.getSpaceKey(), page.getTitle());
    }

    private static void decision(StoreFixture f, String number, String title, String owner, int dueInDays,
                                 DecisionStatus status, SandboxPage page, boolean withdrawn) {
        f.decisions.record(new Decision(0, "", number, title, "", status, null, 0, 0, List.of(), owner,
                TODAY.plusDays(dueInDays), "", ref(page), withdrawn, true), "test");
    }

    private void input(StoreFixture f, String number, String title, int daysAgo, CityAnswer answer) {
        f.advisory.record(new AdvisoryInput(0, "", number, title, "", "", EnumSet.of(Sector.WISSENSCHAFT), 0,
                List.of(), TODAY.minusDays(daysAgo), answer, ref(open), false, true), "test");
    }
}
