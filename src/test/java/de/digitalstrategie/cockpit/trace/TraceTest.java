package de.digitalstrategie.cockpit.trace;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.minutes.sync.SyncReport;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.store.RecordLinks;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import de.digitalstrategie.cockpit.trace.macro.DecisionStates;
import de.digitalstrategie.cockpit.trace.macro.TraceViews;
import de.digitalstrategie.cockpit.trace.store.Traces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision names the advisory input it takes up on its minutes page; the sync keeps the link
 * with the decision, in its transaction, and the trace reads it both ways over the pages the viewer
 * may see only: a decision or an input on another page is neither shown nor counted.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class TraceTest {
    private static final long LK = 4711;
    private static final long LK_CONFIDENTIAL = 4713;
    private static final long BR = 4712;
    private static final String SECRETARY = "schriftfuehrung";
    private final StoreFixture store;
    private final Traces traces;
    private final RecordLinks links;

    TraceTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        store.committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        store.committee.save(new Body("beirat", BodyKind.ADVISORY_BOARD, "Beirat", true));
        store.committee.save(new Member("lenkungskreis", SECRETARY, "Schriftführung", MemberRole.SECRETARY, null, "",
                true));
        store.committee.save(new Member("beirat", SECRETARY, "Schriftführung", MemberRole.SECRETARY, null, "", true));
        store.minutesPlaces.save("lenkungskreis", new Places(Set.of("LK"), Set.of()));
        store.minutesPlaces.save("beirat", new Places(Set.of("BR"), Set.of()));
        this.traces = store.bean(Traces.class);
        this.links = store.bean(RecordLinks.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String decision(String id, String number, String status, String inputs) {
        return "<ac:structured-macro ac:name=\"committee-decision\" ac:schema-version=\"1\" ac:macro-id=\"" + id + "\">"
                + "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Beschluss " + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"status\">" + status + "</ac:parameter>"
                + (inputs == null ? "" : "<ac:parameter ac:name=\"inputs\">" + inputs + "</ac:parameter>")
                + "<ac:rich-text-body><p>Der Lenkungskreis beschließt.</p></ac:rich-text-body></ac:structured-macro>";
    }

    private static String input(String id, String number) {
        return "<ac:structured-macro ac:name=\"advisory-input\" ac:schema-version=\"1\" ac:macro-id=\"" + id + "\">"
                + "<ac:parameter ac:name=\"number\">" + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"title\">Empfehlung " + number + "</ac:parameter>"
                + "<ac:parameter ac:name=\"sectors\">wissenschaft</ac:parameter>"
                + "<ac:parameter ac:name=\"received\">2026-06-03</ac:parameter>"
                + "<ac:rich-text-body><p>Der Beirat empfiehlt.</p></ac:rich-text-body></ac:structured-macro>";
    }

    private SyncReport save(long page, int version, String space, String title, String body) {
        return store.minutesSync.pageSaved(new MinutesPage(page, version, space, title, body, List.of(), SECRETARY));
    }

    private long boardMeeting() {
        return store.committee.meetingByPage(BR).orElseThrow().id();
    }

    private List<String> takenUpBy(String input, Set<Long> viewable) {
        return traces.ofMeeting(boardMeeting(), viewable).stream().filter(t -> t.input().number().equals(input))
                .findFirst().orElseThrow().decisions().stream().map(d -> d.record().number()).toList();
    }

    @Test
    void theSyncKeepsWhatADecisionTakesUpAndTheTraceReadsItBothWays() {
        assertTrue(save(BR, 1, "BR", "BR 2026/1", input("i1", "BR-2026-01") + input("i2", "BR-2026-02")).clean());
        SyncReport lk = save(LK, 1, "LK", "LK 2026/1", decision("d1", "LK-2026-01", "decided", "BR-2026-01, BR-2026-02")
                + decision("d2", "LK-2026-02", "proposed", "BR-2026-02; BR-2099-99"));
        assertTrue(lk.clean(), lk.toString());
        Set<Long> all = Set.of(LK, BR);
        assertEquals(List.of("LK-2026-01"), takenUpBy("BR-2026-01", all));
        assertEquals(List.of("LK-2026-01", "LK-2026-02"), takenUpBy("BR-2026-02", all));
        assertEquals(2, traces.ofMeeting(boardMeeting(), all).size());

        Decision first = store.decisions.ofPage(LK).get(0);
        Decision second = store.decisions.ofPage(LK).get(1);
        Map<Long, List<String>> inputs = numbers(traces.inputsOf(List.of(first, second), all));
        assertEquals(List.of("BR-2026-01", "BR-2026-02"), inputs.get(first.id()));
        assertEquals(List.of("BR-2026-02"), inputs.get(second.id()), "a number no input has is not named");

        // The page changes what a decision takes up: the links follow, none is left behind.
        save(LK, 2, "LK", "LK 2026/1", decision("d1", "LK-2026-01", "decided", "BR-2026-02")
                + decision("d2", "LK-2026-02", "proposed", null));
        assertEquals(List.of(), takenUpBy("BR-2026-01", all));
        assertEquals(List.of("LK-2026-01"), takenUpBy("BR-2026-02", all));
        assertEquals(Map.of(first.id(), List.of("BR-2026-02")), links.targets(RecordKind.DECISION,
                List.of(first.id(), second.id()), RecordKind.ADVISORY_INPUT));

        // A decision whose macro left the page no longer takes anything up.
        save(LK, 3, "LK", "LK 2026/1", decision("d2", "LK-2026-02", "proposed", null));
        assertEquals(List.of(), takenUpBy("BR-2026-02", all));
    }

    @Test
    void nothingOnAPageTheViewerMayNotSeeIsShownOrCounted() {
        save(BR, 1, "BR", "BR 2026/1", input("i1", "BR-2026-01"));
        save(LK, 1, "LK", "LK 2026/1", decision("d1", "LK-2026-01", "decided", "BR-2026-01"));
        save(LK_CONFIDENTIAL, 1, "LK", "LK 2026/2", decision("d9", "LK-2026-09", "decided", "BR-2026-01"));
        assertEquals(List.of("LK-2026-01", "LK-2026-09"), takenUpBy("BR-2026-01", Set.of(LK, LK_CONFIDENTIAL, BR)));
        assertEquals(List.of("LK-2026-01"), takenUpBy("BR-2026-01", Set.of(LK, BR)),
                "a decision on confidential minutes is not listed");
        assertEquals(List.of(), traces.ofMeeting(boardMeeting(), Set.of(LK, LK_CONFIDENTIAL)),
                "input on a page the viewer may not see is not listed");
        assertTrue(traces.ofInput("BR-2026-01", Set.of(LK)).isEmpty());
        Decision confidential = store.decisions.ofPage(LK_CONFIDENTIAL).get(0);
        assertEquals(Map.of(), traces.inputsOf(List.of(confidential), Set.of(LK, LK_CONFIDENTIAL)),
                "an input the viewer may not see is not named by the decisions that take it up");
    }

    @Test
    void aBadNumberLeavesTheDecisionAndItsLinksAsTheyWere() {
        save(BR, 1, "BR", "BR 2026/1", input("i1", "BR-2026-01"));
        save(LK, 1, "LK", "LK 2026/1", decision("d1", "LK-2026-01", "decided", "BR-2026-01"));
        SyncReport bad = save(LK, 2, "LK", "LK 2026/1", decision("d1", "LK-2026-01", "decided",
                "BR-2026-01, " + "X".repeat(41)).replace("Beschluss LK-2026-01", "Neuer Titel"));
        assertEquals(List.of("cockpit.sync.error.macro"), bad.problems().stream().map(Message::key).toList());
        assertEquals("Beschluss LK-2026-01", store.decisions.ofPage(LK).get(0).title(), "the decision stays as it was");
        assertEquals(List.of("LK-2026-01"), takenUpBy("BR-2026-01", Set.of(LK, BR)));
    }

    @Test
    void aDecisionSetToDoneShowsItsStateAndTheDayItWasDoneAsTheTracesLastStep() {
        save(BR, 1, "BR", "BR 2026/1", input("i1", "BR-2026-01"));
        save(LK, 1, "LK", "LK 2026/1", decision("d1", "LK-2026-01", "decided", "BR-2026-01"));
        Set<Long> all = Set.of(LK, BR);
        Texts german = new Texts(new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN), Locale.GERMAN);
        MacroRequest request = new MacroRequest(german, new Formats(Locale.GERMAN), true, "m1", Map.of(), BR,
                LocalDate.of(2026, 12, 7), "", null);
        TraceViews views = store.bean(TraceViews.class);

        InputTrace open = traces.ofInput("BR-2026-01", all).orElseThrow();
        Decision decided = open.decisions().get(0).record();
        assertEquals("Offen", DecisionStates.label(decided, german), "a decision in force shows its implementation");
        assertEquals("aui-lozenge-subtle", DecisionStates.of(decided, german).classHtml());
        assertTrue(DecisionStates.doneOn(decided, open).isEmpty());
        assertFalse(views.view(open, Visibility.NONE, request).steps().get(2).reached());

        store.decisions.setImplementation(decided.id(), ImplementationState.IN_PROGRESS, SECRETARY, "");
        store.decisions.setImplementation(decided.id(), ImplementationState.DONE, SECRETARY, "abgenommen");
        InputTrace done = traces.ofInput("BR-2026-01", all).orElseThrow();
        Decision carriedOut = done.decisions().get(0).record();
        LocalDate day = LocalDate.ofInstant(StoreFixture.CLOCK.instant(), StoreFixture.CLOCK.getZone());
        assertEquals(Map.of(carriedOut.id(), day), done.doneOn(), "the day of the last change to done, from the history");
        assertEquals(day, DecisionStates.doneOn(carriedOut, done).orElseThrow());
        assertEquals("Umgesetzt", DecisionStates.label(carriedOut, german));
        assertEquals("aui-lozenge-success", DecisionStates.of(carriedOut, german).classHtml());
        TraceViews.Step last = views.view(done, Visibility.NONE, request).steps().get(2);
        assertTrue(last.reached(), last.toString());
        assertEquals(german.plain("cockpit.trace.step.took",
                java.time.temporal.ChronoUnit.DAYS.between(done.decisions().get(0).on(), day)), last.daysHtml());

        // Set back to in progress, it is no longer done: the day in its history does not count.
        store.decisions.setImplementation(carriedOut.id(), ImplementationState.IN_PROGRESS, SECRETARY, "Mängel");
        InputTrace reopened = traces.ofInput("BR-2026-01", all).orElseThrow();
        assertTrue(DecisionStates.doneOn(reopened.decisions().get(0).record(), reopened).isEmpty());
        assertFalse(views.view(reopened, Visibility.NONE, request).steps().get(2).reached());
    }

    private static Map<Long, List<String>> numbers(Map<Long, List<de.digitalstrategie.cockpit.advisory.AdvisoryInput>> m) {
        Map<Long, List<String>> numbers = new java.util.HashMap<>();
        m.forEach((id, inputs) -> numbers.put(id, inputs.stream().map(i -> i.number()).toList()));
        return numbers;
    }
}
