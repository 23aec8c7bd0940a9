package de.digitalstrategie.cockpit.minutes.sync;

import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisoryParameters;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.DecisionWorkflow;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.lock.LockBusyException;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import de.digitalstrategie.cockpit.minutes.storage.MacroInstance;
import de.digitalstrategie.cockpit.minutes.storage.MalformedStorageFormatException;
import de.digitalstrategie.cockpit.minutes.storage.StorageFormatReader;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the registers in line with a minutes page. Records are keyed by their macro's id and
 * never deleted: a macro that leaves the page withdraws its record, one that comes back restores
 * it. A status a page edit sets goes through the workflow and the same role rules as REST: an
 * illegal jump, or a change saved by someone without the role, is recorded as a conflict and
 * shown, never applied. A page that cannot be read leaves every record untouched.
 *
 * <p>Only pages in a body's minutes places ({@link MinutesPlaces}) write its register. A page
 * elsewhere records nothing, whatever it holds; and what was recorded from a page that has since
 * left the places (moved, or the places narrowed) stays exactly as recorded: neither updated,
 * withdrawn nor restored from there. Otherwise anyone who may move or edit such a page, outside the
 * body's places, could withdraw or rewrite the body's records; they come under the page's control
 * again when it is back in the places.
 */
public class MinutesSync {
    private static final Logger LOG = Logger.getLogger(MinutesSync.class.getName());
    private static final StorageFormatReader READER =
            new StorageFormatReader(Set.of(DecisionParameters.MACRO, AdvisoryParameters.MACRO));

    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final MinutesPlaces places;
    private final Roles roles;
    private final Clock clock;
    private final ClusterLocks locks;

    /** The reason a page's status change was not applied when its saver lacks the role (see {@link Roles}). */
    public static final String NO_ROLE = "cockpit.sync.error.no-role";

    public MinutesSync(DecisionStore decisions, AdvisoryStore advisory, CommitteeStore committee, MinutesPlaces places,
                       Roles roles, Clock clock, ClusterLocks locks) {
        this.decisions = decisions;
        this.advisory = advisory;
        this.committee = committee;
        this.places = places;
        this.roles = roles;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * How long one node waits for another that is recording the same page: a page's records are
     * written in well under a second each, so this only runs out if the other node hangs.
     */
    private static final java.time.Duration PAGE_WAIT = java.time.Duration.ofSeconds(30);

    /**
     * The lock under which one page is recorded. One node at a time records a page: two nodes may
     * handle the same page version at once (an event heard twice, a retry), and working the page in
     * parallel would create its meeting twice, see a status the other node has just applied as an
     * illegal jump to itself, and deadlock on the rows both update. Serialised, the second node
     * finds the page recorded.
     */
    public static String pageLock(long pageId) {
        return ClusterLocks.stripe("minutes-page", pageId);
    }

    private SyncReport onePageAtATime(long pageId, java.util.function.Supplier<SyncReport> work) {
        return locks.runWaiting(pageLock(pageId), PAGE_WAIT, work);
    }

    /** Whether a page needs syncing at all: it holds our macros, or records came from it. */
    public boolean concerns(long pageId, String storageFormat) {
        return storageFormat != null && (storageFormat.contains(DecisionParameters.MACRO)
                || storageFormat.contains(AdvisoryParameters.MACRO))
                || !decisions.ofPage(pageId).isEmpty() || !advisory.ofPage(pageId).isEmpty();
    }

    /** A page was created, edited or restored: records it now, under the page's lock. */
    public SyncReport pageSaved(MinutesPage page) {
        return onePageAtATime(page.pageId(), () -> recordPage(page));
    }

    /**
     * Records a page version; the caller holds the page's lock ({@link #pageLock}).
     *
     * @throws LockBusyException if a record stays locked by another node: the whole version is
     *                           tried again later (recording it twice does no harm)
     */
    SyncReport recordPage(MinutesPage page) {
        List<MacroInstance> macros;
        try {
            macros = READER.read(page.storageFormat());
        } catch (MalformedStorageFormatException e) {
            LOG.log(Level.WARNING, "Minutes page {0} (version {1}) is not well-formed storage format: {2}; "
                    + "its records stay as they are", new Object[]{page.pageId(), page.version(), e.getMessage()});
            return new SyncReport(page.pageId(), 0, 0, 0, 0, 0, 0, List.of(e.userMessage()));
        }
        Tally tally = new Tally(page.pageId());
        String actor = "page:" + page.pageId() + "/v" + page.version();
        Recording recording = new Recording(page.location(), page.title(), page.editorKey());
        Set<String> onPage = new HashSet<>();
        Meeting meeting = null;
        for (MacroInstance macro : macros) {
            try {
                BodyKind kind = kindOf(macro.name());
                Optional<Message> refused = recording.refusal(kind);
                if (refused.isPresent()) {
                    // Recorded nothing, and the page's macros say why; one line per reason, not per macro.
                    if (!tally.problems.contains(refused.get())) {
                        tally.problems.add(refused.get());
                    }
                    continue;
                }
                if (macro.macroId().isEmpty()) {
                    tally.problems.add(Message.of("cockpit.sync.error.no-macro-id", macro.position() + 1));
                    continue;
                }
                onPage.add(macro.macroId());
                if (meeting == null) {
                    meeting = meetingOf(page, kind);
                }
                if (kind == BodyKind.STEERING_COMMITTEE) {
                    syncDecision(page, macro, meeting, actor, recording.mayChange(kind), tally);
                } else {
                    syncInput(page, macro, meeting, actor, recording.mayChange(kind), tally);
                }
            } catch (LockBusyException e) {
                throw e;
            } catch (LocalisedException e) {
                // One bad macro must not stop the others: its record (if any) stays as it was.
                tally.problems.add(Message.of("cockpit.sync.error.macro", macro.position() + 1, e.userMessage()));
            }
        }
        if (recording.records(BodyKind.STEERING_COMMITTEE)) {
            for (Decision d : decisions.ofPage(page.pageId())) {
                if (!d.withdrawn() && !onPage.contains(d.macroId())) {
                    decisions.setWithdrawn(d.id(), true, actor);
                    tally.withdrawn++;
                }
            }
        }
        if (recording.records(BodyKind.ADVISORY_BOARD)) {
            for (AdvisoryInput i : advisory.ofPage(page.pageId())) {
                if (!i.withdrawn() && !onPage.contains(i.macroId())) {
                    advisory.setWithdrawn(i.id(), true, actor);
                    tally.withdrawn++;
                }
            }
        }
        return tally.report();
    }

    private static BodyKind kindOf(String macroName) {
        return DecisionParameters.MACRO.equals(macroName) ? BodyKind.STEERING_COMMITTEE : BodyKind.ADVISORY_BOARD;
    }

    /**
     * What one page version may do, asked once per body kind: whether its macros record at all
     * (its place, its title), and whether its saver may change a status (the role, as over REST).
     */
    private final class Recording {
        private final PageLocation where;
        private final String title;
        private final String editorKey;
        private final Map<BodyKind, Optional<Message>> refusals = new EnumMap<>(BodyKind.class);
        private final Map<BodyKind, Boolean> roles = new EnumMap<>(BodyKind.class);

        Recording(PageLocation where, String title, String editorKey) {
            this.where = where;
            this.title = title;
            this.editorKey = editorKey;
        }

        Optional<Message> refusal(BodyKind kind) {
            return refusals.computeIfAbsent(kind, k -> places.refusal(k, where, title));
        }

        boolean records(BodyKind kind) {
            return refusal(kind).isEmpty();
        }

        boolean mayChange(BodyKind kind) {
            return roles.computeIfAbsent(kind, k -> !editorKey.isEmpty() && (k == BodyKind.STEERING_COMMITTEE
                    ? MinutesSync.this.roles.mayChangeDecisions(editorKey)
                    : MinutesSync.this.roles.mayAnswerAdvisory(editorKey)));
        }
    }

    /** A page went to the trash: everything recorded from it is withdrawn, nothing deleted. */
    public SyncReport pageTrashed(PageLocation page) {
        return onePageAtATime(page.pageId(), () -> trashPage(page));
    }

    /**
     * As {@link #pageTrashed}; the caller holds the page's lock. Only what the page may still
     * write: trashed from outside a body's places, it leaves that body's records alone.
     */
    SyncReport trashPage(PageLocation page) {
        long pageId = page.pageId();
        Tally tally = new Tally(pageId);
        String actor = "page:" + pageId + "/trash";
        if (places.bodyFor(BodyKind.STEERING_COMMITTEE, page).isPresent()) {
            for (Decision d : decisions.ofPage(pageId)) {
                if (!d.withdrawn()) {
                    decisions.setWithdrawn(d.id(), true, actor);
                    tally.withdrawn++;
                }
            }
        }
        if (places.bodyFor(BodyKind.ADVISORY_BOARD, page).isPresent()) {
            for (AdvisoryInput i : advisory.ofPage(pageId)) {
                if (!i.withdrawn()) {
                    advisory.setWithdrawn(i.id(), true, actor);
                    tally.withdrawn++;
                }
            }
        }
        return tally.report();
    }

    private void syncDecision(MinutesPage page, MacroInstance macro, Meeting meeting, String actor, boolean mayChange,
                              Tally tally) {
        DecisionParameters params = DecisionParameters.read(new MacroParameters(macro.parameters()));
        Decision fromPage = params.toDecision(macro.macroId(), macro.bodyText(), meeting.id(), page.ref());
        LocalDate date = params.date() != null ? params.date() : meeting.date();
        Optional<Decision> existing = decisions.findByMacroId(macro.macroId());
        DecisionStatus initial = DecisionWorkflow.WORKFLOW.initial();
        if (existing.isEmpty()) {
            if (mayChange || fromPage.status() == initial) {
                decisions.record(fromPage, date, actor);
                tally.recorded++;
                return;
            }
            // Recording it in any other status would be a status change by someone without the role:
            // it starts where the workflow starts, and the page's claim stands as a conflict.
            Decision recorded = decisions.record(asFound(fromPage, initial, null, ""), date, actor);
            tally.recorded++;
            refuseForRole(recorded.id(), fromPage.status(), actor, params.number(), tally);
            return;
        }
        Decision stored = existing.get();
        // Vote and successor come with a status change (as over REST): only from someone who may make one.
        decisions.record(mayChange ? fromPage : asFound(fromPage, stored.status(), stored.vote(), stored.successor()),
                date, actor);
        tally.updated++;
        if (stored.withdrawn()) {
            decisions.setWithdrawn(stored.id(), false, actor);
            tally.restored++;
        }
        if (stored.status() == fromPage.status()) {
            decisions.clearConflict(stored.id());
            return;
        }
        if (!mayChange) {
            refuseForRole(stored.id(), fromPage.status(), actor, params.number(), tally);
            return;
        }
        try {
            decisions.changeStatus(stored.id(), fromPage.status(), actor, fromPage.vote(), fromPage.successor(),
                    "page edit");
            decisions.clearConflict(stored.id());
            tally.statusChanges++;
        } catch (IllegalTransitionException refused) {
            decisions.markConflict(stored.id(), fromPage.status(), actor, refused.userMessage().key());
            tally.refused++;
            tally.problems.add(Message.of("cockpit.sync.error.refused", params.number(), refused.userMessage()));
        }
    }

    private void refuseForRole(long id, DecisionStatus claimed, String actor, String number, Tally tally) {
        decisions.markConflict(id, claimed, actor, NO_ROLE);
        tally.refused++;
        tally.problems.add(Message.of("cockpit.sync.error.refused", number,
                Message.of("cockpit.sync.error.no-role.decisions")));
    }

    /** The page's decision with the status, vote and successor the register holds instead of the page's. */
    private static Decision asFound(Decision d, DecisionStatus status, de.digitalstrategie.cockpit.decision.Vote vote,
                                    String successor) {
        return new Decision(d.id(), d.macroId(), d.number(), d.title(), d.text(), status, vote, d.meetingId(),
                d.agendaItemId(), d.projectKeys(), d.owner(), d.dueDate(), successor, d.page(), d.withdrawn(),
                d.isPublic());
    }

    private void syncInput(MinutesPage page, MacroInstance macro, Meeting meeting, String actor, boolean mayChange,
                           Tally tally) {
        AdvisoryParameters params = AdvisoryParameters.read(new MacroParameters(macro.parameters()));
        AdvisoryInput fromPage = params.toInput(macro.macroId(), macro.bodyText(), meeting.id(), meeting.date(),
                page.ref());
        Optional<AdvisoryInput> existing = advisory.findByMacroId(macro.macroId());
        AdvisoryInput stored = existing.orElse(null);
        AdvisoryInput recorded = advisory.record(fromPage, actor);
        if (stored == null) {
            tally.recorded++;
            stored = recorded;
        } else {
            tally.updated++;
            if (stored.withdrawn()) {
                advisory.setWithdrawn(stored.id(), false, actor);
                tally.restored++;
            }
        }
        AnswerStatus claimed = params.answerStatus();
        if (claimed != stored.answer().status() && !mayChange) {
            advisory.markConflict(stored.id(), claimed, actor, NO_ROLE);
            tally.refused++;
            tally.problems.add(Message.of("cockpit.sync.error.refused", params.number(),
                    Message.of("cockpit.sync.error.no-role.advisory")));
            return;
        }
        if (claimed != stored.answer().status()) {
            try {
                advisory.changeAnswer(stored.id(), claimed, actor, params.answer());
                advisory.clearConflict(stored.id());
                tally.statusChanges++;
            } catch (IllegalTransitionException refused) {
                advisory.markConflict(stored.id(), claimed, actor, refused.userMessage().key());
                tally.refused++;
                tally.problems.add(Message.of("cockpit.sync.error.refused", params.number(), refused.userMessage()));
                return;
            }
        } else {
            advisory.clearConflict(stored.id());
        }
        // Telling the board is an answer's step like its status (over REST too): the role's alone.
        if (mayChange && params.reportedOn() != null && claimed.answered()
                && advisory.find(stored.id()).orElseThrow().answer().reportedToBoardOn() == null) {
            advisory.reportToBoard(stored.id(), params.reportedOn(), actor);
        }
    }

    /**
     * The meeting a minutes page records; a page without one (e.g. made from the blueprint) gets
     * one, in the body whose minutes places hold it, numbered by the page's title (which
     * {@link MinutesPlaces#refusal} has checked like any other meeting number).
     */
    private Meeting meetingOf(MinutesPage page, BodyKind kind) {
        Optional<Meeting> known = committee.meetingByPage(page.pageId());
        if (known.isPresent()) {
            return known.get();
        }
        Body body = places.bodyFor(kind, page.location())
                .orElseThrow(() -> new LocalisedException(Message.of("cockpit.sync.error.no-body", kind.label())));
        String number = Meeting.checkNumber(page.title());
        return committee.save(new Meeting(0, body.key(), number, page.title(), LocalDate.now(clock), "", page.pageId(),
                false));
    }

    private static final class Tally {
        private final long pageId;
        private int recorded;
        private int updated;
        private int statusChanges;
        private int refused;
        private int withdrawn;
        private int restored;
        private final List<Message> problems = new ArrayList<>();

        Tally(long pageId) {
            this.pageId = pageId;
        }

        SyncReport report() {
            return new SyncReport(pageId, recorded, updated, statusChanges, refused, withdrawn, restored, problems);
        }
    }
}
