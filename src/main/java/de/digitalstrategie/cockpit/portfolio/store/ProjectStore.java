package de.digitalstrategie.cockpit.portfolio.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.PortfolioAggregator;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.PortfolioSummary;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ChangeSource;
import de.digitalstrategie.cockpit.portfolio.history.PastValues;
import de.digitalstrategie.cockpit.portfolio.history.HealthTrend;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.store.StampedCache;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;
import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/** The plugin's mirror of the project portfolio, so pages render without calling Jira. */
public class ProjectStore {
    /** Every column: what a whole project is read with (one query, no lazy loads per field). */
    private static final String ALL_COLUMNS = String.join(", ", "ID", ProjectEntity.ISSUE_KEY, ProjectEntity.TITLE,
            "DESCRIPTION", "GOALS", "PARTICIPANTS", "OWNERS", "RISKS", "FUNDING_SOURCE", "START_DATE",
            ProjectEntity.END_DATE, ProjectEntity.BUDGET_CENTS, ProjectEntity.FUNDING_CENTS, ProjectEntity.STATUS,
            ProjectEntity.PHASE, ProjectEntity.HEALTH, ProjectEntity.DEPARTMENT_KEY, ProjectEntity.FIELD_OF_ACTION_KEY,
            ProjectEntity.JIRA_PROJECT, "JIRA_UPDATED", ProjectEntity.ISSUE_ID);
    private final ActiveObjects ao;
    private final ProjectHistory history;
    private final java.time.Clock clock;
    private final PortfolioSums sums;
    private final StampedCache<ViewKey, PortfolioView> views = new StampedCache<>(64);
    private final StampedCache<Boolean, Set<String>> jiraProjects = new StampedCache<>(1);

    /**
     * @param history where every write below records what it changed, in the write's own transaction
     * @param clock   what day it is for the writes, which keep the summed overdue counts as of that day
     */
    public ProjectStore(ActiveObjects ao, ProjectHistory history, java.time.Clock clock) {
        this.ao = ao;
        this.history = history;
        this.clock = clock;
        this.sums = new PortfolioSums(ao);
    }

    /**
     * Builds the portfolio's summed figures afresh from the mirror: for a mirror written before they
     * existed (the upgrade task) or filled around the store (bulk loads). Any day gives correct
     * views; the one they are built on keeps the views' correction of the overdue counts small.
     */
    public static void rebuildSums(ActiveObjects ao, LocalDate today) {
        new PortfolioSums(ao).rebuild(today);
    }


    /** A write of the mirror in one transaction, tried again when writers of the stamp row meet. */
    private <T> T writeInTransaction(com.atlassian.sal.api.transaction.TransactionCallback<T> write) {
        return de.digitalstrategie.cockpit.store.SerializableWrites.inTransaction(ao, write);
    }

    /**
     * Starts a write of the mirror: takes the stamp row's lock (writers one after another), writes a
     * new stamp and answers the change to the summed figures the write adds to.
     */
    private PortfolioSums.Change begin() {
        return sums.lock(LocalDate.now(clock));
    }

    /** What a portfolio view depends on besides the mirror: equal keys under one stamp give equal views. */
    private record ViewKey(PortfolioFilter filter, Grouping grouping, PortfolioSort sort, SortOrder order,
                           PageRequest page, Set<String> visibleJiraProjects, LocalDate today,
                           List<String> groupOrder) {
    }

    /**
     * The mirror's stamp (every row's, should two nodes have created one at once) and the day the
     * summed overdue counts are as of (the first row's, as {@link PortfolioSums#overdueBefore()}
     * reads it; null before the sums were built), in one read:
     * a view computed afresh needs both, and each statement is a round trip.
     */
    private StampAndDay stampAndDay() {
        StringBuilder stamp = new StringBuilder();
        LocalDate[] day = new LocalDate[1];
        boolean[] first = {true};
        ao.stream(PortfolioStampEntity.class, Query.select("ID, " + PortfolioStampEntity.STAMP + ", OVERDUE_BEFORE")
                .order("ID"), e -> {
                    stamp.append(e.getStamp()).append(' ');
                    if (first[0]) {
                        day[0] = toDay(e.getOverdueBefore());
                        first[0] = false;
                    }
                });
        return new StampAndDay(stamp.toString(), day[0]);
    }

    private record StampAndDay(String stamp, LocalDate overdueBefore) {
    }

    /** Creates or updates the project with the same issue key (an edit in the cockpit, not Jira's). */
    public void save(DigitalProject project) {
        writeInTransaction(() -> {
            PortfolioSums.Change change = begin();
            ProjectEntity[] found = ao.find(ProjectEntity.class, Query.select(ALL_COLUMNS)
                    .where(ProjectEntity.ISSUE_KEY + " = ?", project.issueKey()));
            DigitalProject before = found.length > 0 ? toProject(found[0]) : null;
            history.record(before, project, found.length > 0 ? found[0].getIssueId() : null, ChangeSource.EDIT, null);
            if (before != null) {
                change.minus(before);
            }
            change.plus(project).apply();
            ProjectEntity e = found.length > 0 ? found[0] : ao.create(ProjectEntity.class,
                    new DBParam(ProjectEntity.ISSUE_KEY, project.issueKey()),
                    new DBParam(ProjectEntity.TITLE, project.title()),
                    new DBParam(ProjectEntity.STATUS, project.status().name()),
                    new DBParam(ProjectEntity.PHASE, project.phase().name()),
                    new DBParam(ProjectEntity.HEALTH, project.health().name()));
            write(e, project);
            e.save();
            return null;
        });
    }

    private static void write(ProjectEntity e, DigitalProject project) {
        ProjectProfile p = project.profile();
        e.setTitle(project.title());
        e.setDescription(p.description());
        e.setGoals(p.goals());
        e.setParticipants(p.participants());
        e.setOwners(p.owners());
        e.setRisks(p.risks());
        e.setFundingSource(p.fundingSource());
        e.setStartDate(toDate(project.timeFrame().start()));
        e.setEndDate(toDate(project.timeFrame().end()));
        e.setBudgetCents(project.budgetCents());
        e.setFundingCents(project.fundingCents());
        e.setStatus(project.status().name());
        e.setPhase(project.phase().name());
        e.setHealth(project.health().name());
        e.setDepartmentKey(project.departmentKey());
        e.setFieldOfActionKey(project.fieldOfActionKey());
        e.setJiraUpdated(toDate(project.updated()));
        e.setJiraProject(IssueKey.projectOf(project.issueKey()));
        e.setSearchText(searchText(project.title(), project.issueKey(), p.owners()));
    }

    /** What the portfolio's text filter searches: title, issue key and owners. */
    public static String searchText(String title, String issueKey, String owners) {
        return SearchText.of(title, issueKey, owners);
    }

    /**
     * A project as read from Jira, with Jira's numeric id (which survives a move to a new key) and
     * the issues it is blocked by.
     */
    public record Mirrored(DigitalProject project, String issueId, List<String> blockedBy) {
        public Mirrored {
            blockedBy = List.copyOf(blockedBy);
        }

        public Mirrored(DigitalProject project, String issueId) {
            this(project, issueId, List.of());
        }
    }

    /**
     * Mirrors a batch of Jira issues in one transaction: new keys are inserted, known ones updated,
     * and a known issue id under a new key is a move (the old key's row goes).
     */
    public void mirror(List<Mirrored> issues) {
        if (issues.isEmpty()) {
            return;
        }
        // An issue changed while a sync read it comes twice; its last state wins.
        java.util.Map<String, Mirrored> latest = new java.util.LinkedHashMap<>();
        issues.forEach(m -> latest.put(m.project().issueKey(), m));
        List<Mirrored> batch = List.copyOf(latest.values());
        writeInTransaction(() -> {
            PortfolioSums.Change change = begin();
            List<String> keys = batch.stream().map(m -> m.project().issueKey()).toList();
            List<String> ids = batch.stream().map(Mirrored::issueId).toList();
            java.util.Map<String, ProjectEntity> byKey = new java.util.HashMap<>();
            for (ProjectEntity e : ao.find(ProjectEntity.class, new Criteria().in(ProjectEntity.ISSUE_KEY, keys)
                    .query(ALL_COLUMNS))) {
                byKey.put(e.getIssueKey(), e);
            }
            java.util.List<ProjectEntity> moved = new java.util.ArrayList<>();
            java.util.Map<String, String> newKeyById = new java.util.HashMap<>();
            batch.forEach(m -> newKeyById.put(m.issueId(), m.project().issueKey()));
            // A moved issue's last state under its old key: what its history goes on from, and
            // whether it is published (a setting of the cockpit that moves with it).
            java.util.Map<String, ProjectEntity> movedById = new java.util.HashMap<>();
            for (ProjectEntity e : ao.find(ProjectEntity.class, new Criteria().in(ProjectEntity.ISSUE_ID, ids)
                    .query(ALL_COLUMNS + ", " + ProjectEntity.PUBLISHED))) {
                if (!keys.contains(e.getIssueKey())) {
                    moved.add(e);
                    movedById.put(e.getIssueId(), e);
                }
            }
            java.util.Map<String, DigitalProject> before = new java.util.HashMap<>();
            byKey.forEach((key, e) -> before.put(key, toProject(e)));
            for (ProjectEntity e : moved) {
                before.put(newKeyById.get(e.getIssueId()), toProject(e));
            }
            // The sums lose every row the batch replaces or deletes and gain every row it writes.
            byKey.values().forEach(e -> change.minus(toProject(e)));
            moved.forEach(e -> change.minus(toProject(e)));
            batch.forEach(m -> change.plus(m.project()));
            change.apply();
            if (!moved.isEmpty()) {
                for (ProjectEntity e : moved) {
                    // A moved issue's links go with it (rewritten below); who waited for it now waits for its new key.
                    ao.deleteWithSQL(ProjectDependencyEntity.class, ProjectDependencyEntity.ISSUE_KEY + " = ?",
                            e.getIssueKey());
                    for (ProjectDependencyEntity d : ao.find(ProjectDependencyEntity.class,
                            ProjectDependencyEntity.BLOCKED_BY + " = ?", e.getIssueKey())) {
                        d.setBlockedBy(newKeyById.get(e.getIssueId()));
                        d.save();
                    }
                }
                ao.delete(moved.toArray(new ProjectEntity[0]));
            }
            for (Mirrored m : batch) {
                history.record(before.get(m.project().issueKey()), m.project(), m.issueId(), ChangeSource.JIRA_SYNC,
                        null);
                ProjectEntity e = byKey.get(m.project().issueKey());
                if (e == null) {
                    ProjectEntity was = movedById.get(m.issueId());
                    ProjectEntity created = ao.create(ProjectEntity.class, params(m.project(), m.issueId()));
                    if (was != null && was.isPublished()) {
                        created.setPublished(true);
                        created.save();
                    }
                } else {
                    write(e, m.project());
                    e.setIssueId(m.issueId());
                    e.save();
                }
            }
            // Jira's links as they are now: the batch's old ones go, its current ones come.
            ao.deleteWithSQL(ProjectDependencyEntity.class, ProjectDependencyEntity.ISSUE_KEY + " IN ("
                    + String.join(",", java.util.Collections.nCopies(keys.size(), "?")) + ")", keys.toArray());
            for (Mirrored m : batch) {
                for (String blocker : new java.util.LinkedHashSet<>(m.blockedBy())) {
                    ao.create(ProjectDependencyEntity.class,
                            new DBParam(ProjectDependencyEntity.ISSUE_KEY, m.project().issueKey()),
                            new DBParam(ProjectDependencyEntity.BLOCKED_BY, blocker));
                }
            }
            return null;
        });
    }

    private static DBParam[] params(DigitalProject p, String issueId) {
        ProjectProfile profile = p.profile();
        return new DBParam[]{
                new DBParam(ProjectEntity.ISSUE_KEY, p.issueKey()),
                new DBParam(ProjectEntity.TITLE, p.title()),
                new DBParam("DESCRIPTION", profile.description()),
                new DBParam("GOALS", profile.goals()),
                new DBParam("PARTICIPANTS", profile.participants()),
                new DBParam("OWNERS", profile.owners()),
                new DBParam("RISKS", profile.risks()),
                new DBParam("FUNDING_SOURCE", profile.fundingSource()),
                new DBParam("START_DATE", toDate(p.timeFrame().start())),
                new DBParam(ProjectEntity.END_DATE, toDate(p.timeFrame().end())),
                new DBParam(ProjectEntity.BUDGET_CENTS, p.budgetCents()),
                new DBParam(ProjectEntity.FUNDING_CENTS, p.fundingCents()),
                new DBParam(ProjectEntity.STATUS, p.status().name()),
                new DBParam(ProjectEntity.PHASE, p.phase().name()),
                new DBParam(ProjectEntity.HEALTH, p.health().name()),
                new DBParam(ProjectEntity.DEPARTMENT_KEY, p.departmentKey()),
                new DBParam(ProjectEntity.FIELD_OF_ACTION_KEY, p.fieldOfActionKey()),
                new DBParam(ProjectEntity.JIRA_PROJECT, IssueKey.projectOf(p.issueKey())),
                new DBParam("JIRA_UPDATED", toDate(p.updated())),
                new DBParam(ProjectEntity.ISSUE_ID, issueId),
                new DBParam(SearchText.COLUMN, searchText(p.title(), p.issueKey(), profile.owners()))};
    }

    /** What each of the given projects waits for, in key order; projects waiting for nothing are absent. */
    public java.util.Map<String, List<String>> blockedBy(java.util.Collection<String> issueKeys) {
        java.util.Map<String, List<String>> found = new java.util.TreeMap<>();
        Criteria criteria = new Criteria().in(ProjectDependencyEntity.ISSUE_KEY, List.copyOf(issueKeys));
        if (!criteria.matchesNothing()) {
            ao.stream(ProjectDependencyEntity.class, criteria.query("ID, " + ProjectDependencyEntity.ISSUE_KEY + ", "
                    + ProjectDependencyEntity.BLOCKED_BY).order(ProjectDependencyEntity.BLOCKED_BY),
                    e -> found.computeIfAbsent(e.getIssueKey(), k -> new java.util.ArrayList<>()).add(e.getBlockedBy()));
        }
        return found;
    }

    /** When each of the given projects ends, limited to the Jira projects the viewer may see. */
    public java.util.Map<String, java.util.Optional<LocalDate>> ends(java.util.Collection<String> issueKeys,
                                                                     Set<String> visibleJiraProjects) {
        java.util.Map<String, java.util.Optional<LocalDate>> ends = new java.util.HashMap<>();
        Criteria criteria = new Criteria().in(ProjectEntity.ISSUE_KEY, List.copyOf(issueKeys))
                .in(ProjectEntity.JIRA_PROJECT, visibleJiraProjects);
        if (!criteria.matchesNothing()) {
            ao.stream(ProjectEntity.class, criteria.query("ID, " + ProjectEntity.ISSUE_KEY + ", " + ProjectEntity.END_DATE),
                    e -> ends.put(e.getIssueKey(), java.util.Optional.ofNullable(toDay(e.getEndDate()))));
        }
        return ends;
    }

    /** Every mirrored issue key (a few bytes each): to find what Jira no longer has. */
    public Set<String> keys() {
        Set<String> keys = new java.util.HashSet<>();
        ao.stream(ProjectEntity.class, Query.select("ID, " + ProjectEntity.ISSUE_KEY), e -> keys.add(e.getIssueKey()));
        return keys;
    }

    public Optional<DigitalProject> find(String issueKey) {
        return Arrays.stream(ao.find(ProjectEntity.class, Query.select(ALL_COLUMNS)
                .where(ProjectEntity.ISSUE_KEY + " = ?", issueKey))).findFirst().map(ProjectStore::toProject);
    }

    public List<DigitalProject> all() {
        return Arrays.stream(ao.find(ProjectEntity.class, Query.select(ALL_COLUMNS).order(ProjectEntity.ISSUE_KEY)))
                .map(ProjectStore::toProject).toList();
    }

    /**
     * The portfolio as one viewer sees it: sums over every selected project (streamed, a few
     * columns per row) and one sorted page of rows, both limited to the Jira projects the viewer
     * may browse.
     */
    public PortfolioView query(PortfolioFilter filter, Grouping grouping, PortfolioSort sort, SortOrder order,
                               PageRequest page, Set<String> visibleJiraProjects, LocalDate today,
                               List<String> groupOrder) {
        ViewKey key = new ViewKey(filter, grouping, sort, order, page, Set.copyOf(visibleJiraProjects), today,
                List.copyOf(groupOrder));
        // Read before the view: a change committed meanwhile carries a newer stamp, so it is seen next time.
        StampAndDay stamp = stampAndDay();
        return views.get(key, stamp.stamp(), () -> compute(filter, grouping, sort, order, page, visibleJiraProjects,
                today, groupOrder, stamp));
    }

    /** @param stamp the sums' day as read with the mirror's stamp, before anything of the view */
    private PortfolioView compute(PortfolioFilter filter, Grouping grouping, PortfolioSort sort, SortOrder order,
                                  PageRequest page, Set<String> visibleJiraProjects, LocalDate today,
                                  List<String> groupOrder, StampAndDay stamp) {
        Criteria criteria = criteria(filter, visibleJiraProjects);
        if (criteria.matchesNothing()) {
            return new PortfolioView(new PortfolioAggregator(grouping, today).summary(groupOrder),
                    new ResultPage<>(List.of(), 0, page.offset(), page.limit()));
        }
        PortfolioAggregator aggregator;
        if (filter.text() == null || filter.text().isBlank()) {
            // The summed figures of the few groups the filter selects (PortfolioSums), not every project's row.
            aggregator = sums.sum(() -> new PortfolioAggregator(grouping, today), criteria,
                    () -> criteria(filter, visibleJiraProjects), today, stamp.overdueBefore());
        } else {
            // A text is in no sum: one streamed pass over the selected projects, each summed and dropped
            // (a find would make an entity of every row).
            PortfolioAggregator each = new PortfolioAggregator(grouping, today);
            ao.stream(ProjectEntity.class, criteria.query(String.join(", ", ProjectEntity.FIELD_OF_ACTION_KEY,
                    ProjectEntity.DEPARTMENT_KEY, ProjectEntity.PHASE, ProjectEntity.STATUS, ProjectEntity.HEALTH,
                    ProjectEntity.BUDGET_CENTS, ProjectEntity.FUNDING_CENTS, ProjectEntity.END_DATE)),
                    e -> each.add(e.getFieldOfActionKey(), e.getDepartmentKey(), Phase.valueOf(e.getPhase()),
                            ProjectStatus.valueOf(e.getStatus()), Health.valueOf(e.getHealth()), e.getBudgetCents(),
                            e.getFundingCents(), toDay(e.getEndDate())));
            aggregator = each;
        }
        PortfolioSummary summary = aggregator.summary(groupOrder);
        List<DigitalProject> projects = grouping == Grouping.PHASE
                ? pageByPhase(filter, visibleJiraProjects, summary, sort, order, page)
                : page(criteria, switch (grouping) {
                    case FIELD -> ProjectEntity.FIELD_OF_ACTION_KEY + ", ";
                    case DEPARTMENT -> ProjectEntity.DEPARTMENT_KEY + ", ";
                    default -> "";
                }, sort, order, page.limit(), page.offset());
        return new PortfolioView(summary, new ResultPage<>(projects, summary.total().projects(), page.offset(),
                page.limit()));
    }

    private List<DigitalProject> page(Criteria criteria, String groupColumn, PortfolioSort sort, SortOrder order,
                                      int limit, int offset) {
        List<DigitalProject> projects = new java.util.ArrayList<>(limit);
        ao.stream(ProjectEntity.class, criteria.query(ALL_COLUMNS)
                .order(groupColumn + sort.column() + " " + order.sql() + ", " + ProjectEntity.ISSUE_KEY)
                .limit(limit).offset(offset), e -> projects.add(toProject(e)));
        return projects;
    }

    /**
     * A page grouped by phase, the phases in life-cycle order (not alphabetical): one query per
     * phase the page reaches, skipping whole phases by the counts just summed. Active Objects
     * takes every word of an ORDER BY for a column, so no expression there can rank the phases.
     */
    private List<DigitalProject> pageByPhase(PortfolioFilter filter, Set<String> visibleJiraProjects,
                                             PortfolioSummary summary, PortfolioSort sort, SortOrder order,
                                             PageRequest page) {
        List<DigitalProject> projects = new java.util.ArrayList<>(page.limit());
        int skip = page.offset();
        for (Phase phase : Phase.values()) {
            int inPhase = summary.byPhase().getOrDefault(phase, 0);
            if (projects.size() >= page.limit()) {
                break;
            }
            if (skip >= inPhase) {
                skip -= inPhase;
                continue;
            }
            projects.addAll(page(criteria(filter, visibleJiraProjects).eq(ProjectEntity.PHASE, phase.name()), "",
                    sort, order, page.limit() - projects.size(), skip));
            skip = 0;
        }
        return projects;
    }

    /**
     * The portfolio as one viewer sees it, as it stood at the end of {@code day}: the projects that
     * existed then with the history's fields as they were (see {@link PastValues}), selected,
     * summed and sorted as {@link #query} does on today's. The history's fields cannot be selected
     * in SQL as they were then, so every project of the selection's other fields is read once,
     * and the changes after the day in one more query; overdue counts as of that day.
     */
    public PortfolioView queryAsOf(PortfolioFilter filter, Grouping grouping, PortfolioSort sort, SortOrder order,
                                   PageRequest page, Set<String> visibleJiraProjects, LocalDate day,
                                   List<String> groupOrder) {
        PortfolioAggregator sums = new PortfolioAggregator(grouping, day);
        List<DigitalProject> selected = new java.util.ArrayList<>();
        PortfolioFilter current = new PortfolioFilter(filter.fieldKeys(), filter.departmentKeys(), Set.of(), Set.of(),
                Set.of(), filter.text());
        Criteria criteria = criteria(current, visibleJiraProjects);
        if (!criteria.matchesNothing()) {
            PastValues past = history.asOf(day);
            java.util.function.Consumer<DigitalProject> add = p -> {
                if (selectsThen(filter, p)) {
                    selected.add(p);
                    sums.add(p.fieldOfActionKey(), p.departmentKey(), p.phase(), p.status(), p.health(),
                            p.budgetCents(), p.fundingCents(), p.timeFrame().end());
                }
            };
            ao.stream(ProjectEntity.class, criteria.query(ALL_COLUMNS), e -> past.of(toProject(e), e.getIssueId())
                    .ifPresent(add));
            removed(List.of(past), current, visibleJiraProjects).get(0).forEach(add);
        }
        return view(selected, sums, grouping, sort, order, page, groupOrder);
    }

    /**
     * The portfolio as {@link #query} shows it, of only the projects with the given issue keys (the
     * filter "only flagged", whose keys no column holds): the selection read once and summed, sorted
     * and paged here, as of today.
     */
    public PortfolioView queryAmong(Set<String> issueKeys, PortfolioFilter filter, Grouping grouping,
                                    PortfolioSort sort, SortOrder order, PageRequest page,
                                    Set<String> visibleJiraProjects, LocalDate today, List<String> groupOrder) {
        PortfolioAggregator sums = new PortfolioAggregator(grouping, today);
        List<DigitalProject> selected = new java.util.ArrayList<>();
        Criteria criteria = criteria(filter, visibleJiraProjects);
        if (!issueKeys.isEmpty() && !criteria.matchesNothing()) {
            ao.stream(ProjectEntity.class, criteria.query(ALL_COLUMNS), e -> {
                if (issueKeys.contains(e.getIssueKey())) {
                    DigitalProject p = toProject(e);
                    selected.add(p);
                    sums.add(p.fieldOfActionKey(), p.departmentKey(), p.phase(), p.status(), p.health(),
                            p.budgetCents(), p.fundingCents(), p.timeFrame().end());
                }
            });
        }
        return view(selected, sums, grouping, sort, order, page, groupOrder);
    }

    /** The view of projects selected in memory: sorted as the query's ORDER BY sorts, summed and paged. */
    private static PortfolioView view(List<DigitalProject> selected, PortfolioAggregator sums, Grouping grouping,
                                      PortfolioSort sort, SortOrder order, PageRequest page,
                                      List<String> groupOrder) {
        java.util.Comparator<DigitalProject> bySort = java.util.Comparator.comparing(p -> sortValue(p, sort),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        // As the query's ORDER BY: the group's column, the chosen one, the key; phases in their life cycle.
        java.util.Comparator<DigitalProject> rows = java.util.Comparator.comparing(
                (DigitalProject p) -> switch (grouping) {
                    case FIELD -> p.fieldOfActionKey() == null ? "" : p.fieldOfActionKey();
                    case DEPARTMENT -> p.departmentKey() == null ? "" : p.departmentKey();
                    case PHASE -> String.format("%02d", p.phase().ordinal());
                    case NONE -> "";
                }).thenComparing(order == SortOrder.DESC ? bySort.reversed() : bySort)
                .thenComparing(DigitalProject::issueKey);
        selected.sort(rows);
        PortfolioSummary summary = sums.summary(groupOrder);
        List<DigitalProject> shown = selected.subList(Math.min(page.offset(), selected.size()),
                Math.min(page.offset() + page.limit(), selected.size()));
        return new PortfolioView(summary, new ResultPage<>(List.copyOf(shown), selected.size(), page.offset(),
                page.limit()));
    }

    /**
     * The health of the selected projects per field of action at the end of each of the days, as
     * they stood then (see {@link PastValues}): every project of the selection's other fields read
     * once, the history in one query.
     */
    public HealthTrend healthTrend(PortfolioFilter filter, Set<String> visibleJiraProjects, List<LocalDate> days) {
        HealthTrend trend = new HealthTrend(days);
        PortfolioFilter current = new PortfolioFilter(filter.fieldKeys(), filter.departmentKeys(), Set.of(), Set.of(),
                Set.of(), filter.text());
        Criteria criteria = criteria(current, visibleJiraProjects);
        if (criteria.matchesNothing() || days.isEmpty()) {
            return trend;
        }
        List<PastValues> past = history.asOf(days);
        ao.stream(ProjectEntity.class, criteria.query(ALL_COLUMNS), e -> {
            DigitalProject now = toProject(e);
            for (int day = 0; day < days.size(); day++) {
                int d = day;
                past.get(day).of(now, e.getIssueId()).filter(p -> selectsThen(filter, p)).ifPresent(p -> trend.add(d, p));
            }
        });
        List<List<DigitalProject>> removed = removed(past, current, visibleJiraProjects);
        for (int day = 0; day < days.size(); day++) {
            int d = day;
            removed.get(day).stream().filter(p -> selectsThen(filter, p)).forEach(p -> trend.add(d, p));
        }
        return trend;
    }

    /**
     * The projects removed from the portfolio since the end of the day that existed then, as they
     * stood then, of the visible Jira projects, by key: the mirror no longer holds them, the
     * history does (the quarterly report's projects at a quarter's end).
     */
    public List<DigitalProject> removedSince(LocalDate day, Set<String> visibleJiraProjects) {
        List<DigitalProject> removed = new java.util.ArrayList<>(removed(List.of(history.asOf(day)),
                PortfolioFilter.ALL, visibleJiraProjects).get(0));
        removed.sort(java.util.Comparator.comparing(DigitalProject::issueKey));
        return removed;
    }

    /**
     * Per moment, the projects removed after it that existed then and the mirror holds no more
     * (one that came back is read from its row), selected by the filter's fields that are not the
     * history's (as {@link #criteria} selects the mirror's rows; the Jira project is the one it
     * lay in when it was removed): one query for all moments, over the few removed ones.
     */
    private List<List<DigitalProject>> removed(List<PastValues> past, PortfolioFilter current,
                                               Set<String> visibleJiraProjects) {
        List<List<PastValues.Removed>> candidates = past.stream().map(PastValues::removedSince).toList();
        java.util.function.Predicate<Identity> gone = gone(candidates.stream().flatMap(List::stream)
                .map(r -> new Identity(r.issueKey(), r.issueId())).toList());
        String text = current.text() == null || current.text().isBlank() ? null : current.text().strip();
        return candidates.stream().map(list -> list.stream()
                .filter(r -> gone.test(new Identity(r.issueKey(), r.issueId())))
                .map(PastValues.Removed::then)
                .filter(p -> visibleJiraProjects.contains(IssueKey.projectOf(p.issueKey()))
                        && (current.fieldKeys().isEmpty() || p.fieldOfActionKey() != null
                        && current.fieldKeys().contains(p.fieldOfActionKey()))
                        && (current.departmentKeys().isEmpty() || p.departmentKey() != null
                        && current.departmentKeys().contains(p.departmentKey()))
                        && (text == null || SearchText.contains(searchText(p.title(), p.issueKey(),
                        p.profile().owners()), text)))
                .toList()).toList();
    }

    /**
     * The keys of the removed projects (history rows of {@link ChangeField#REMOVED}) that the mirror
     * holds no more, neither under that key nor under their Jira id (one that came back, perhaps
     * under a new key, is read from its row): one query.
     */
    public Set<String> stillRemoved(List<de.digitalstrategie.cockpit.portfolio.history.ProjectChange> removals) {
        List<Identity> removed = removals.stream().map(r -> new Identity(r.issueKey(), r.issueId())).toList();
        java.util.function.Predicate<Identity> gone = gone(removed);
        return removed.stream().filter(gone).map(Identity::issueKey)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** A project as the history names it: its key and, where known, its Jira id. */
    private record Identity(String issueKey, String issueId) {
    }

    /**
     * Whether the mirror holds a project no more, neither under its key nor under its Jira id, for
     * the given projects: one query for all of them.
     */
    private java.util.function.Predicate<Identity> gone(List<Identity> projects) {
        Set<String> keys = new java.util.TreeSet<>();
        Set<String> ids = new java.util.TreeSet<>();
        projects.forEach(p -> {
            keys.add(p.issueKey());
            if (p.issueId() != null) {
                ids.add(p.issueId());
            }
        });
        Set<String> heldKeys = new java.util.HashSet<>();
        Set<String> heldIds = new java.util.HashSet<>();
        if (!keys.isEmpty()) {
            List<Object> params = new java.util.ArrayList<>(keys);
            params.addAll(ids);
            String where = ProjectEntity.ISSUE_KEY + " IN (" + marks(keys.size()) + ")"
                    + (ids.isEmpty() ? "" : " OR " + ProjectEntity.ISSUE_ID + " IN (" + marks(ids.size()) + ")");
            ao.stream(ProjectEntity.class, Query.select("ID, " + ProjectEntity.ISSUE_KEY + ", "
                    + ProjectEntity.ISSUE_ID).where(where, params.toArray()), e -> {
                        heldKeys.add(e.getIssueKey());
                        if (e.getIssueId() != null) {
                            heldIds.add(e.getIssueId());
                        }
                    });
        }
        return p -> !heldKeys.contains(p.issueKey()) && (p.issueId() == null || !heldIds.contains(p.issueId()));
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** Whether the filter selects the project by the history's fields as they were then. */
    private static boolean selectsThen(PortfolioFilter filter, DigitalProject p) {
        return (filter.phases().isEmpty() || filter.phases().contains(p.phase()))
                && (filter.statuses().isEmpty() || filter.statuses().contains(p.status()))
                && (filter.health().isEmpty() || filter.health().contains(p.health()));
    }

    /** A project's value in the sort's column, compared as the database compares the column. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Comparable sortValue(DigitalProject p, PortfolioSort sort) {
        return switch (sort) {
            case KEY -> p.issueKey();
            case TITLE -> p.title();
            case PHASE -> p.phase().name();
            case STATUS -> p.status().name();
            case HEALTH -> p.health().name();
            case BUDGET -> p.budgetCents();
            case FUNDING -> p.fundingCents();
            case START -> p.timeFrame().start();
            case END -> p.timeFrame().end();
        };
    }

    /** Every project the filter selects among the visible Jira projects, a batch at a time (exports). */
    public void forEach(PortfolioFilter filter, Set<String> visibleJiraProjects,
                        java.util.function.Consumer<DigitalProject> each) {
        forEach(filter, visibleJiraProjects, (p, issueId) -> each.accept(p));
    }

    /**
     * As {@link #forEach(PortfolioFilter, Set, java.util.function.Consumer)}, each project with the
     * id Jira gave its issue (null before one is known): what its history is found by after a move.
     */
    public void forEach(PortfolioFilter filter, Set<String> visibleJiraProjects,
                        java.util.function.BiConsumer<DigitalProject, String> each) {
        long after = 0;
        while (true) {
            Criteria criteria = criteria(filter, visibleJiraProjects);
            if (criteria.matchesNothing()) {
                return;
            }
            ProjectEntity[] batch = ao.find(ProjectEntity.class, criteria.raw("ID > ?", after).query(ALL_COLUMNS)
                    .order("ID").limit(500));
            if (batch.length == 0) {
                return;
            }
            for (ProjectEntity e : batch) {
                each.accept(toProject(e), e.getIssueId());
            }
            after = batch[batch.length - 1].getID();
        }
    }

    private static Criteria criteria(PortfolioFilter filter, Set<String> visibleJiraProjects) {
        Criteria criteria = new Criteria().in(ProjectEntity.JIRA_PROJECT, visibleJiraProjects);
        if (!filter.fieldKeys().isEmpty()) {
            criteria.in(ProjectEntity.FIELD_OF_ACTION_KEY, sorted(filter.fieldKeys()));
        }
        if (!filter.departmentKeys().isEmpty()) {
            criteria.in(ProjectEntity.DEPARTMENT_KEY, sorted(filter.departmentKeys()));
        }
        if (!filter.phases().isEmpty()) {
            criteria.in(ProjectEntity.PHASE, names(filter.phases()));
        }
        if (!filter.statuses().isEmpty()) {
            criteria.in(ProjectEntity.STATUS, names(filter.statuses()));
        }
        if (!filter.health().isEmpty()) {
            criteria.in(ProjectEntity.HEALTH, names(filter.health()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.contains(filter.text().strip());
        }
        return criteria;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    /**
     * The Jira projects the mirror holds issues of. Asked on every view of the portfolio: kept under
     * a stamp of its own, which only writes that add or remove a combination of the summed figures
     * move (most writes of the mirror do neither); read as a skip scan over the column's index, one
     * query per Jira project (a handful), rather than a read of every row.
     */
    public Set<String> jiraProjects() {
        return jiraProjects.get(true, sums.jiraProjectsStamp(), () -> Set.copyOf(readJiraProjects()));
    }

    private Set<String> readJiraProjects() {
        Set<String> projects = new java.util.HashSet<>();
        String last = null;
        while (true) {
            Query next = Query.select("ID, " + ProjectEntity.JIRA_PROJECT).order(ProjectEntity.JIRA_PROJECT).limit(1);
            ProjectEntity[] found = ao.find(ProjectEntity.class, last == null
                    ? next.where(ProjectEntity.JIRA_PROJECT + " IS NOT NULL")
                    : next.where(ProjectEntity.JIRA_PROJECT + " > ?", last));
            if (found.length == 0) {
                return projects;
            }
            last = found[0].getJiraProject();
            projects.add(last);
        }
    }

    public int count() {
        return ao.count(ProjectEntity.class);
    }

    /**
     * Publishes a project's profile to anyone, or withdraws it: an edit by {@code actor}, kept in
     * the project's history in the same transaction.
     *
     * @return whether the setting changed (false: it already was so, or no such project)
     */
    public boolean publish(String issueKey, boolean published, String actor) {
        return ao.executeInTransaction(() -> {
            ProjectEntity[] found = ao.find(ProjectEntity.class, Query.select("ID, " + ProjectEntity.ISSUE_KEY + ", "
                    + ProjectEntity.ISSUE_ID + ", " + ProjectEntity.PUBLISHED)
                    .where(ProjectEntity.ISSUE_KEY + " = ?", issueKey));
            if (found.length == 0 || found[0].isPublished() == published) {
                return false;
            }
            found[0].setPublished(published);
            found[0].save();
            history.recordSetting(issueKey, found[0].getIssueId(), actor, ChangeField.PUBLIC,
                    Boolean.toString(!published), Boolean.toString(published));
            return true;
        });
    }

    /** Whether the project's profile is published (false for an unknown key). */
    public boolean isPublished(String issueKey) {
        return publishedWhere(ProjectEntity.ISSUE_KEY + " = ? AND " + ProjectEntity.PUBLISHED + " = ?", issueKey,
                true).length > 0;
    }

    /** A published project; empty for one that is unknown or not published alike. */
    public Optional<DigitalProject> findPublished(String issueKey) {
        return Arrays.stream(publishedWhere(ProjectEntity.ISSUE_KEY + " = ? AND " + ProjectEntity.PUBLISHED + " = ?",
                issueKey, true)).findFirst().map(ProjectStore::toProject);
    }

    /** Every published project, by key. */
    public List<DigitalProject> published() {
        return Arrays.stream(publishedWhere(ProjectEntity.PUBLISHED + " = ?", true)).map(ProjectStore::toProject)
                .toList();
    }

    private ProjectEntity[] publishedWhere(String where, Object... parameters) {
        return ao.find(ProjectEntity.class, Query.select(ALL_COLUMNS).where(where, parameters)
                .order(ProjectEntity.ISSUE_KEY));
    }

    /**
     * Removes the mirror of an issue that was deleted or moved out of the portfolio in Jira, and
     * records the removal with the project's last state in its history, in the same transaction.
     */
    public boolean remove(String issueKey) {
        return writeInTransaction(() -> {
            PortfolioSums.Change change = begin();
            for (ProjectEntity e : ao.find(ProjectEntity.class, Query.select(ALL_COLUMNS)
                    .where(ProjectEntity.ISSUE_KEY + " = ?", issueKey))) {
                DigitalProject last = toProject(e);
                change.minus(last);
                // The days it existed still show it, as it stood then: the history keeps its last state.
                history.recordRemoval(last, e.getIssueId());
            }
            change.apply();
            boolean removed = ao.deleteWithSQL(ProjectEntity.class, ProjectEntity.ISSUE_KEY + " = ?", issueKey) > 0;
            ao.deleteWithSQL(ProjectDependencyEntity.class, ProjectDependencyEntity.ISSUE_KEY + " = ?", issueKey);
            return removed;
        });
    }

    static DigitalProject toProject(ProjectEntity e) {
        return new DigitalProject(e.getIssueKey(), e.getTitle(),
                new ProjectProfile(e.getDescription(), e.getGoals(), e.getParticipants(), e.getOwners(), e.getRisks(),
                        e.getFundingSource()),
                new TimeFrame(toDay(e.getStartDate()), toDay(e.getEndDate())),
                e.getBudgetCents(), e.getFundingCents(),
                ProjectStatus.valueOf(e.getStatus()), Phase.valueOf(e.getPhase()), Health.valueOf(e.getHealth()),
                e.getDepartmentKey(), e.getFieldOfActionKey(), toInstant(e.getJiraUpdated()));
    }
}
