package de.digitalstrategie.cockpit.minutes;

import com.atlassian.confluence.pages.Page;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.minutes.MinutesSyncTest.decision;
import static de.digitalstrategie.cockpit.minutes.MinutesSyncTest.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may record, in the sandbox as in Confluence: pages saved through the host's page events,
 * each with its space, the pages above it and its saver. Only a page in a body's minutes places
 * (the demo names a space for each body) writes its register; a decision or input macro anywhere
 * else records nothing and says why, in the viewer's language. A status change saved by someone
 * without the role becomes a conflict; the secretary's is applied.
 */
class MinutesPlacesTest {
    private static final String STAFF = "mitarbeiterin";
    private static final String MEMBER = "leitung-finanzen";
    private static SandboxFixture fixture;
    private static Sandbox s;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        s = fixture.sandbox;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static SandboxPage create(String space, long parent, String title, String body, String editor) {
        SandboxPage page = s.pages.create(s.pages.reserveId(), space, parent, title, body, Set.of(), "minutes", editor);
        s.settle();
        return s.pages.find(page.getId()).orElseThrow();
    }

    private static String render(SandboxPage page, Locale locale) {
        return fixture.render(page.getBodyAsString(), "cdo", locale, Map.of(), "display", page);
    }

    private static Decision decisionOf(SandboxPage page, String number) {
        return s.decisions.ofPage(page.getId()).stream().filter(d -> d.number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void aPageOutsideTheMinutesPlacesRecordsNothingAndItsMacrosSayWhyInGermanAndEnglish() {
        String body = decision("out-1", "LK-2027-11", "ready-for-vote", "") + input("out-2", "BR-2027-11", "received", "");
        SandboxPage elsewhere = create("DIGI", 0, "LK 2027/11", body, WormsDemo.SECRETARY);
        assertEquals(List.of(), s.decisions.ofPage(elsewhere.getId()), "no decision from a page elsewhere");
        assertEquals(List.of(), s.advisory.ofPage(elsewhere.getId()), "no input either");
        assertTrue(s.committee.meetingByPage(elsewhere.getId()).isEmpty(), "nor a meeting");
        assertEquals(0, s.pendingPages.count(), "looked at and done with");

        String german = render(elsewhere, Locale.GERMAN);
        assertTrue(german.contains("Nicht erfasst: Diese Seite gehört nicht zu den Protokollen des Lenkungskreises."),
                german);
        assertTrue(german.contains("Nicht erfasst: Diese Seite gehört nicht zu den Protokollen des Beirats."), german);
        assertFalse(german.contains("aui-lozenge"), "no status: on such a page it is only what someone typed");
        assertFalse(german.contains("Wird beim Speichern"), "and no promise that it will be recorded");
        assertTrue(german.contains("LK-2027-11") && german.contains("Der Lenkungskreis beschlie"), "what the page says");
        String english = render(elsewhere, Locale.ENGLISH);
        assertTrue(english.contains("Not recorded: this page is not part of the minutes of the steering committee."),
                english);
        assertTrue(english.contains("Not recorded: this page is not part of the minutes of the advisory board."),
                english);

        // The same macros in the bodies' spaces are recorded, and show the register's status.
        SandboxPage steering = create(WormsDemo.STEERING_SPACE, 0, "LK 2027/12",
                decision("in-1", "LK-2027-12", "ready-for-vote", ""), WormsDemo.SECRETARY);
        SandboxPage board = create(WormsDemo.ADVISORY_SPACE, 0, "BR 2027/12",
                input("in-2", "BR-2027-12", "received", ""), WormsDemo.SECRETARY);
        assertEquals(DecisionStatus.READY_FOR_VOTE, decisionOf(steering, "LK-2027-12").status());
        assertEquals(1, s.advisory.ofPage(board.getId()).size());
        String recorded = render(steering, Locale.GERMAN);
        assertFalse(recorded.contains("Nicht erfasst"), recorded);
        assertTrue(recorded.contains("aui-lozenge-current\">Zur Abstimmung"), recorded);
    }

    @Test
    void aPageTreeNamedForABodyHoldsItsTopPageAndEveryPageBelow() {
        SandboxPage top = s.pages.create(s.pages.reserveId(), "TEAM", 0, "Protokolle des Lenkungskreises",
                "<p>Protokolle</p>", Set.of(), "page", WormsDemo.SECRETARY);
        SandboxPage year = s.pages.create(s.pages.reserveId(), "TEAM", top.getId(), "2027", "<p>2027</p>", Set.of(),
                "page", WormsDemo.SECRETARY);
        s.minutesPlaces.save(WormsDemo.STEERING, new Places(Set.of(WormsDemo.STEERING_SPACE), Set.of(top.getId())));
        try {
            SandboxPage inside = create("TEAM", year.getId(), "LK 2027/21",
                    decision("tree-1", "LK-2027-21", "proposed", ""), WormsDemo.SECRETARY);
            assertEquals(List.of(top.getId(), year.getId()), inside.getAncestors().stream().map(Page::getId).toList(),
                    "the page knows the pages above it, from the top");
            SandboxPage beside = create("TEAM", 0, "LK 2027/22", decision("tree-2", "LK-2027-22", "proposed", ""),
                    WormsDemo.SECRETARY);
            assertEquals(1, s.decisions.ofPage(inside.getId()).size(), "below the tree's top: recorded");
            assertEquals(List.of(), s.decisions.ofPage(beside.getId()), "beside it, in the same space: not");
            assertFalse(render(inside, Locale.GERMAN).contains("Nicht erfasst"));
            assertTrue(render(beside, Locale.GERMAN).contains("Nicht erfasst"));
        } finally {
            s.minutesPlaces.save(WormsDemo.STEERING, new Places(Set.of(WormsDemo.STEERING_SPACE), Set.of()));
        }
    }

    @Test
    void aStatusChangeSavedByStaffIsAConflictTheSecretarysIsApplied() {
        String ready = decision("role-1", "LK-2027-31", "ready-for-vote", "");
        String decided = decision("role-1", "LK-2027-31", "decided", "<ac:parameter ac:name=\"vote\">7/1/1</ac:parameter>");
        SandboxPage minutes = create(WormsDemo.STEERING_SPACE, 0, "LK 2027/31", ready, WormsDemo.SECRETARY);
        Decision d = decisionOf(minutes, "LK-2027-31");

        for (String editor : List.of(STAFF, MEMBER)) {
            s.pages.update(minutes.getId(), decided, editor);
            s.settle();
            assertEquals(DecisionStatus.READY_FOR_VOTE, s.decisions.find(d.id()).orElseThrow().status(),
                    editor + " may not decide");
            assertEquals(DecisionStatus.DECIDED, s.decisions.conflict(d.id()).orElseThrow(), "shown as a conflict");
        }
        SandboxPage byStaff = s.pages.find(minutes.getId()).orElseThrow();
        String german = render(byStaff, Locale.GERMAN);
        assertTrue(german.contains("diesen Statuswechsel hat jemand ohne das Recht dazu gespeichert"), german);
        assertTrue(german.contains("aui-lozenge-current\">Zur Abstimmung"), "the register's status, not the page's");
        assertTrue(render(byStaff, Locale.ENGLISH).contains("this status change was saved by someone without the right"));
        assertTrue(s.decisions.history(d.id()).stream().anyMatch(e -> e.comment().contains("refused DECIDED")),
                "and in the history");

        s.pages.update(minutes.getId(), decided, WormsDemo.SECRETARY);
        s.settle();
        assertEquals(DecisionStatus.DECIDED, s.decisions.find(d.id()).orElseThrow().status(), "the secretary's is applied");
        assertTrue(s.decisions.conflict(d.id()).isEmpty());

        // The city's answer: the same rule, with the board's chair and secretary.
        String received = input("role-2", "BR-2027-31", "received", "");
        String reviewed = input("role-2", "BR-2027-31", "under-review", "");
        SandboxPage board = create(WormsDemo.ADVISORY_SPACE, 0, "BR 2027/31", received, WormsDemo.SECRETARY);
        AdvisoryInput i = s.advisory.ofPage(board.getId()).get(0);
        s.pages.update(board.getId(), reviewed, STAFF);
        s.settle();
        assertEquals(AnswerStatus.RECEIVED, s.advisory.find(i.id()).orElseThrow().answer().status());
        assertTrue(render(s.pages.find(board.getId()).orElseThrow(), Locale.GERMAN)
                .contains("diesen Wechsel der Antwort hat jemand ohne das Recht dazu gespeichert"));
        s.pages.update(board.getId(), reviewed, "cdo");
        s.settle();
        assertEquals(AnswerStatus.UNDER_REVIEW, s.advisory.find(i.id()).orElseThrow().answer().status(), "the CDO's is");
    }

    @Test
    void aMeetingNumberFromThePageTitleIsRefusedWhenItIsNoValidOneAndThePageSaysSo() {
        SandboxPage formula = create(WormsDemo.STEERING_SPACE, 0, "LK 2027/41 =HYPERLINK(\"https://example.org\")",
                decision("title-1", "LK-2027-41", "proposed", ""), WormsDemo.SECRETARY);
        assertEquals(List.of(), s.decisions.ofPage(formula.getId()));
        assertTrue(s.committee.meetingByPage(formula.getId()).isEmpty(), "no meeting with such a number");
        String german = render(formula, Locale.GERMAN);
        assertTrue(german.contains("Nicht erfasst: Die Nummer der Sitzung wird aus dem Seitentitel genommen. "
                + "Die Sitzungsnummer [LK 2027/41 =HYPERLINK(&quot;https://example.org&quot;)] ist ungültig"), german);
        String english = render(formula, Locale.ENGLISH);
        assertTrue(english.contains("Not recorded: the number of the meeting is taken from the title of the page. "
                + "The meeting number [LK 2027/41 =HYPERLINK(&quot;https://example.org&quot;)] is not valid"), english);

        SandboxPage renamed = s.pages.create(s.pages.reserveId(), WormsDemo.STEERING_SPACE, 0, "LK 2027/41",
                formula.getBodyAsString(), Set.of(), "minutes", WormsDemo.SECRETARY);
        s.settle();
        assertEquals("LK 2027/41", s.committee.meetingByPage(renamed.getId()).orElseThrow().number());
    }
}
