package de.digitalstrategie.cockpit.access;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;

import javax.inject.Inject;
import javax.inject.Named;
import java.util.Set;

/**
 * The portfolio is internal: every signed-in user sees the mirrored Jira projects, anonymous
 * visitors see none. (Per-user Jira browse permissions need the Jira connection and come with it.)
 */
@Named
public class LicensedUserProjectAccess implements ProjectAccess {
    private final UserManager users;
    private final ProjectStore projects;

    @Inject
    public LicensedUserProjectAccess(UserManager users, ProjectStore projects) {
        this.users = users;
        this.projects = projects;
    }

    @Override
    public Set<String> visibleJiraProjects() {
        return users.getRemoteUserKey() == null ? Set.of() : projects.jiraProjects();
    }
}
