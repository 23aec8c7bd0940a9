package de.digitalstrategie.cockpit.minutes.sync;

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
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.lock.LockBusyException;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.MinutesPage;
import de.digitalstrategie.cockpit.minutes.storage.MacroInstance;
import de.digitalstrategie.cockpit.minutes.storage.MalformedStorageFormatException;
import de.digitalstrategie.cockpit.minutes.storage.StorageFormatReader;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the registers in line with a minutes page. Records are keyed by their macro's id and
 * never deleted: a macro that leaves the page withdraws its record, one that comes back restores
 * it. A status a page edit sets goes through the workflow; an illegal jump is recorded as a
 * conflict and shown, never applied. A page that cannot be read leaves every record untouched.
 */
public class MinutesSync {
    private static final Logger LOG = Logger.getLogger(MinutesSync.class.getName());
    private static final StorageFormatReader READER =
            new StorageFormatReader(Set.of(DecisionParameters.MACRO, AdvisoryParameters.MACRO));

    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final Clock clock;
    private final ClusterLocks locks;

    public MinutesSync(DecisionStore decisions, AdvisoryStore advisory, CommitteeStore committee, Clock clock,
                       ClusterLocks locks) {
        this.decisions = decisions;
        this.advisory = advisory;
        this.committee = committee;
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
        Set<String> onPage = new HashSet<>();
        Meeting meeting = null;
        for (MacroInstance macro : macros) {
            try {
                if (macro.macroId().isEmpty()) {
                    tally.problems.add(Message.of("cockpit.sync.error.no-macro-id", macro.position() + 1));
                    continue;
                }
                onPage.add(macro.macroId());
                if (meeting == null) {
                    meeting = meetingOf(page, macro.name());
                }
                if (DecisionParameters.MACRO.equals(macro.name())) {
                    syncDecision(page, macro, meeting, actor, tally);
                } else {
                    syncInput(page, macro, meeting, actor, tally);
                }
            } catch (LockBusyException e) {
                throw e;
            } catch (LocalisedException e) {
                // One bad macro must not stop the others: its record (if any) stays as it was.
                tally.problems.add(Message.of("cockpit.sync.error.macro", macro.position() + 1, e.userMessage()));
            }
        }
        for (Decision d : decisions.ofPage(page.pageId())) {
            if (!d.withdrawn() && !onPage.contains(d.macroId())) {
                decisions.setWithdrawn(d.id(), true, actor);
                tally.withdrawn++;
            }
        }
        for (AdvisoryInput i : advisory.ofPage(page.pageId())) {
            if (!i.withdrawn() && !onPage.contains(i.macroId())) {
                advisory.setWithdrawn(i.id(), true, actor);
                tally.withdrawn++;
            }
        }
        return tally.report();
    }

    /** A page went to the trash: everything recorded from it is withdrawn, nothing deleted. */
    public SyncReport pageTrashed(long pageId) {
        return onePageAtATime(pageId, () -> trashPage(pageId));
    }

    /** As {@link #pageTrashed}; the caller holds the page's lock. */
    SyncReport trashPage(long pageId) {
        Tally tally = new Tally(pageId);
        String actor = "page:" + pageId + "/trash";
        for (Decision d : decisions.ofPage(pageId)) {
            if (!d.withdrawn()) {
                decisions.setWithdrawn(d.id(), true, actor);
                tally.withdrawn++;
            }
        }
        for (AdvisoryInput i : advisory.ofPage(pageId)) {
            if (!i.withdrawn()) {
                advisory.setWithdrawn(i.id(), true, actor);
                tally.withdrawn++;
            }
        }
        return tally.report();
    }

    private void syncDecision(MinutesPage page, MacroInstance macro, Meeting meeting, String actor, Tally tally) {
        DecisionParameters params = DecisionParameters.read(new MacroParameters(macro.parameters()));
        Decision fromPage = params.toDecision(macro.macroId(), macro.bodyText(), meeting.id(), page.ref());
        LocalDate date = params.date() != null ? params.date() : meeting.date();
        Optional<Decision> existing = decisions.findByMacroId(macro.macroId());
        if (existing.isEmpty()) {
            decisions.record(fromPage, date, actor);
            tally.recorded++;
            return;
        }
        Decision stored = existing.get();
        decisions.record(fromPage, date, actor);
        tally.updated++;
        if (stored.withdrawn()) {
            decisions.setWithdrawn(stored.id(), false, actor);
            tally.restored++;
        }
        if (stored.status() == fromPage.status()) {
            decisions.clearConflict(stored.id());
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

    private void syncInput(MinutesPage page, MacroInstance macro, Meeting meeting, String actor, Tally tally) {
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
        if (params.reportedOn() != null && claimed.answered()
                && advisory.find(stored.id()).orElseThrow().answer().reportedToBoardOn() == null) {
            advisory.reportToBoard(stored.id(), params.reportedOn(), actor);
        }
    }

    /**
     * The meeting a minutes page records; a page without one (e.g. made from the blueprint) gets
     * one, in the body its first macro belongs to.
     */
    private Meeting meetingOf(MinutesPage page, String macroName) {
        Optional<Meeting> known = committee.meetingByPage(page.pageId());
        if (known.isPresent()) {
            return known.get();
        }
        BodyKind kind = DecisionParameters.MACRO.equals(macroName) ? BodyKind.STEERING_COMMITTEE : BodyKind.ADVISORY_BOARD;
        Body body = committee.bodies().stream().filter(b -> b.kind() == kind).findFirst()
                .orElseThrow(() -> new LocalisedException(Message.of("cockpit.sync.error.no-body", kind.label())));
        String title = page.title().isBlank() ? "#" + page.pageId() : page.title();
        return committee.save(new Meeting(0, body.key(), title.length() > 40 ? title.substring(0, 40) : title, title,
                LocalDate.now(clock), "", page.pageId(), false));
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
