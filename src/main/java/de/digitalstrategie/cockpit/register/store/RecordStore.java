package de.digitalstrategie.cockpit.register.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.query.CoveringPages;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.AuditEntry;
import de.digitalstrategie.cockpit.register.PageEdit;
import de.digitalstrategie.cockpit.register.PageMacro;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RecordListener;
import de.digitalstrategie.cockpit.register.RecordStatus;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.StatusChange;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;
import de.digitalstrategie.cockpit.workflow.Workflow;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * A register of records kept from minutes pages, written once for every kind: recording and
 * updating by macro id, withdrawing and restoring, status changes through the kind's workflow with
 * their audit trail, conflicts a page claims, and reading (one record, a page of the register
 * counted in the database, a batched walk for exports) always over the pages the viewer may see.
 * A kind extends it with its {@link Mapping} and what maps its record to its entity and back, as a
 * DAO of one kind of object extends the DAO of all of them; what only one kind does (a vote, an
 * answer to the board) stays in its subclass.
 *
 * <p>Every change of a record happens under its lock stripe (by macro id where it has one, so the
 * minutes sync and REST take the same lock), in one transaction with its audit entry and the
 * {@link RecordListener}'s note.
 *
 * @param <R> the kind's record
 * @param <S> its status
 * @param <C> a status change as its workflow's guards see it
 * @param <X> what only its register filters by
 * @param <T> what its register sorts by
 * @param <E> its entity
 */
public abstract class RecordStore<R extends PageRecord<S>, S extends Enum<S> & RecordStatus,
        C extends StatusChange<R, S>, X, T extends Enum<T>, E extends RecordEntity> {
    /** How long a change waits for another node working on the same record. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Rows an export reads at a time. */
    private static final int BATCH = 500;
    /** The lock of writes that put a row on a page, per kind (before its anchor). */
    private static final String PLACEMENT = "placement-";

    protected final ActiveObjects ao;
    protected final Clock clock;
    private final Mapping<S, C, T, E> mapping;
    private final ProjectLinks links;
    private final AuditLog audit;
    private final RecordListener listener;
    private final ClusterLocks locks;

    /**
     * What a kind of record is in the store.
     *
     * @param number      the column of the body's number
     * @param status      the column of the status's name
     * @param date        the column of the day the register files a record under (its year filter)
     * @param sortColumns the column of each way its register sorts
     * @param unknownKey  the i18n key of "no such record"
     * @param noRoleKey   the i18n key that says who may change its status from a page
     */
    public record Mapping<S extends Enum<S> & RecordStatus, C, T extends Enum<T>, E>(
            RecordKind kind, Class<E> entity, Column<E, String> number, Column<E, String> status,
            Column<E, Date> date, Workflow<S, C> workflow, Map<T, String> sortColumns, String unknownKey,
            String noRoleKey) {
        public Mapping {
            sortColumns = Map.copyOf(sortColumns);
        }

        String numberColumn() {
            return number.name();
        }

        String statusColumn() {
            return status.name();
        }

        String dateColumn() {
            return date.name();
        }

        Class<S> statuses() {
            return workflow.initial().getDeclaringClass();
        }

        /** What the register sorts by unless asked otherwise: the first of the kind's sorts. */
        T firstSort() {
            return sortColumns.keySet().iterator().next().getDeclaringClass().getEnumConstants()[0];
        }
    }

    /** A column of a kind's table, and how its entity reads it. */
    public record Column<E, V>(String name, Function<E, V> read) {
    }

    protected RecordStore(Mapping<S, C, T, E> mapping, ActiveObjects ao, ProjectLinks links, AuditLog audit,
                          Clock clock, RecordListener listener, ClusterLocks locks) {
        this.mapping = mapping;
        this.ao = ao;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
        this.locks = locks;
    }

    /** The record a row holds, with the projects it concerns. */
    protected abstract R toRecord(E e, List<String> projectKeys);

    /**
     * Writes the kind's own columns, its number among them, but never its status (which changes
     * only through {@link #apply}).
     *
     * @param date the day the register files it under, for a kind that keeps it beside the record
     */
    protected abstract void write(E e, R record, LocalDate date);

    /** The record a record macro on a minutes page describes, read from its parameters. */
    public abstract PageEdit<R> fromPage(MacroParameters parameters, PageMacro macro);

    /** Writes what a status change the workflow allowed changes. */
    protected abstract void apply(E e, C change);

    /** What the register's text filter searches (see {@code query.SearchText}). */
    protected abstract String searchText(R record);

    /** What only this kind filters by. */
    protected abstract void criteria(X criteria, Criteria where);

    /**
     * The record as the page says it is, but with the status (and what only comes with a status
     * change) the register holds: {@code stored}'s, or where the workflow starts for a new record.
     */
    protected abstract R asFound(R fromPage, R stored);

    /** The status change a page asks for. */
    protected abstract C claim(R current, R fromPage, String actor);

    /** Columns a new row must have beyond its number, title and status (those that may not be null). */
    protected List<DBParam> required(R record) {
        return List.of();
    }

    /** Writes what a new row starts with beyond what {@link #write} writes on every update. */
    protected void created(E e, R record) {
    }

    /**
     * Whether a new record takes the status its page claims, from someone who may change it: a
     * decision is minuted once it is taken, whereas the city's answer to input only starts.
     */
    protected boolean startsAsClaimed() {
        return false;
    }

    /** What a page edit does after its status stands, for someone who may change it. */
    protected void afterPageEdit(E e, R current, R fromPage, String actor) {
    }

    /** The records as the viewer may see them, where a record names another one. */
    protected List<R> asSeenOn(List<R> records, Collection<Long> viewablePages) {
        return records;
    }

    /** For kinds whose records supersede each other: see {@link RegisterPage#replacedBy}. */
    protected Map<String, List<String>> replaced(List<R> records, Collection<Long> viewablePages) {
        return Map.of();
    }

    public RecordKind kind() {
        return mapping.kind();
    }

    /** The i18n key of "no such record" ({0}: the id asked for). */
    public String unknownKey() {
        return mapping.unknownKey();
    }

    /** As {@link #record(PageRecord, LocalDate, String)}, with no day beside the record. */
    public R record(R record, String actor) {
        return record(record, null, actor);
    }

    /**
     * Records a new record, or updates the content of the one with the same macro id. The status
     * of an existing record is not touched here: it changes only through the workflow.
     *
     * @return the stored record with its id
     */
    public R record(R record, LocalDate date, String actor) {
        Function<Optional<E>, R> work = found -> save(found.orElseGet(() -> insert(record, actor)), found.isEmpty(),
                record, date);
        // Two nodes may hear the same page event at once: one records, the other then updates.
        return record.macroId().isEmpty() ? placing(() -> ao.executeInTransaction(() -> work.apply(Optional.empty())))
                : lockedByMacroId(record, work);
    }

    /**
     * Works on the record with the macro id of {@code record} (if there is one) under its lock, in
     * one transaction, after one lookup: under the placement lock too where the work puts a row on
     * a page (a new record, or one whose macro moved to another page). Looked up under the record's
     * lock, so the row is as found when the work runs.
     */
    private <V> V lockedByMacroId(R record, Function<Optional<E>, V> work) {
        return locks.runWaiting(ClusterLocks.stripe(kind().anchor(), record.macroId()), WAIT, () -> {
            Optional<E> found = byMacroId(record.macroId());
            Supplier<V> write = () -> ao.executeInTransaction(() -> work.apply(found));
            return found.map(e -> e.getPageId() != record.page().pageId()).orElse(true) ? placing(write) : write.get();
        });
    }

    /**
     * Runs a write that puts a row of this kind on a page, one at a time across the cluster and
     * committed before the next starts: so the placements' numbers ({@link RecordEntity#getPageSeq})
     * are in the order they became visible, and a read that saw number n saw every row placed up to n.
     */
    private <V> V placing(Supplier<V> work) {
        return locks.runWaiting(PLACEMENT + kind().anchor(), WAIT, work);
    }

    /** The highest placement number committed so far (0 before any): see {@link #pageIds()}. */
    private long lastPlacement() {
        List<Long> last = new ArrayList<>(1);
        ao.stream(mapping.entity(), Query.select("ID, " + RecordEntity.PAGE_SEQ)
                .where(RecordEntity.PAGE_SEQ + " IS NOT NULL").order(RecordEntity.PAGE_SEQ + " DESC").limit(1),
                e -> last.add(e.getPageSeq()));
        return last.isEmpty() || last.get(0) == null ? 0 : last.get(0);
    }

    private R save(E e, boolean fresh, R record, LocalDate date) {
        if (fresh || e.getPageId() != record.page().pageId()) {
            // Under the placement lock (see places): the next number, after every committed one.
            e.setPageSeq(lastPlacement() + 1);
        }
        write(e, record, date);
        e.setMacroId(record.macroId().isEmpty() ? null : record.macroId());
        e.setTitle(record.title());
        e.setMeetingId(record.meetingId());
        e.setPageId(record.page().pageId());
        e.setPageVersion(record.page().version());
        e.setSpaceKey(record.page().spaceKey());
        e.setPageTitle(record.page().title());
        e.setWithdrawn(record.withdrawn());
        e.setPublished(record.isPublic());
        e.setSearchText(searchText(record));
        e.save();
        changed(e);
        links.replace(kind(), e.getID(), record.projectKeys());
        return toRecord(e, record.projectKeys());
    }

    private E insert(R record, String actor) {
        List<DBParam> columns = new ArrayList<>(List.of(new DBParam(mapping.numberColumn(), record.number()),
                new DBParam(RecordEntity.TITLE, record.title()),
                new DBParam(mapping.statusColumn(), record.status().name())));
        columns.addAll(required(record));
        E e = ao.create(mapping.entity(), columns.toArray(new DBParam[0]));
        created(e, record);
        audit(e, null, record.status().name(), "", actor);
        return e;
    }

    /**
     * Brings one record in line with its macro on a saved minutes page, in one lock, one transaction
     * and one lookup: records it or updates its content, restores it if it had been withdrawn, and
     * moves it to the status the page claims through the workflow if the page's saver may; if not,
     * or if the workflow refuses, the record keeps its status and the claim stands as a conflict.
     */
    public PageEdit.Outcome applyPage(PageEdit<R> edit) {
        return applyPage(edit, id -> { });
    }

    /**
     * As {@link #applyPage(PageEdit)}, and writes what else the page's macro says of the record
     * (the records of another kind it takes up) in the same lock and transaction, given the
     * record's id: the record and its links are never seen apart.
     */
    public PageEdit.Outcome applyPage(PageEdit<R> edit, LongConsumer alongside) {
        R fromPage = edit.record();
        return lockedByMacroId(fromPage, found -> {
            R stored = found.map(e -> toRecord(e, List.of())).orElse(null);
            // Whatever comes with a status change (a vote, an answer) comes only from someone who may make one.
            boolean asOnPage = stored != null ? edit.mayChange() : startsAsClaimed()
                    && (edit.mayChange() || fromPage.status() == mapping.workflow().initial());
            R recorded = asOnPage ? fromPage : asFound(fromPage, stored);
            E e = found.orElseGet(() -> insert(recorded, edit.actor()));
            R current = save(e, found.isEmpty(), recorded, edit.date());
            boolean restored = stored != null && stored.withdrawn();
            if (restored) {
                audit(e, status(e), status(e), "restored", edit.actor());
            }
            Message refusal = null;
            boolean changed = false;
            if (current.status() == fromPage.status()) {
                clearConflict(e);
            } else if (!edit.mayChange()) {
                conflict(e, fromPage.status(), PageEdit.NO_ROLE, edit.actor());
                refusal = Message.of(mapping.noRoleKey());
            } else {
                try {
                    change(e, current, claim(current, fromPage, edit.actor()));
                    clearConflict(e);
                    changed = true;
                } catch (IllegalTransitionException refused) {
                    conflict(e, fromPage.status(), refused.userMessage().key(), edit.actor());
                    refusal = refused.userMessage();
                }
            }
            if (refusal == null && edit.mayChange()) {
                afterPageEdit(e, changed ? toRecord(e, current.projectKeys()) : current, fromPage, edit.actor());
            }
            alongside.accept(e.getID());
            return new PageEdit.Outcome(stored == null, restored, changed, refusal);
        });
    }

    /**
     * Moves a record to another status, if its workflow allows it.
     *
     * @throws IllegalTransitionException if it does not
     */
    protected R change(long id, Function<R, C> request) {
        // One change of a record at a time across the cluster: the workflow check and the write
        // must see the same status, or two nodes could both apply a change from it.
        return modify(id, (e, current) -> change(e, current, request.apply(current)));
    }

    private void change(E e, R current, C change) {
        mapping.workflow().check(current.status(), change.to(), change);
        apply(e, change);
        e.save();
        audit(e, current.status().name(), change.to().name(), change.comment(), change.actor());
        changed(e);
    }

    /** Works on one record under its lock, in a transaction, and returns it as it then stands. */
    protected R modify(long id, BiConsumer<E, R> work) {
        String macroId = entity(id).getMacroId();
        return locked(macroId == null || macroId.isEmpty() ? id : macroId, () -> {
            E e = entity(id);
            R current = toRecord(e, projectKeys(id));
            work.accept(e, current);
            return toRecord(e, current.projectKeys());
        });
    }

    private <V> V locked(Object key, Supplier<V> work) {
        return locks.runWaiting(ClusterLocks.stripe(kind().anchor(), key), WAIT,
                () -> ao.executeInTransaction(work::get));
    }

    /**
     * Marks a record whose macro left its page as withdrawn, or brings it back: under the record's
     * lock like every other change of it, so the audit entry names the status the record has.
     */
    public void setWithdrawn(long id, boolean withdrawn, String actor) {
        modify(id, (e, current) -> {
            if (e.isWithdrawn() != withdrawn) {
                e.setWithdrawn(withdrawn);
                e.save();
                audit(e, status(e), status(e), withdrawn ? "withdrawn" : "restored", actor);
                changed(e);
            }
        });
    }

    private String status(E e) {
        return mapping.status().read().apply(e);
    }

    /** Tells the listener the record changed; call inside the transaction that changes it. */
    protected void changed(E e) {
        listener.changed(kind(), e.getID());
    }

    /** Appends to the record's audit trail; call inside the transaction that makes the change. */
    protected void audit(E e, String from, String to, String comment, String actor) {
        audit.append(new AuditEntry(kind(), e.getID(), actor, clock.instant(), from, to, comment));
    }

    /**
     * Notes that a page claims a status that was not applied; the record keeps its status, the
     * register shows the conflict, the audit trail the refusal.
     */
    private void conflict(E e, S claimed, String reason, String actor) {
        if (!claimed.name().equals(e.getStatusConflict()) || !reason.equals(e.getStatusConflictReason())) {
            e.setStatusConflict(claimed.name());
            e.setStatusConflictReason(reason);
            e.save();
            audit(e, status(e), status(e), "refused " + claimed.name() + ": " + reason, actor);
        }
    }

    private void clearConflict(E e) {
        if (e.getStatusConflict() != null && !e.getStatusConflict().isEmpty()) {
            e.setStatusConflict("");
            e.setStatusConflictReason("");
            e.save();
        }
    }

    /** The status a page claims that was not applied, if any. */
    public Optional<S> conflict(long id) {
        String claimed = entity(id).getStatusConflict();
        return claimed == null || claimed.isEmpty() ? Optional.empty()
                : Optional.of(Enum.valueOf(mapping.statuses(), claimed));
    }

    /** The i18n key of why the page's claimed status was not applied, if one was refused. */
    public Optional<String> conflictReason(long id) {
        E e = entity(id);
        String reason = e.getStatusConflictReason();
        return e.getStatusConflict() == null || e.getStatusConflict().isEmpty() || reason == null || reason.isEmpty()
                ? Optional.empty() : Optional.of(reason);
    }

    public List<AuditEntry> history(long id) {
        return audit.history(kind(), id);
    }

    /** The histories of many records, by id, each in order; see {@link AuditLog#histories}. */
    public Map<Long, List<AuditEntry>> histories(Collection<Long> ids) {
        return audit.histories(kind(), ids);
    }

    /** Every entry about this register's records made within {@code from <= at < until}, in order. */
    public List<AuditEntry> historyBetween(Instant from, Instant until) {
        return audit.between(kind(), from, until);
    }

    public Optional<R> find(long id) {
        return Optional.ofNullable(first(ao.find(mapping.entity(), "ID = ?", id))).map(e -> toRecord(e, projectKeys(id)));
    }

    public Optional<R> findByMacroId(String macroId) {
        return byMacroId(macroId).map(e -> toRecord(e, projectKeys(e.getID())));
    }

    /** Every record, lowest number first, with their projects read in one batch. */
    public List<R> all() {
        return withProjects(List.of(ao.find(mapping.entity(), Query.select().order(mapping.numberColumn()))));
    }

    /**
     * Every record from a page, withdrawn ones included. Streamed: each page view reads them, and
     * an entity per row (0.8.2 resolves every getter by reflection) cost more than the query on a
     * page of dozens of records.
     */
    public List<R> ofPage(long pageId) {
        return withProjects(rows(Query.select("*").where(RecordEntity.PAGE_ID + " = ?", pageId)
                .order(mapping.numberColumn()), 16));
    }

    /**
     * The record a page holds under this number, unless withdrawn: what the page's macro shows. One
     * indexed lookup, so a page of many records renders without reading them all for each one.
     */
    public Optional<R> onPage(long pageId, String number) {
        return withProjects(List.of(ao.find(mapping.entity(), Query.select().where(RecordEntity.PAGE_ID + " = ? AND "
                + mapping.numberColumn() + " = ?", pageId, number)))).stream().filter(r -> !r.withdrawn()).findFirst();
    }

    public int count() {
        return ao.count(mapping.entity());
    }

    /**
     * The pages this kind's records lie on, withdrawn ones included, read from the records: the
     * pages whose permissions decide what of this register a viewer sees
     * ({@code PageAccess.viewable(register.pageIds())}). Checked from this list, the pages cover the
     * kind's rows, so a register read may name only the few hidden ones ({@link Criteria#onPages});
     * any other list (the minutes pages) is named page by page, as a record may lie on a page
     * outside it (a goal on a strategy page, a decision on a page that no longer minutes a meeting).
     */
    public CoveringPages pageIds() {
        // Read first: every row placed up to it has committed, so the pages read next include its page.
        long placedUpTo = lastPlacement();
        List<Long> pages = new ArrayList<>();
        ao.stream(mapping.entity(), Query.select(RecordEntity.PAGE_ID).distinct().order(RecordEntity.PAGE_ID),
                e -> pages.add(e.getPageId()));
        return new CoveringPages(kind().name(), pages, RecordEntity.PAGE_SEQ, placedUpTo);
    }

    public Map<S, Integer> countByStatus() {
        Map<S, Integer> counts = new EnumMap<>(mapping.statuses());
        for (S status : mapping.statuses().getEnumConstants()) {
            counts.put(status, ao.count(mapping.entity(), mapping.statusColumn() + " = ?", status.name()));
        }
        return counts;
    }

    /**
     * One page of the register, counted and sorted in the database, over the records on pages the
     * viewer may see: nothing else is read, counted or summed.
     */
    public RegisterPage<R, S> query(RegisterQuery<S, X, T> query, Collection<Long> viewablePages) {
        PageRequest page = query.page();
        Criteria criteria = criteria(query.filter(), viewablePages);
        if (criteria.matchesNothing()) {
            return new RegisterPage<>(new ResultPage<>(List.of(), 0, page.offset(), page.limit()), Map.of(), Map.of(),
                    Set.of(), Map.of());
        }
        int total = ao.count(mapping.entity(), criteria.query());
        String order = query.order().sql();
        T sort = query.sort() == null ? mapping.firstSort() : query.sort();
        return registerPage(rows(criteria.query("*").order(mapping.sortColumns().get(sort) + " " + order
                + ", " + mapping.numberColumn() + " " + order).limit(page.limit()).offset(page.offset()), page.limit()),
                total, page, viewablePages);
    }

    /**
     * How many records the filter selects on the given pages that also meet a kind's own
     * condition ({@code also}): counted in the database, for a register's summary.
     */
    protected int count(RegisterFilter<S, X> filter, Collection<Long> viewablePages, Consumer<Criteria> also) {
        Criteria criteria = criteria(filter, viewablePages);
        if (criteria.matchesNothing()) {
            return 0;
        }
        also.accept(criteria);
        return ao.count(mapping.entity(), criteria.query());
    }

    /** The records on pages the viewer may see that concern a project, lowest number first. */
    public List<R> concerning(String projectKey, int limit, Collection<Long> viewablePages) {
        return query(new RegisterQuery<>(RegisterFilter.<S, X>concerning(projectKey), mapping.firstSort(), SortOrder.ASC,
                new PageRequest(0, limit)), viewablePages).page().items();
    }

    /**
     * One record as the register shows it, if it is on one of the pages the viewer may see;
     * otherwise nothing, as for an id that does not exist.
     */
    public Optional<RegisterPage<R, S>> one(long id, Collection<Long> viewablePages) {
        Criteria criteria = new Criteria().eq("ID", id).onPages(RecordEntity.PAGE_ID, viewablePages, kind().name());
        if (criteria.matchesNothing()) {
            return Optional.empty();
        }
        List<E> read = rows(criteria.query("*"), 1);
        return read.isEmpty() ? Optional.empty()
                : Optional.of(registerPage(read, 1, new PageRequest(0, 1), viewablePages));
    }

    /**
     * Those of the records with the given ids that are not withdrawn and stand on pages the viewer
     * may see, lowest number first, as the register shows them (with the day each is filed under):
     * a record that another one names is read only through here, so a name never reveals one.
     */
    public RegisterPage<R, S> among(Collection<Long> ids, Collection<Long> viewablePages) {
        return visible(new Criteria().in("ID", List.copyOf(new HashSet<>(ids))), ids.size(), viewablePages);
    }

    /** As {@link #among}, the records with the given numbers: how a page's reference to one is read. */
    public RegisterPage<R, S> numbered(Collection<String> numbers, Collection<Long> viewablePages) {
        return visible(new Criteria().in(mapping.numberColumn(), List.copyOf(new HashSet<>(numbers))), numbers.size(),
                viewablePages);
    }

    private RegisterPage<R, S> visible(Criteria criteria, int expected, Collection<Long> viewablePages) {
        criteria.in(RecordEntity.PAGE_ID, viewablePages).eq(RecordEntity.WITHDRAWN, false);
        if (criteria.matchesNothing()) {
            return new RegisterPage<>(new ResultPage<>(List.of(), 0, 0, 0), Map.of(), Map.of(), Set.of(), Map.of());
        }
        List<E> read = rows(criteria.query("*").order(mapping.numberColumn()), expected);
        return registerPage(read, read.size(), new PageRequest(0, Math.min(PageRequest.MAX_LIMIT, Math.max(1, read.size()))),
                viewablePages);
    }

    /**
     * Every record the filter selects on the given pages, oldest first, a batch at a time: for
     * exports of any size without holding them all.
     */
    public void forEach(RegisterFilter<S, X> filter, Collection<Long> viewablePages, Consumer<R> each) {
        long after = 0;
        while (true) {
            Criteria criteria = criteria(filter, viewablePages);
            if (criteria.matchesNothing()) {
                return;
            }
            List<E> batch = rows(criteria.raw("ID > ?", after).query("*").order("ID").limit(BATCH), BATCH);
            if (batch.isEmpty()) {
                return;
            }
            asSeenOn(withProjects(batch), viewablePages).forEach(each);
            after = batch.get(batch.size() - 1).getID();
        }
    }

    /**
     * Those of the numbers that are the number of a record on one of the pages. The few rows
     * carrying these numbers are read with their page and checked against the pages here: fewer
     * values than naming the pages in SQL.
     */
    public Set<String> numbersOn(Collection<String> numbers, Collection<Long> pageIds) {
        Set<Long> pages = pageIds instanceof Set<Long> set ? set : new HashSet<>(pageIds);
        Set<String> found = new HashSet<>();
        pagesOf(numbers).forEach((number, on) -> {
            if (on.stream().anyMatch(pages::contains)) {
                found.add(number);
            }
        });
        return found;
    }

    /**
     * The pages on which records carry each of the numbers, withdrawn ones included: for a page
     * that names a record, so that only those pages' permissions need checking, not every page's.
     */
    public Map<String, Set<Long>> pagesOf(Collection<String> numbers) {
        Map<String, Set<Long>> pages = new HashMap<>();
        Criteria criteria = new Criteria().in(mapping.numberColumn(), List.copyOf(new HashSet<>(numbers)));
        if (!criteria.matchesNothing()) {
            ao.stream(mapping.entity(), criteria.query("ID, " + RecordEntity.PAGE_ID + ", " + mapping.numberColumn()),
                    e -> pages.computeIfAbsent(mapping.number().read().apply(e), k -> new HashSet<>())
                            .add(e.getPageId()));
        }
        return pages;
    }

    /** Read-only rows, streamed: records to show, not entities to change. */
    private List<E> rows(Query query, int expected) {
        List<E> read = new ArrayList<>(expected);
        ao.stream(mapping.entity(), query, read::add);
        return read;
    }

    private RegisterPage<R, S> registerPage(List<E> rows, int total, PageRequest page, Collection<Long> viewablePages) {
        List<R> records = asSeenOn(withProjects(rows), viewablePages);
        Map<Long, LocalDate> dates = new HashMap<>();
        Map<Long, S> conflicts = new HashMap<>();
        Set<Long> byNoRole = new HashSet<>();
        for (E e : rows) {
            LocalDate date = toDay(mapping.date().read().apply(e));
            if (date != null) {
                dates.put((long) e.getID(), date);
            }
            if (e.getStatusConflict() != null && !e.getStatusConflict().isEmpty()) {
                conflicts.put((long) e.getID(), Enum.valueOf(mapping.statuses(), e.getStatusConflict()));
                if (PageEdit.NO_ROLE.equals(e.getStatusConflictReason())) {
                    byNoRole.add((long) e.getID());
                }
            }
        }
        return new RegisterPage<>(new ResultPage<>(records, total, page.offset(), page.limit()), dates, conflicts,
                byNoRole, replaced(records, viewablePages));
    }

    private Criteria criteria(RegisterFilter<S, X> filter, Collection<Long> viewablePages) {
        Criteria criteria = where(filter, viewablePages, kind().name(), mapping.dateColumn(), mapping.statusColumn(),
                project -> links.concerning(kind(), project));
        if (filter.criteria() != null) {
            criteria(filter.criteria(), criteria);
        }
        return criteria;
    }

    /**
     * The conditions every register's filter puts on its kind's table (the kind adds its own): only
     * rows on the viewer's pages, and each condition only where the filter asks for it. Values the
     * user gave travel as parameters, never in the clause.
     *
     * @param scope      the kind's name: pages checked from its {@link #pageIds()} cover its rows
     * @param concerning the ids of the kind's records that concern a project
     */
    static Criteria where(RegisterFilter<? extends Enum<?>, ?> filter, Collection<Long> viewablePages, String scope,
                          String dateColumn, String statusColumn, Function<String, List<Long>> concerning) {
        Criteria criteria = new Criteria().onPages(RecordEntity.PAGE_ID, viewablePages, scope);
        if (!filter.withdrawn()) {
            criteria.eq(RecordEntity.WITHDRAWN, false);
        }
        if (filter.year() != null) {
            criteria.within(dateColumn, toDate(LocalDate.of(filter.year(), 1, 1)),
                    toDate(LocalDate.of(filter.year() + 1, 1, 1)));
        }
        if (filter.meetingId() != null) {
            criteria.eq(RecordEntity.MEETING_ID, filter.meetingId());
        }
        if (!filter.statuses().isEmpty()) {
            criteria.in(statusColumn, filter.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (filter.projectKey() != null && !filter.projectKey().isBlank()) {
            criteria.in("ID", concerning.apply(filter.projectKey().strip()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.contains(filter.text().strip());
        }
        return criteria;
    }

    private List<R> withProjects(List<E> entities) {
        Map<Long, List<String>> keys = links.keysFor(kind(), entities.stream().map(e -> (long) e.getID()).toList());
        return entities.stream().map(e -> toRecord(e, keys.getOrDefault((long) e.getID(), List.of()))).toList();
    }

    private List<String> projectKeys(long id) {
        return links.keysFor(kind(), List.of(id)).getOrDefault(id, List.of());
    }

    private Optional<E> byMacroId(String macroId) {
        return macroId.isEmpty() ? Optional.empty()
                : Optional.ofNullable(first(ao.find(mapping.entity(), RecordEntity.MACRO_ID + " = ?", macroId)));
    }

    private E entity(long id) {
        E found = first(ao.find(mapping.entity(), "ID = ?", id));
        if (found == null) {
            throw NotFoundException.of(mapping.unknownKey(), id);
        }
        return found;
    }

    private static <E> E first(E[] found) {
        return found.length == 0 ? null : found[0];
    }
}
