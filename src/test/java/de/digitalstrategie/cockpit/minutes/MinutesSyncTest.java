package de.digitalstrategie.cockpit.minutes;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.minutes.sync.SyncReport;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A minutes page brings the registers in line, and never loses or silently bends a record; only a
 * page in the body's minutes places writes its register, and only its secretary and CDO change a
 * status there, as over REST.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class MinutesSyncTest {
    private static final long PAGE = 4711;
    private static final String SECRETARY = "schriftfuehrung";
    private static final String STAFF = "mitarbeiterin";
    private final StoreFixture store;
    private final MinutesSync sync;

    MinutesSyncTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        store.committee.save(new Body("beirat", BodyKind.ADVISORY_BOARD, "Beirat", true));
        store.committee.save(new Member("lenkungskreis", SECRETARY, "Schriftführung", MemberRole.SECRETARY, null, "",
                true));
        store.committee.save(new Member("beirat", SECRETARY, "Schriftführung", MemberRole.SECRETARY, null, "", true));
        store.minutesPlaces.save("lenkungskreis", new Places(Set.of("DIGI"), Set.of()));
        store.minutesPlaces.save("beirat", new Places(Set.of("DIGI"), Set.of()));
        this.sync = store.minutesSync;
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String decision(String id, String number, String status, String extra) {
        return "<ac:structured-macro ac:name=\"committee-decision\" ac:schema-version=\"1\" ac:macro-id=\"" + id + "\">"
                + "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Freigabe &amp; Start</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">" + status + "</ac:parameter>"
                + "<ac:parameter ac:name=\"projects\">DIGI-1, digi-2</ac:parameter>" + extra
                + "<ac:rich-text-body><p>Der Lenkungskreis beschlie&szlig;t&nbsp;die Freigabe.</p></ac:rich-text-body>"
                + "</ac:structured-macro>";
    }

    static String input(String id, String number, String status, String extra) {
        return "<ac:structured-macro ac:name=\"advisory-input\" ac:schema-version=\"1\" ac:macro-id=\"" + id + "\">"
                + "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Open Data</ac:parameter>"
                + "<ac:parameter ac:name=\"sectors\">wissenschaft, gesellschaft</ac:parameter>"
                + "<ac:parameter ac:name=\"received\">2026-06-03</ac:parameter>"
                + "<ac:parameter ac:name=\"answer-status\">" + status + "</ac:parameter>" + extra
                + "<ac:rich-text-body><p>Der Beirat empfiehlt ein Open-Data-Portal.</p></ac:rich-text-body>"
                + "</ac:structured-macro>";
    }

    private SyncReport save(int version, String body) {
        return save(version, body, SECRETARY);
    }

    private SyncReport save(int version, String body, String editor) {
        return sync.pageSaved(new MinutesPage(PAGE, version, "DIGI", "Protokoll LK 2026/4", "<h1>Protokoll</h1>" + body,
                List.of(), editor));
    }

    private static List<String> keys(SyncReport report) {
        return report.problems().stream().map(Message::key).toList();
    }

    private Decision decisionNumber(String number) {
        return store.decisions.ofPage(PAGE).stream().filter(d -> d.number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void recordsStatusChangesThroughTheWorkflowAndRefusesIllegalJumps() {
        SyncReport first = save(1, decision("m1", "LK-2026-30", "ready-for-vote", "")
                + decision("m2", "LK-2026-31", "proposed", "") + input("m3", "BR-2026-09", "received", ""));
        assertEquals(3, first.recorded());
        assertTrue(first.clean(), first.toString());
        Decision recorded = decisionNumber("LK-2026-30");
        assertEquals(List.of("DIGI-1", "DIGI-2"), recorded.projectKeys());
        assertEquals("Der Lenkungskreis beschließt die Freigabe.", recorded.text());
        assertEquals("Freigabe & Start", recorded.title());
        assertTrue(store.committee.meetingByPage(PAGE).isPresent(), "a minutes page gets its meeting");

        SyncReport second = save(2, decision("m1", "LK-2026-30", "decided", "<ac:parameter ac:name=\"vote\">7/1/1</ac:parameter>")
                + decision("m2", "LK-2026-31", "decided", "<ac:parameter ac:name=\"vote\">6/0/0</ac:parameter>")
                + input("m3", "BR-2026-09", "under-review", ""));
        assertEquals(2, second.statusChanges(), second.toString());
        assertEquals(1, second.refused(), "proposed → decided skips the vote's agenda slot");
        assertEquals(DecisionStatus.DECIDED, decisionNumber("LK-2026-30").status());
        Decision skipped = decisionNumber("LK-2026-31");
        assertEquals(DecisionStatus.PROPOSED, skipped.status(), "an illegal jump is not applied");
        assertEquals(DecisionStatus.DECIDED, store.decisions.conflict(skipped.id()).orElseThrow(), "but recorded");
        assertTrue(store.decisions.history(skipped.id()).stream().anyMatch(e -> e.comment().startsWith("refused DECIDED")));
        assertEquals(AnswerStatus.UNDER_REVIEW, store.advisory.ofPage(PAGE).get(0).answer().status());

        // Putting the page right clears the conflict.
        SyncReport third = save(3, decision("m1", "LK-2026-30", "decided", "<ac:parameter ac:name=\"vote\">7/1/1</ac:parameter>")
                + decision("m2", "LK-2026-31", "proposed", "") + input("m3", "BR-2026-09", "under-review", ""));
        assertTrue(third.clean(), third.toString());
        assertTrue(store.decisions.conflict(skipped.id()).isEmpty());
    }

    @Test
    void removedMacrosWithdrawRecordsAndRestoringBringsThemBack() {
        save(1, decision("m1", "LK-2026-40", "proposed", "") + input("m2", "BR-2026-10", "received", ""));
        SyncReport removed = save(2, decision("m1", "LK-2026-40", "proposed", ""));
        assertEquals(1, removed.withdrawn());
        AdvisoryInput gone = store.advisory.ofPage(PAGE).get(0);
        assertTrue(gone.withdrawn());
        SyncReport back = save(3, decision("m1", "LK-2026-40", "proposed", "") + input("m2", "BR-2026-10", "received", ""));
        assertEquals(1, back.restored());
        assertFalse(store.advisory.find(gone.id()).orElseThrow().withdrawn());

        SyncReport trashed = sync.pageTrashed(new PageLocation(PAGE, "DIGI", List.of()));
        assertEquals(2, trashed.withdrawn());
        assertEquals(1, store.decisions.count(), "nothing is ever deleted");
        assertTrue(store.decisions.ofPage(PAGE).get(0).withdrawn());
        SyncReport restored = save(4, decision("m1", "LK-2026-40", "proposed", "") + input("m2", "BR-2026-10", "received", ""));
        assertEquals(2, restored.restored());
    }

    @Test
    void malformedStorageFormatLeavesEveryRecordUntouched() {
        save(1, decision("m1", "LK-2026-50", "ready-for-vote", ""));
        SyncReport broken = save(2, decision("m1", "LK-2026-50", "decided", "<ac:parameter ac:name=\"vote\">5/0/0</ac:parameter>")
                .replace("</ac:rich-text-body>", ""));
        assertEquals("cockpit.storage.error.malformed", broken.problems().get(0).key());
        Decision d = decisionNumber("LK-2026-50");
        assertEquals(DecisionStatus.READY_FOR_VOTE, d.status());
        assertFalse(d.withdrawn());
        assertEquals(1, store.decisions.history(d.id()).size());
    }

    @Test
    void oneBadMacroDoesNotStopTheOthers() {
        SyncReport report = save(1, decision("m1", "LK-2026-60", "proposed", "<ac:parameter ac:name=\"due\">31.02.2026</ac:parameter>")
                + decision("m2", "LK-2026-61", "sometime", "")
                + decision("", "LK-2026-62", "proposed", "")
                + decision("m4", "LK-2026-63", "proposed", ""));
        assertEquals(1, report.recorded());
        assertEquals(3, report.problems().size(), report.toString());
        assertEquals("cockpit.sync.error.macro", report.problems().get(0).key());
        assertEquals("cockpit.sync.error.no-macro-id", report.problems().get(2).key());
        assertEquals(List.of("LK-2026-63"), store.decisions.ofPage(PAGE).stream().map(Decision::number).toList());
    }

    @Test
    void aPageOutsideTheMinutesPlacesRecordsNothingAndSaysWhy() {
        SyncReport elsewhere = sync.pageSaved(new MinutesPage(PAGE, 1, "TEAM", "LK 2027/1",
                decision("m1", "LK-2027-01", "ready-for-vote", "") + input("m2", "BR-2027-01", "received", ""),
                List.of(), SECRETARY));
        assertEquals(0, elsewhere.recorded(), elsewhere.toString());
        assertEquals(List.of("cockpit.places.outside.steering-committee", "cockpit.places.outside.advisory-board"),
                keys(elsewhere));
        assertEquals(0, store.decisions.count());
        assertEquals(0, store.advisory.count());
        assertTrue(store.committee.meetingByPage(PAGE).isEmpty(), "no meeting either");
    }

    @Test
    void withoutPlacesNamedNothingIsRecordedAndThePageSaysWhoNamesThem() {
        store.minutesPlaces.save("lenkungskreis", Places.NONE);
        SyncReport report = save(1, decision("m1", "LK-2026-20", "proposed", ""));
        assertEquals(0, report.recorded());
        assertEquals(List.of("cockpit.places.none.steering-committee"), keys(report));
    }

    @Test
    void aPageTreeHoldsItsTopPageAndEveryPageBelow() {
        store.minutesPlaces.save("lenkungskreis", new Places(Set.of(), Set.of(100L)));
        SyncReport below = sync.pageSaved(new MinutesPage(PAGE, 1, "TEAM", "LK 2026/5",
                decision("m1", "LK-2026-21", "proposed", ""), List.of(7L, 100L, 200L), SECRETARY));
        assertEquals(1, below.recorded(), below.toString());
        SyncReport top = sync.pageSaved(new MinutesPage(100, 1, "TEAM", "LK 2026/6",
                decision("m2", "LK-2026-22", "proposed", ""), List.of(7L), SECRETARY));
        assertEquals(1, top.recorded(), top.toString());
        SyncReport beside = sync.pageSaved(new MinutesPage(300, 1, "TEAM", "LK 2026/7",
                decision("m3", "LK-2026-23", "proposed", ""), List.of(7L), SECRETARY));
        assertEquals(0, beside.recorded(), "a sibling of the tree's top is outside it");
    }

    /**
     * Records stay as recorded once their page is outside the places: neither changed, withdrawn
     * nor restored from there, so no one can undo the committee's records by moving a page away.
     */
    @Test
    void whatAPageRecordedStaysAsItWasOnceThePageIsOutsideThePlaces() {
        save(1, decision("m1", "LK-2026-24", "ready-for-vote", "") + input("m2", "BR-2026-24", "received", ""));
        store.minutesPlaces.save("lenkungskreis", new Places(Set.of("LK"), Set.of()));
        store.minutesPlaces.save("beirat", new Places(Set.of("BR"), Set.of()));
        SyncReport outside = save(2, decision("m1", "LK-2026-24", "decided", "<ac:parameter ac:name=\"vote\">5/0/0</ac:parameter>"));
        assertEquals(0, outside.withdrawn() + outside.statusChanges() + outside.updated(), outside.toString());
        Decision d = decisionNumber("LK-2026-24");
        assertEquals(DecisionStatus.READY_FOR_VOTE, d.status());
        assertFalse(store.advisory.ofPage(PAGE).get(0).withdrawn(), "not withdrawn by a page outside the places");
        assertEquals(0, sync.pageTrashed(new PageLocation(PAGE, "DIGI", List.of())).withdrawn(),
                "nor by trashing it there");
        assertFalse(decisionNumber("LK-2026-24").withdrawn());
    }

    @Test
    void aStatusChangeSavedBySomeoneWithoutTheRoleIsAConflictTheSecretarysIsApplied() {
        save(1, decision("m1", "LK-2026-25", "ready-for-vote", "") + input("m2", "BR-2026-25", "received", ""));
        Decision d = decisionNumber("LK-2026-25");
        AdvisoryInput i = store.advisory.ofPage(PAGE).get(0);

        String decided = decision("m1", "LK-2026-25", "decided", "<ac:parameter ac:name=\"vote\">9/0/0</ac:parameter>");
        String answered = input("m2", "BR-2026-25", "under-review", "");
        SyncReport byStaff = save(2, decided + answered, STAFF);
        assertEquals(2, byStaff.refused(), byStaff.toString());
        assertEquals(0, byStaff.statusChanges());
        assertEquals(DecisionStatus.READY_FOR_VOTE, decisionNumber("LK-2026-25").status(), "not applied");
        assertEquals(null, decisionNumber("LK-2026-25").vote(), "nor the vote that comes with it");
        assertEquals(DecisionStatus.DECIDED, store.decisions.conflict(d.id()).orElseThrow(), "but shown");
        assertEquals(MinutesSync.NO_ROLE, store.decisions.conflictReason(d.id()).orElseThrow());
        assertTrue(store.decisions.history(d.id()).stream()
                .anyMatch(e -> e.comment().equals("refused DECIDED: " + MinutesSync.NO_ROLE)), "and in the history");
        assertEquals(AnswerStatus.RECEIVED, store.advisory.find(i.id()).orElseThrow().answer().status());
        assertEquals(AnswerStatus.UNDER_REVIEW, store.advisory.conflict(i.id()).orElseThrow());
        assertTrue(keys(byStaff).contains("cockpit.sync.error.refused"));

        // Anonymous saves (no saver known) change no status either.
        assertEquals(2, save(3, decided + answered, "").refused());

        SyncReport bySecretary = save(4, decided + answered, SECRETARY);
        assertEquals(2, bySecretary.statusChanges(), bySecretary.toString());
        assertTrue(bySecretary.clean(), bySecretary.toString());
        assertEquals(DecisionStatus.DECIDED, decisionNumber("LK-2026-25").status());
        assertTrue(store.decisions.conflict(d.id()).isEmpty());
        assertEquals(AnswerStatus.UNDER_REVIEW, store.advisory.find(i.id()).orElseThrow().answer().status());
    }

    @Test
    void aNewDecisionFromSomeoneWithoutTheRoleStartsWhereTheWorkflowStarts() {
        SyncReport report = save(1, decision("m1", "LK-2026-26", "decided", "<ac:parameter ac:name=\"vote\">9/0/0</ac:parameter>")
                + decision("m2", "LK-2026-27", "proposed", ""), STAFF);
        assertEquals(2, report.recorded(), report.toString());
        assertEquals(1, report.refused());
        Decision claimed = decisionNumber("LK-2026-26");
        assertEquals(DecisionStatus.PROPOSED, claimed.status());
        assertEquals(null, claimed.vote());
        assertEquals(DecisionStatus.DECIDED, store.decisions.conflict(claimed.id()).orElseThrow());
        assertEquals(DecisionStatus.PROPOSED, decisionNumber("LK-2026-27").status());
        assertTrue(store.decisions.conflict(decisionNumber("LK-2026-27").id()).isEmpty());
    }

    @Test
    void aMeetingNumberFromThePageTitleIsCheckedLikeAnyOther() {
        for (String title : List.of("LK 2027/1 =HYPERLINK(\"https://example.org\";\"x\")", "=1+1", "@SUM(A1)",
                "LK 2027/1 <b>", "Protokoll der Sitzung des Lenkungskreises vom 1. Dezember 2027", "LK\t2027/1")) {
            SyncReport report = sync.pageSaved(new MinutesPage(PAGE, 1, "DIGI", title,
                    decision("m1", "LK-2027-02", "proposed", ""), List.of(), SECRETARY));
            assertEquals(0, report.recorded(), title);
            assertEquals(List.of("cockpit.places.bad-title"), keys(report), title);
            assertEquals("cockpit.meeting.error.number", ((Message) report.problems().get(0).args().get(0)).key());
            assertTrue(store.committee.meetingByPage(PAGE).isEmpty(), title);
        }
        SyncReport valid = sync.pageSaved(new MinutesPage(PAGE, 2, "DIGI", "Protokoll LK 2027/1 – Sondersitzung",
                decision("m1", "LK-2027-02", "proposed", ""), List.of(), SECRETARY));
        assertEquals(1, valid.recorded(), valid.toString());
        assertEquals("Protokoll LK 2027/1 – Sondersitzung", store.committee.meetingByPage(PAGE).orElseThrow().number());
    }
}
