package de.digitalstrategie.cockpit.minutes;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.minutes.sync.SyncReport;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A minutes page brings the registers in line, and never loses or silently bends a record. */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class MinutesSyncTest {
    private static final long PAGE = 4711;
    private final StoreFixture store;
    private final MinutesSync sync;

    MinutesSyncTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        store.committee.save(new Body("beirat", BodyKind.ADVISORY_BOARD, "Beirat", true));
        this.sync = new MinutesSync(store.decisions, store.advisory, store.committee, StoreFixture.CLOCK,
                store.locks);
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
        return sync.pageSaved(new MinutesPage(PAGE, version, "DIGI", "Protokoll LK 2026/4", "<h1>Protokoll</h1>" + body));
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

        SyncReport trashed = sync.pageTrashed(PAGE);
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
}
