package de.digitalstrategie.cockpit.portfolio.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioAggregator;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.store.ChangeStamps;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * The portfolio's figures summed per group ({@link PortfolioSumEntity}), kept by every write of the
 * mirror in its own transaction, so that a view computed afresh reads a few narrow rows instead of
 * every selected project's wide one.
 *
 * <p>Overdue depends on the day: the rows count the open projects that end before the day the stamp
 * row names, and a view corrects that by the open projects ending between that day and its own (an
 * index range on the end date; the first write of a day moves the stamp's day up to it). Any day is
 * correct; a recent one keeps the correction small.
 *
 * <p>Writers run one after another: each takes the stamp row's lock first ({@link #lock}), before it
 * reads anything, so under read-committed isolation (Confluence's, on every database it supports)
 * every writer reads the sums as the one before it committed them and no change is lost.
 */
final class PortfolioSums {
    /** What a sum row is keyed by: the Jira project (for the viewer's permissions) and the filtered values. */
    record Key(String jiraProject, String fieldKey, String departmentKey, Phase phase, ProjectStatus status,
               Health health) {
    }

    /** A change of one group's figures, or its whole figures. */
    static final class Figures {
        int projects;
        long budgetCents;
        long fundingCents;
        int overdue;

        boolean zero() {
            return projects == 0 && budgetCents == 0 && fundingCents == 0 && overdue == 0;
        }
    }

    private static final String KEY_COLUMNS = String.join(", ", ProjectEntity.JIRA_PROJECT,
            ProjectEntity.FIELD_OF_ACTION_KEY, ProjectEntity.DEPARTMENT_KEY, ProjectEntity.PHASE, ProjectEntity.STATUS,
            ProjectEntity.HEALTH);
    private static final String FIGURE_COLUMNS = String.join(", ", PortfolioSumEntity.PROJECTS,
            ProjectEntity.BUDGET_CENTS, ProjectEntity.FUNDING_CENTS, PortfolioSumEntity.OVERDUE);
    private static final List<String> OPEN = Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::open)
            .map(Enum::name).toList();
    /** Keys per statement when a write looks up the rows it changes (bind parameters stay well below limits). */
    private static final int KEYS_PER_QUERY = 50;

    /**
     * The area of {@link ChangeStamps} that moves when a sum row is created or removed: the only
     * writes that can change which Jira projects the mirror holds issues of (a row exists exactly
     * while projects of its combination do), far fewer than the writes of the mirror.
     */
    private static final String JIRA_PROJECTS = "portfolio-jira-projects";

    private final ActiveObjects ao;
    // Stateless over the same Active Objects: made here, as the static rebuild has no container.
    private final ChangeStamps stamps;

    PortfolioSums(ActiveObjects ao) {
        this.ao = ao;
        this.stamps = new ChangeStamps(ao);
    }

    /** The stamp of the set of Jira projects the mirror holds issues of. */
    String jiraProjectsStamp() {
        return stamps.current(JIRA_PROJECTS);
    }

    /**
     * Writes a new stamp into the stamp rows, first thing in a write's transaction: the rows' locks
     * then hold every other writer of the mirror until this one commits. Moves the overdue counts'
     * day up to {@code today}, and answers a change to which the write adds its own.
     */
    Change lock(LocalDate today) {
        String next = UUID.randomUUID().toString();
        PortfolioStampEntity[] stamps = ao.find(PortfolioStampEntity.class,
                Query.select("ID, " + PortfolioStampEntity.STAMP).order("ID"));
        if (stamps.length == 0) {
            // Only on a mirror never written: no sums exist to lose an update of.
            ao.create(PortfolioStampEntity.class, new DBParam(PortfolioStampEntity.STAMP, next),
                    new DBParam("OVERDUE_BEFORE", toDate(today)));
            return new Change(today);
        }
        for (PortfolioStampEntity s : stamps) {
            s.setStamp(next);
            s.save();
        }
        // Read again under the lock: what the writer before this one committed.
        LocalDate before = overdueBefore();
        Change change = new Change(before == null ? today : before);
        if (before != null && !before.equals(today)) {
            change.moveDay(today);
        }
        if (before == null || !before.equals(today)) {
            for (PortfolioStampEntity s : ao.find(PortfolioStampEntity.class, Query.select("ID, OVERDUE_BEFORE"))) {
                s.setOverdueBefore(toDate(today));
                s.save();
            }
        }
        return change;
    }

    /** The day the summed overdue counts are as of (null before the sums were first built). */
    LocalDate overdueBefore() {
        LocalDate[] day = new LocalDate[1];
        ao.stream(PortfolioStampEntity.class, Query.select("ID, OVERDUE_BEFORE").order("ID").limit(1),
                e -> day[0] = toDay(e.getOverdueBefore()));
        return day[0];
    }

    /** The changes one write makes to the sums, applied in its transaction by {@link #apply}. */
    final class Change {
        private final Map<Key, Figures> changes = new HashMap<>();
        private LocalDate overdueBefore;

        private Change(LocalDate overdueBefore) {
            this.overdueBefore = overdueBefore;
        }

        /** A project as it was before the write (removed, replaced or moved away). */
        Change minus(DigitalProject project) {
            add(project, -1);
            return this;
        }

        /** A project as the write leaves it. */
        Change plus(DigitalProject project) {
            add(project, 1);
            return this;
        }

        private void add(DigitalProject p, int sign) {
            Figures f = changes.computeIfAbsent(key(p), k -> new Figures());
            f.projects += sign;
            f.budgetCents = Math.addExact(f.budgetCents, sign * p.budgetCents());
            f.fundingCents = Math.addExact(f.fundingCents, sign * p.fundingCents());
            f.overdue += p.overdue(overdueBefore) ? sign : 0;
        }

        /** The open projects that end between the old day and the new one change their overdue count. */
        private void moveDay(LocalDate today) {
            boolean later = today.isAfter(overdueBefore);
            Criteria between = new Criteria().in(ProjectEntity.STATUS, OPEN).within(ProjectEntity.END_DATE,
                    toDate(later ? overdueBefore : today), toDate(later ? today : overdueBefore));
            ao.stream(ProjectEntity.class, between.query("ID, " + KEY_COLUMNS), e -> changes.computeIfAbsent(
                    key(e.getJiraProject(), e.getFieldOfActionKey(), e.getDepartmentKey(), e.getPhase(),
                            e.getStatus(), e.getHealth()), k -> new Figures()).overdue += later ? 1 : -1);
            overdueBefore = today;
        }

        /** Writes the changes into the sum rows: updated, created, or removed once they hold nothing. */
        void apply() {
            changes.values().removeIf(Figures::zero);
            boolean rowsComeOrGo = false;
            List<Key> keys = new ArrayList<>(changes.keySet());
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
                for (PortfolioSumEntity row : ao.find(PortfolioSumEntity.class, rowsOf(chunk))) {
                    Figures f = changes.remove(key(row.getJiraProject(), row.getFieldOfActionKey(),
                            row.getDepartmentKey(), row.getPhase(), row.getStatus(), row.getHealth()));
                    if (f == null) {
                        // A second row of a key (two first writers at once): the figures go to one row only.
                        continue;
                    }
                    row.setProjects(row.getProjects() + f.projects);
                    row.setBudgetCents(Math.addExact(row.getBudgetCents(), f.budgetCents));
                    row.setFundingCents(Math.addExact(row.getFundingCents(), f.fundingCents));
                    row.setOverdue(row.getOverdue() + f.overdue);
                    if (row.getProjects() == 0 && row.getBudgetCents() == 0 && row.getFundingCents() == 0
                            && row.getOverdue() == 0) {
                        ao.delete(row);
                        rowsComeOrGo = true;
                    } else {
                        row.save();
                    }
                }
            }
            if (rowsComeOrGo || !changes.isEmpty()) {
                stamps.touch(JIRA_PROJECTS);
            }
            changes.forEach(PortfolioSums.this::create);
            changes.clear();
        }
    }

    private Query rowsOf(List<Key> keys) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Key k : keys) {
            List<String> clause = new ArrayList<>();
            equal(clause, params, ProjectEntity.JIRA_PROJECT, k.jiraProject());
            equal(clause, params, ProjectEntity.FIELD_OF_ACTION_KEY, k.fieldKey());
            equal(clause, params, ProjectEntity.DEPARTMENT_KEY, k.departmentKey());
            equal(clause, params, ProjectEntity.PHASE, k.phase().name());
            equal(clause, params, ProjectEntity.STATUS, k.status().name());
            equal(clause, params, ProjectEntity.HEALTH, k.health().name());
            clauses.add("(" + String.join(" AND ", clause) + ")");
        }
        return Query.select("ID, " + KEY_COLUMNS + ", " + FIGURE_COLUMNS).where(String.join(" OR ", clauses),
                params.toArray()).order("ID");
    }

    private static void equal(List<String> clause, List<Object> params, String column, String value) {
        if (value == null) {
            clause.add(column + " IS NULL");
        } else {
            clause.add(column + " = ?");
            params.add(value);
        }
    }

    private void create(Key k, Figures f) {
        ao.create(PortfolioSumEntity.class, new DBParam(ProjectEntity.JIRA_PROJECT, k.jiraProject()),
                new DBParam(ProjectEntity.FIELD_OF_ACTION_KEY, k.fieldKey()),
                new DBParam(ProjectEntity.DEPARTMENT_KEY, k.departmentKey()),
                new DBParam(ProjectEntity.PHASE, k.phase().name()), new DBParam(ProjectEntity.STATUS, k.status().name()),
                new DBParam(ProjectEntity.HEALTH, k.health().name()), new DBParam(PortfolioSumEntity.PROJECTS, f.projects),
                new DBParam(ProjectEntity.BUDGET_CENTS, f.budgetCents),
                new DBParam(ProjectEntity.FUNDING_CENTS, f.fundingCents),
                new DBParam(PortfolioSumEntity.OVERDUE, f.overdue));
    }

    /**
     * Builds the sums afresh from the mirror, as of {@code today}: for a mirror written before the
     * sums existed (the upgrade task) or filled around the store (bulk loads). In its own transaction,
     * under the stamp row's lock.
     */
    void rebuild(LocalDate today) {
        ao.executeInTransaction(() -> {
            lock(today);
            ao.deleteWithSQL(PortfolioSumEntity.class, "ID > ?", 0);
            Map<Key, Figures> sums = new HashMap<>();
            ao.stream(ProjectEntity.class, Query.select("ID, " + KEY_COLUMNS + ", " + ProjectEntity.BUDGET_CENTS + ", "
                    + ProjectEntity.FUNDING_CENTS + ", " + ProjectEntity.END_DATE), e -> {
                Key key = key(e.getJiraProject(), e.getFieldOfActionKey(), e.getDepartmentKey(), e.getPhase(),
                        e.getStatus(), e.getHealth());
                Figures f = sums.computeIfAbsent(key, k -> new Figures());
                f.projects++;
                f.budgetCents = Math.addExact(f.budgetCents, e.getBudgetCents());
                f.fundingCents = Math.addExact(f.fundingCents, e.getFundingCents());
                LocalDate end = toDay(e.getEndDate());
                f.overdue += key.status().open() && end != null && end.isBefore(today) ? 1 : 0;
            });
            sums.forEach(this::create);
            stamps.touch(JIRA_PROJECTS);
            return null;
        });
    }

    /**
     * The sums of what a filter selects, with the overdue counts of {@code today}: the sum rows
     * {@code selected} selects (a filter over the columns they share with the projects, never the
     * text), corrected by the open projects {@code selectedProjects} selects that end between the
     * rows' day and {@code today}. Sums and day are read again should a write move the day between
     * the two reads.
     *
     * @param knownDay the rows' day as the caller read it just before (with the stamp: one statement
     *                 less per view), null when it has none or the sums are not built yet
     */
    PortfolioAggregator sum(java.util.function.Supplier<PortfolioAggregator> fresh, Criteria selected,
                            java.util.function.Supplier<Criteria> selectedProjects, LocalDate today,
                            LocalDate knownDay) {
        LocalDate known = knownDay;
        while (true) {
            PortfolioAggregator sums = fresh.get();
            LocalDate before = Objects.requireNonNullElse(known != null ? known : overdueBefore(), today);
            known = null;
            readSums(sums, selected);
            if (!before.equals(today)) {
                boolean later = today.isAfter(before);
                Criteria between = selectedProjects.get().in(ProjectEntity.STATUS, OPEN).within(ProjectEntity.END_DATE,
                        toDate(later ? before : today), toDate(later ? today : before));
                ao.stream(ProjectEntity.class, between.query("ID, " + ProjectEntity.FIELD_OF_ACTION_KEY + ", "
                                + ProjectEntity.DEPARTMENT_KEY + ", " + ProjectEntity.PHASE),
                        e -> sums.overdue(e.getFieldOfActionKey(), e.getDepartmentKey(), Phase.valueOf(e.getPhase()),
                                later ? 1 : -1));
            }
            if (before.equals(Objects.requireNonNullElse(overdueBefore(), today))) {
                return sums;
            }
        }
    }

    /**
     * Adds the sum rows {@code selected} selects, summed further in the database: per field, phase
     * and health (plus the department when the view groups by it), and the budgets per department
     * in a second read. At 10,000 projects a filter selects some 3,000 sum rows (one per Jira
     * project and combination of five values); these two reads send about 150.
     */
    private void readSums(PortfolioAggregator sums, Criteria selected) {
        boolean byDepartment = sums.grouping() == de.digitalstrategie.cockpit.portfolio.Grouping.DEPARTMENT;
        String keys = String.join(", ", ProjectEntity.FIELD_OF_ACTION_KEY, ProjectEntity.PHASE, ProjectEntity.HEALTH)
                + (byDepartment ? ", " + ProjectEntity.DEPARTMENT_KEY : "");
        ao.stream(PortfolioSumEntity.class, selected.query(keys + ", " + summed(PortfolioSumEntity.PROJECTS) + ", "
                + summed(ProjectEntity.BUDGET_CENTS) + ", " + summed(ProjectEntity.FUNDING_CENTS) + ", "
                + summed(PortfolioSumEntity.OVERDUE)).group(keys), e -> {
                    String department = byDepartment ? e.getDepartmentKey() : null;
                    sums.addFigures(e.getFieldOfActionKey(), department, Phase.valueOf(e.getPhase()),
                            Health.valueOf(e.getHealth()), e.getProjects(), e.getBudgetCents(), e.getFundingCents(),
                            e.getOverdue());
                    if (byDepartment) {
                        sums.addDepartment(department, e.getProjects(), e.getBudgetCents());
                    }
                });
        if (!byDepartment) {
            ao.stream(PortfolioSumEntity.class, selected.query(ProjectEntity.DEPARTMENT_KEY + ", "
                    + summed(PortfolioSumEntity.PROJECTS) + ", " + summed(ProjectEntity.BUDGET_CENTS))
                    .group(ProjectEntity.DEPARTMENT_KEY), e -> sums.addDepartment(e.getDepartmentKey(),
                    e.getProjects(), e.getBudgetCents()));
        }
    }

    /** A column summed per group under its own name (the fork takes FUNCTION(COLUMN) AS ALIAS, nothing more). */
    private static String summed(String column) {
        return "SUM(" + column + ") AS " + column;
    }

    static Key key(DigitalProject p) {
        return new Key(IssueKey.projectOf(p.issueKey()), p.fieldOfActionKey(), p.departmentKey(), p.phase(),
                p.status(), p.health());
    }

    private static Key key(String jiraProject, String field, String department, String phase, String status,
                           String health) {
        return new Key(jiraProject, field, department, Phase.valueOf(phase), ProjectStatus.valueOf(status),
                Health.valueOf(health));
    }
}
