package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.PastValues;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.report.Quarter;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the projects' histories say about a quarter, for the sections that show projects: every
 * change within it, and each project's health at its end. Only projects of the Jira projects the
 * viewer may see.
 */
public class QuarterChanges {
    /**
     * What the report counts as a change of a project: how it is reported (status, phase, health),
     * its money, its time frame, and that it left the portfolio. Whether the city publishes its
     * profile is the staff unit's setting, not news about the project.
     */
    static final List<ChangeField> REPORTED = List.of(ChangeField.STATUS, ChangeField.PHASE, ChangeField.HEALTH,
            ChangeField.BUDGET, ChangeField.FUNDING, ChangeField.START, ChangeField.END, ChangeField.REMOVED);

    private final ProjectHistory history;
    private final ProjectStore projects;

    public QuarterChanges(ProjectHistory history, ProjectStore projects) {
        this.history = history;
        this.projects = projects;
    }

    /**
     * Every reported change written within the quarter, oldest first, of the projects the mirror
     * holds under that key today. A history row keeps the key it was written under: the rows of an
     * issue since moved to another Jira project (or removed) name a key the viewer's Jira projects
     * would let through although the project now lies where the viewer may not look, so they are
     * left out rather than shown by their old key. A project removed from the portfolio since the
     * quarter began keeps its rows under the key it was removed under, where the mirror holds it
     * no more (one that came back is followed as any other).
     */
    public List<ProjectChange> within(Quarter quarter, ZoneId zone, Set<String> visibleJiraProjects) {
        Instant start = quarter.start(zone);
        Instant end = quarter.end(zone);
        Set<String> current = new java.util.HashSet<>(projects.keys());
        current.addAll(projects.stillRemoved(history.changesSince(ChangeField.REMOVED, start)));
        List<ProjectChange> changes = new ArrayList<>();
        for (ChangeField field : REPORTED) {
            for (ProjectChange c : history.changesSince(field, start)) {
                if (c.at().isBefore(end) && current.contains(c.issueKey())
                        && visibleJiraProjects.contains(IssueKey.projectOf(c.issueKey()))) {
                    changes.add(c);
                }
            }
        }
        changes.sort(Comparator.comparing(ProjectChange::at).thenComparing(ProjectChange::id));
        return changes;
    }

    /**
     * The portfolio as it stood at the quarter's end (see {@link PastValues}); a project is asked
     * for by its key alone, so the rows of an issue moved since stay with the key they were written
     * under, as in {@link #within}.
     */
    public PastValues atEnd(Quarter quarter) {
        return history.asOf(quarter.last());
    }

    /**
     * The projects that existed at the quarter's end and were removed from the portfolio since, as
     * they stood then, of the Jira projects the viewer may see (where each lay when it was removed).
     */
    public List<DigitalProject> removedSinceEnd(Quarter quarter, Set<String> visibleJiraProjects) {
        return projects.removedSince(quarter.last(), visibleJiraProjects);
    }
}
