package de.digitalstrategie.cockpit.advisory.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerChange;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.AnswerWorkflow;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.audit.AuditEntry;
import de.digitalstrategie.cockpit.audit.AuditSubject;
import de.digitalstrategie.cockpit.audit.RecordListener;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.audit.store.AuditLog;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.portfolio.store.ProjectLinks;
import net.java.ao.DBParam;
import net.java.ao.Query;

import de.digitalstrategie.cockpit.advisory.AdvisoryFilter;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;

import java.time.Clock;
import java.util.Collection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * The register of advisory input. The city's answer changes only through {@link AnswerWorkflow},
 * each change audited in the same transaction.
 */
public class AdvisoryStore {
    private final ActiveObjects ao;
    private final ProjectLinks links;
    private final AuditLog audit;
    private final Clock clock;
    private final RecordListener listener;
    private final ClusterLocks locks;

    public AdvisoryStore(ActiveObjects ao, ProjectLinks links, AuditLog audit, Clock clock, RecordListener listener,
                         ClusterLocks locks) {
        this.locks = locks;
        this.ao = ao;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Records a new input, or updates the content of the one with the same macro id; the answer
     * of an existing input changes only through {@link #changeAnswer}.
     */
    public AdvisoryInput record(AdvisoryInput input, String actor) {
        if (input.macroId().isEmpty()) {
            return recordNow(input, actor);
        }
        // Two nodes may hear the same page event at once: one records, the other then updates.
        return locks.runWaiting(ClusterLocks.stripe("input-macro", input.macroId()), WAIT,
                () -> recordNow(input, actor));
    }

    /** How long a change waits for another node working on the same record. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    private AdvisoryInput recordNow(AdvisoryInput input, String actor) {
        return ao.executeInTransaction(() -> {
            Optional<AdvisoryInputEntity> existing = input.macroId().isEmpty() ? Optional.empty()
                    : Arrays.stream(ao.find(AdvisoryInputEntity.class, AdvisoryInputEntity.MACRO_ID + " = ?",
                    input.macroId())).findFirst();
            AdvisoryInputEntity e;
            if (existing.isPresent()) {
                e = existing.get();
            } else {
                e = ao.create(AdvisoryInputEntity.class,
                        new DBParam(AdvisoryInputEntity.INPUT_NUMBER, input.number()),
                        new DBParam("TITLE", input.title()),
                        new DBParam(AdvisoryInputEntity.SECTORS, sectors(input)),
                        new DBParam("RECEIVED_ON", toDate(input.receivedOn())),
                        new DBParam(AdvisoryInputEntity.ANSWER_STATUS, input.answer().status().name()));
                writeAnswer(e, input.answer());
                audit.append(new AuditEntry(AuditSubject.ADVISORY_INPUT, e.getID(), actor, clock.instant(), null,
                        input.answer().status().name(), ""));
            }
            e.setMacroId(input.macroId().isEmpty() ? null : input.macroId());
            e.setInputNumber(input.number());
            e.setTitle(input.title());
            e.setRecommendation(input.recommendation());
            e.setTopic(input.topic());
            e.setSectors(sectors(input));
            e.setMeetingId(input.meetingId());
            e.setReceivedOn(toDate(input.receivedOn()));
            e.setPageId(input.page().pageId());
            e.setPageVersion(input.page().version());
            e.setSpaceKey(input.page().spaceKey());
            e.setPageTitle(input.page().title());
            e.setWithdrawn(input.withdrawn());
            e.setPublished(input.isPublic());
            e.setSearchText(searchText(input.title(), input.number(), input.topic()));
            e.save();
            listener.changed(AuditSubject.ADVISORY_INPUT, e.getID());
            links.replace(AuditSubject.ADVISORY_INPUT, e.getID(), input.projectKeys());
            return toInput(e, input.projectKeys());
        });
    }

    /**
     * Moves the city's answer on, if the workflow allows it. The text given becomes the answer
     * (or the reason for declining); the day of the change becomes the answer's date.
     */
    public AdvisoryInput changeAnswer(long id, AnswerStatus to, String actor, String text) {
        return locks.runWaiting(ClusterLocks.stripe("input", id), WAIT, () -> changeAnswerNow(id, to, actor, text));
    }

    private AdvisoryInput changeAnswerNow(long id, AnswerStatus to, String actor, String text) {
        return ao.executeInTransaction(() -> {
            AdvisoryInputEntity e = entity(id);
            AdvisoryInput current = toInput(e, projectKeys(id));
            AnswerChange change = new AnswerChange(current, to, actor, text);
            AnswerWorkflow.WORKFLOW.check(current.answer().status(), to, change);
            CityAnswer old = current.answer();
            LocalDate today = LocalDate.now(clock);
            CityAnswer answer = new CityAnswer(to, change.effectiveText(), old.owner().isEmpty() ? actor : old.owner(),
                    to.answered() && old.answeredOn() == null ? today : old.answeredOn(), old.reportedToBoardOn());
            writeAnswer(e, answer);
            e.save();
            audit.append(new AuditEntry(AuditSubject.ADVISORY_INPUT, id, actor, clock.instant(),
                    old.status().name(), to.name(), text));
            listener.changed(AuditSubject.ADVISORY_INPUT, id);
            return current.withAnswer(answer);
        });
    }

    /** Notes that the board has been told what became of its input; needs an answer to tell. */
    public AdvisoryInput reportToBoard(long id, LocalDate on, String actor) {
        return ao.executeInTransaction(() -> {
            AdvisoryInputEntity e = entity(id);
            AdvisoryInput current = toInput(e, projectKeys(id));
            CityAnswer old = current.answer();
            if (!old.status().answered()) {
                throw ValidationException.of("cockpit.advisory.error.report-before-answer", old.status().label());
            }
            CityAnswer answer = new CityAnswer(old.status(), old.text(), old.owner(), old.answeredOn(), on);
            writeAnswer(e, answer);
            e.save();
            audit.append(new AuditEntry(AuditSubject.ADVISORY_INPUT, id, actor, clock.instant(), old.status().name(),
                    old.status().name(), "reported to board " + on));
            listener.changed(AuditSubject.ADVISORY_INPUT, id);
            return current.withAnswer(answer);
        });
    }

    /** Notes a page's claim of an answer status the workflow refused; the record keeps its status. */
    public void markConflict(long id, AnswerStatus claimed, String actor, String reason) {
        ao.executeInTransaction(() -> {
            AdvisoryInputEntity e = entity(id);
            if (!claimed.name().equals(e.getStatusConflict()) || !reason.equals(e.getStatusConflictReason())) {
                e.setStatusConflict(claimed.name());
                e.setStatusConflictReason(reason);
                e.save();
                audit.append(new AuditEntry(AuditSubject.ADVISORY_INPUT, id, actor, clock.instant(),
                        e.getAnswerStatus(), e.getAnswerStatus(), "refused " + claimed.name() + ": " + reason));
            }
            return null;
        });
    }

    public void clearConflict(long id) {
        ao.executeInTransaction(() -> {
            AdvisoryInputEntity e = entity(id);
            if (e.getStatusConflict() != null && !e.getStatusConflict().isEmpty()) {
                e.setStatusConflict("");
                e.setStatusConflictReason("");
                e.save();
            }
            return null;
        });
    }

    /** The i18n key of why the page's claimed answer status was refused, if one was. */
    public Optional<String> conflictReason(long id) {
        AdvisoryInputEntity e = entity(id);
        String reason = e.getStatusConflictReason();
        return e.getStatusConflict() == null || e.getStatusConflict().isEmpty() || reason == null || reason.isEmpty()
                ? Optional.empty() : Optional.of(reason);
    }

    public Optional<AnswerStatus> conflict(long id) {
        String claimed = entity(id).getStatusConflict();
        return claimed == null || claimed.isEmpty() ? Optional.empty() : Optional.of(AnswerStatus.valueOf(claimed));
    }

    /** Marks an input whose macro left its page as withdrawn, or brings it back. */
    public void setWithdrawn(long id, boolean withdrawn, String actor) {
        ao.executeInTransaction(() -> {
            AdvisoryInputEntity e = entity(id);
            if (e.isWithdrawn() != withdrawn) {
                e.setWithdrawn(withdrawn);
                e.save();
                audit.append(new AuditEntry(AuditSubject.ADVISORY_INPUT, id, actor, clock.instant(),
                        e.getAnswerStatus(), e.getAnswerStatus(), withdrawn ? "withdrawn" : "restored"));
                listener.changed(AuditSubject.ADVISORY_INPUT, id);
            }
            return null;
        });
    }

    public Optional<AdvisoryInput> findByMacroId(String macroId) {
        return Arrays.stream(ao.find(AdvisoryInputEntity.class, AdvisoryInputEntity.MACRO_ID + " = ?", macroId))
                .findFirst().map(e -> toInput(e, projectKeys(e.getID())));
    }

    /** Every input recorded from a page, withdrawn ones included. */
    public List<AdvisoryInput> ofPage(long pageId) {
        return withProjects(ao.find(AdvisoryInputEntity.class, Query.select()
                .where(AdvisoryInputEntity.PAGE_ID + " = ?", pageId).order(AdvisoryInputEntity.INPUT_NUMBER)));
    }

    /**
     * The input a page records under this number, unless withdrawn: what the page's macro shows,
     * in one indexed lookup.
     */
    public Optional<AdvisoryInput> onPage(long pageId, String number) {
        return withProjects(ao.find(AdvisoryInputEntity.class, Query.select().where(AdvisoryInputEntity.PAGE_ID
                + " = ? AND " + AdvisoryInputEntity.INPUT_NUMBER + " = ?", pageId, number))).stream()
                .filter(i -> !i.withdrawn()).findFirst();
    }

    /** One page of the register over the input on pages the viewer may see, counted in the database. */
    public AdvisoryPage query(AdvisoryFilter filter, AdvisorySort sort, SortOrder order, PageRequest page,
                              Collection<Long> viewablePages) {
        Criteria criteria = criteria(filter, viewablePages);
        if (criteria.matchesNothing()) {
            return new AdvisoryPage(new ResultPage<>(List.of(), 0, page.offset(), page.limit()), Map.of());
        }
        int total = ao.count(AdvisoryInputEntity.class, criteria.query());
        AdvisoryInputEntity[] rows = ao.find(AdvisoryInputEntity.class, criteria.query()
                .order(sort.column() + " " + order.sql() + ", " + AdvisoryInputEntity.INPUT_NUMBER + " " + order.sql())
                .limit(page.limit()).offset(page.offset()));
        Map<Long, AnswerStatus> conflicts = new java.util.HashMap<>();
        for (AdvisoryInputEntity e : rows) {
            if (e.getStatusConflict() != null && !e.getStatusConflict().isEmpty()) {
                conflicts.put((long) e.getID(), AnswerStatus.valueOf(e.getStatusConflict()));
            }
        }
        return new AdvisoryPage(new ResultPage<>(withProjects(rows), total, page.offset(), page.limit()), conflicts);
    }

    private Criteria criteria(AdvisoryFilter filter, Collection<Long> viewablePages) {
        Criteria criteria = new Criteria().in(AdvisoryInputEntity.PAGE_ID, viewablePages);
        if (!filter.withdrawn()) {
            criteria.eq(AdvisoryInputEntity.WITHDRAWN, false);
        }
        if (filter.year() != null) {
            criteria.within(AdvisoryInputEntity.RECEIVED_ON, toDate(LocalDate.of(filter.year(), 1, 1)),
                    toDate(LocalDate.of(filter.year() + 1, 1, 1)));
        }
        if (filter.meetingId() != null) {
            criteria.eq(AdvisoryInputEntity.MEETING_ID, filter.meetingId());
        }
        if (!filter.statuses().isEmpty()) {
            criteria.in(AdvisoryInputEntity.ANSWER_STATUS, filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.unanswered()) {
            criteria.in(AdvisoryInputEntity.ANSWER_STATUS, List.of(AnswerStatus.RECEIVED.name(),
                    AnswerStatus.UNDER_REVIEW.name()));
        }
        if (filter.awaitingReport()) {
            criteria.in(AdvisoryInputEntity.ANSWER_STATUS, Arrays.stream(AnswerStatus.values())
                    .filter(AnswerStatus::answered).map(Enum::name).toList());
            criteria.isNull(AdvisoryInputEntity.REPORTED_ON);
        }
        if (filter.sector() != null) {
            // Sectors are stored as a sorted, comma-separated list of enum names.
            criteria.raw(AdvisoryInputEntity.SECTORS + " LIKE ?", "%" + filter.sector().name() + "%");
        }
        if (filter.projectKey() != null && !filter.projectKey().isBlank()) {
            criteria.in("ID", links.subjectsConcerning(AuditSubject.ADVISORY_INPUT, filter.projectKey().strip()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.contains(filter.text().strip());
        }
        return criteria;
    }

    /** What the register's text filter searches: title, number and topic. */
    public static String searchText(String title, String number, String topic) {
        return SearchText.of(title, number, topic);
    }

    /** Every input the filter selects on the given pages, oldest first, a batch at a time (exports). */
    public void forEach(AdvisoryFilter filter, Collection<Long> viewablePages,
                        java.util.function.Consumer<AdvisoryInput> each) {
        long after = 0;
        while (true) {
            Criteria criteria = criteria(filter, viewablePages);
            if (criteria.matchesNothing()) {
                return;
            }
            AdvisoryInputEntity[] batch = ao.find(AdvisoryInputEntity.class, criteria.raw("ID > ?", after).query()
                    .order("ID").limit(500));
            if (batch.length == 0) {
                return;
            }
            withProjects(batch).forEach(each);
            after = batch[batch.length - 1].getID();
        }
    }

    private List<AdvisoryInput> withProjects(AdvisoryInputEntity[] entities) {
        Map<Long, List<String>> keys = links.keysFor(AuditSubject.ADVISORY_INPUT,
                Arrays.stream(entities).map(e -> (long) e.getID()).toList());
        return Arrays.stream(entities).map(e -> toInput(e, keys.getOrDefault((long) e.getID(), List.of()))).toList();
    }

    public Optional<AdvisoryInput> find(long id) {
        return Arrays.stream(ao.find(AdvisoryInputEntity.class, "ID = ?", id)).findFirst()
                .map(e -> toInput(e, projectKeys(id)));
    }

    public List<AdvisoryInput> all() {
        return withProjects(ao.find(AdvisoryInputEntity.class, Query.select().order(AdvisoryInputEntity.INPUT_NUMBER)));
    }

    public List<AuditEntry> history(long id) {
        return audit.history(AuditSubject.ADVISORY_INPUT, id);
    }

    public int count() {
        return ao.count(AdvisoryInputEntity.class);
    }

    public Map<AnswerStatus, Integer> countByStatus() {
        Map<AnswerStatus, Integer> counts = new EnumMap<>(AnswerStatus.class);
        for (AnswerStatus status : AnswerStatus.values()) {
            counts.put(status, ao.count(AdvisoryInputEntity.class, AdvisoryInputEntity.ANSWER_STATUS + " = ?",
                    status.name()));
        }
        return counts;
    }

    private List<String> projectKeys(long id) {
        return links.keysFor(AuditSubject.ADVISORY_INPUT, List.of(id)).getOrDefault(id, List.of());
    }

    private AdvisoryInputEntity entity(long id) {
        AdvisoryInputEntity[] found = ao.find(AdvisoryInputEntity.class, "ID = ?", id);
        if (found.length == 0) {
            throw NotFoundException.of("cockpit.advisory.error.unknown", id);
        }
        return found[0];
    }

    private static String sectors(AdvisoryInput input) {
        return input.sectors().stream().sorted().map(Sector::name).collect(Collectors.joining(","));
    }

    private static void writeAnswer(AdvisoryInputEntity e, CityAnswer answer) {
        e.setAnswerStatus(answer.status().name());
        e.setAnswerText(answer.text());
        e.setAnswerOwner(answer.owner());
        e.setAnsweredOn(toDate(answer.answeredOn()));
        e.setReportedOn(toDate(answer.reportedToBoardOn()));
    }

    private static AdvisoryInput toInput(AdvisoryInputEntity e, List<String> projectKeys) {
        CityAnswer answer = new CityAnswer(AnswerStatus.valueOf(e.getAnswerStatus()), e.getAnswerText(),
                e.getAnswerOwner(), toDay(e.getAnsweredOn()), toDay(e.getReportedOn()));
        return new AdvisoryInput(e.getID(), e.getMacroId(), e.getInputNumber(), e.getTitle(), e.getRecommendation(),
                e.getTopic(), Sector.parseList(e.getSectors()), e.getMeetingId(), projectKeys, toDay(e.getReceivedOn()),
                answer, new PageRef(e.getPageId(), e.getPageVersion(), e.getSpaceKey(), e.getPageTitle()),
                e.isWithdrawn(), e.isPublished());
    }
}
