package de.digitalstrategie.cockpit.minutes.sync;

import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.DecisionParameters;
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
import de.digitalstrategie.cockpit.register.PageEdit;
import de.digitalstrategie.cockpit.register.PageMacro;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.store.RecordLinks;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.IndicatorParameters;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;

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
import java.util.stream.Collectors;

/**
 * Brings the registers in line with a minutes page. Records are keyed by their macro's id and
 * never deleted: a macro that leaves the page withdraws its record, one that comes back restores
 * it. A status a page edit sets goes through the workflow and the same role rules as REST: an
 * illegal jump, or a change saved by someone without the role, is recorded as a conflict and
 * shown, never applied. A page that cannot be read leaves every record untouched. It works the
 * same for every kind of record, each one's macro into its own register; each record a page
 * edits is applied by its register in one lock and one transaction ({@link RecordStore#applyPage}).
 *
 * <p>Goals and their indicator cards are kept on strategy pages the same way, from the strategy
 * places, and belong to no meeting: a goal is recorded with none, and none is made for its page.
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

    /** The registers, each with its macro: every kind of record a minutes page can hold. */
    private final List<RecordStore<?, ?, ?, ?, ?, ?>> registers;
    private final StorageFormatReader reader;
    private final CommitteeStore committee;
    private final MinutesPlaces places;
    private final Roles roles;
    private final Clock clock;
    private final ClusterLocks locks;
    private final RecordLinks links;
    /** The indicator cards the strategy pages declare beside their goals. */
    private final Indicators indicators;

    public MinutesSync(DecisionStore decisions, AdvisoryStore advisory, GoalStore goals, Indicators indicators,
                       CommitteeStore committee, MinutesPlaces places, Roles roles, Clock clock, ClusterLocks locks,
                       RecordLinks links) {
        this.registers = List.of(decisions, advisory, goals);
        this.indicators = indicators;
        Set<String> macros = registers.stream().map(r -> r.kind().macro()).collect(Collectors.toCollection(HashSet::new));
        macros.add(IndicatorParameters.MACRO);
        this.reader = new StorageFormatReader(macros);
        this.committee = committee;
        this.places = places;
        this.roles = roles;
        this.clock = clock;
        this.locks = locks;
        this.links = links;
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
        return registers.stream().anyMatch(r -> storageFormat != null && storageFormat.contains(r.kind().macro())
                || !r.ofPage(pageId).isEmpty())
                || storageFormat != null && storageFormat.contains(IndicatorParameters.MACRO)
                || !indicators.ofPage(pageId).isEmpty();
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
            macros = reader.read(page.storageFormat());
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
        List<MacroInstance> cards = new ArrayList<>();
        for (MacroInstance macro : macros) {
            if (macro.name().equals(IndicatorParameters.MACRO)) {
                cards.add(macro);
                continue;
            }
            try {
                RecordStore<?, ?, ?, ?, ?, ?> register = registers.stream()
                        .filter(r -> r.kind().macro().equals(macro.name())).findFirst().orElseThrow();
                RecordKind kind = register.kind();
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
                if (!kind.minuted()) {
                    // A goal lies on a strategy page: no meeting, none made up for it.
                    tally.add(apply(register, new MacroParameters(macro.parameters()), new PageMacro(macro.macroId(),
                            macro.bodyText(), 0, null, page.ref(), recording.mayChange(kind), actor)));
                    continue;
                }
                if (meeting == null) {
                    meeting = meetingOf(page, kind.body());
                }
                tally.add(apply(register, new MacroParameters(macro.parameters()), new PageMacro(macro.macroId(),
                        macro.bodyText(), meeting.id(), meeting.date(), page.ref(), recording.mayChange(kind), actor)));
            } catch (LockBusyException e) {
                throw e;
            } catch (LocalisedException e) {
                // One bad macro must not stop the others: its record (if any) stays as it was.
                tally.problems.add(Message.of("cockpit.sync.error.macro", macro.position() + 1, e.userMessage()));
            }
        }
        for (RecordStore<?, ?, ?, ?, ?, ?> register : registers) {
            if (recording.records(register.kind())) {
                withdraw(register, page.pageId(), onPage, actor, tally);
            }
        }
        if (recording.records(RecordKind.GOAL)) {
            recordCards(page, cards, recording.mayChange(RecordKind.GOAL), tally);
        } else if (!cards.isEmpty()) {
            Message refused = recording.refusal(RecordKind.GOAL).orElseThrow();
            if (!tally.problems.contains(refused)) {
                tally.problems.add(refused);
            }
        }
        return tally.report();
    }

    /**
     * The page's indicator cards, as one set: each one that reads is recorded or updated, each
     * whose macro left the page withdrawn; one that does not read keeps what was recorded of it. A
     * card's definition follows the rule of a goal's status: only the staff unit changes it.
     */
    private void recordCards(MinutesPage page, List<MacroInstance> cards, boolean mayChange, Tally tally) {
        List<Indicator> read = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        for (MacroInstance card : cards) {
            if (card.macroId().isEmpty()) {
                tally.problems.add(Message.of("cockpit.sync.error.no-macro-id", card.position() + 1));
                continue;
            }
            try {
                read.add(IndicatorParameters.read(new MacroParameters(card.parameters()), card.macroId(), page.ref()));
            } catch (LocalisedException e) {
                unreadable.add(card.macroId());
                tally.problems.add(Message.of("cockpit.sync.error.macro", card.position() + 1, e.userMessage()));
            }
        }
        for (Indicator kept : indicators.ofPage(page.pageId())) {
            if (unreadable.contains(kept.macroId()) && !kept.withdrawn()) {
                read.add(kept);
            }
        }
        for (Message refused : indicators.applyPage(page.pageId(), read, mayChange)) {
            tally.refused++;
            tally.problems.add(refused);
        }
    }

    private <R extends PageRecord<?>> Applied apply(RecordStore<R, ?, ?, ?, ?, ?> register,
                                                  MacroParameters parameters, PageMacro macro) {
        PageEdit<R> edit = register.fromPage(parameters, macro);
        if (register.kind() == RecordKind.DECISION) {
            // Read before the record is written, so a bad number leaves the decision as it was.
            List<String> inputs = DecisionParameters.inputs(parameters);
            return new Applied(edit.record().number(), register.applyPage(edit,
                    id -> links.replace(RecordKind.DECISION, id, RecordKind.ADVISORY_INPUT, inputs)));
        }
        return new Applied(edit.record().number(), register.applyPage(edit));
    }

    /** One macro's edit, and the number its problems name. */
    private record Applied(String number, PageEdit.Outcome outcome) {
    }

    /** Withdraws the register's records from the page whose macros are not among those on it. */
    private static void withdraw(RecordStore<?, ?, ?, ?, ?, ?> register, long pageId, Set<String> onPage,
                                 String actor, Tally tally) {
        for (PageRecord<?> r : register.ofPage(pageId)) {
            if (!r.withdrawn() && !onPage.contains(r.macroId())) {
                register.setWithdrawn(r.id(), true, actor);
                tally.withdrawn++;
            }
        }
    }

    /**
     * What one page version may do, asked once per body kind: whether its macros record at all
     * (its place, its title), and whether its saver may change a status (the role, as over REST).
     */
    private final class Recording {
        private final PageLocation where;
        private final String title;
        private final String editorKey;
        private final Map<RecordKind, Optional<Message>> refusals = new EnumMap<>(RecordKind.class);
        private final Map<RecordKind, Boolean> mayChange = new EnumMap<>(RecordKind.class);

        Recording(PageLocation where, String title, String editorKey) {
            this.where = where;
            this.title = title;
            this.editorKey = editorKey;
        }

        /** A kind a body minutes comes from its body's places, goals from the strategy places. */
        Optional<Message> refusal(RecordKind kind) {
            return refusals.computeIfAbsent(kind, k -> k.minuted() ? places.refusal(k.body(), where, title)
                    : places.strategyRefusal(where));
        }

        boolean records(RecordKind kind) {
            return refusal(kind).isEmpty();
        }

        /** The body's CDO and secretary for what it minutes; the staff unit for goals. */
        boolean mayChange(RecordKind kind) {
            return mayChange.computeIfAbsent(kind, k -> !editorKey.isEmpty() && (k.minuted()
                    ? roles.mayChange(k.body(), editorKey) : roles.mayChangeGoals(editorKey)));
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
        Tally tally = new Tally(page.pageId());
        for (RecordStore<?, ?, ?, ?, ?, ?> register : registers) {
            RecordKind kind = register.kind();
            if (kind.minuted() ? places.bodyFor(kind.body(), page).isPresent() : places.inStrategyPlaces(page)) {
                withdraw(register, page.pageId(), Set.of(), "page:" + page.pageId() + "/trash", tally);
            }
        }
        if (places.inStrategyPlaces(page)) {
            // Trashing only withdraws cards, which changes no definition: no role is needed, as for goals.
            indicators.applyPage(page.pageId(), List.of(), true);
        }
        return tally.report();
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

        void add(Applied applied) {
            PageEdit.Outcome o = applied.outcome();
            if (o.created()) {
                recorded++;
            } else {
                updated++;
            }
            restored += o.restored() ? 1 : 0;
            statusChanges += o.changed() ? 1 : 0;
            if (o.refusal() != null) {
                refused++;
                problems.add(Message.of("cockpit.sync.error.refused", applied.number(), o.refusal()));
            }
        }

        SyncReport report() {
            return new SyncReport(pageId, recorded, updated, statusChanges, refused, withdrawn, restored, problems);
        }
    }
}
