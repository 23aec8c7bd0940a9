package de.digitalstrategie.cockpit.portfolio.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import net.java.ao.DBParam;
import net.java.ao.Query;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static de.digitalstrategie.cockpit.schema.StoredDates.toDate;
import static de.digitalstrategie.cockpit.schema.StoredDates.toDay;
import static de.digitalstrategie.cockpit.schema.StoredDates.toInstant;

/** The plugin's mirror of the project portfolio, so pages render without calling Jira. */
@Named
public class ProjectStore {
    private final ActiveObjects ao;

    @Inject
    public ProjectStore(ActiveObjects ao) {
        this.ao = ao;
    }

    /** Creates or updates the project with the same issue key. */
    public void save(DigitalProject project) {
        ao.executeInTransaction(() -> {
            ProjectEntity[] found = ao.find(ProjectEntity.class, ProjectEntity.ISSUE_KEY + " = ?", project.issueKey());
            ProjectEntity e = found.length > 0 ? found[0] : ao.create(ProjectEntity.class,
                    new DBParam(ProjectEntity.ISSUE_KEY, project.issueKey()),
                    new DBParam(ProjectEntity.TITLE, project.title()),
                    new DBParam(ProjectEntity.STATUS, project.status().name()),
                    new DBParam(ProjectEntity.PHASE, project.phase().name()),
                    new DBParam(ProjectEntity.HEALTH, project.health().name()));
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
            e.save();
            return null;
        });
    }

    public Optional<DigitalProject> find(String issueKey) {
        return Arrays.stream(ao.find(ProjectEntity.class, ProjectEntity.ISSUE_KEY + " = ?", issueKey))
                .findFirst().map(ProjectStore::toProject);
    }

    public List<DigitalProject> all() {
        return Arrays.stream(ao.find(ProjectEntity.class, Query.select().order(ProjectEntity.ISSUE_KEY)))
                .map(ProjectStore::toProject).toList();
    }

    public int count() {
        return ao.count(ProjectEntity.class);
    }

    /** Removes the mirror of an issue that was deleted or moved out of the portfolio in Jira. */
    public boolean remove(String issueKey) {
        return ao.deleteWithSQL(ProjectEntity.class, ProjectEntity.ISSUE_KEY + " = ?", issueKey) > 0;
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
