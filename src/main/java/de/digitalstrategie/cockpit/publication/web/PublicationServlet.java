package de.digitalstrategie.cockpit.publication.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.web.FormPost;
import de.digitalstrategie.cockpit.web.FormTokens;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Takes the publication form of the project profile macro ({@code PublicationControl}): publishes
 * a project's profile or withdraws it, then sends the browser back to the page the form was on.
 * Who asks is checked before a byte of the form is read (the staff unit only, and only for a
 * project Jira lets them see), then SAL's XSRF token; the change lands in the project's history
 * with who made it.
 */
public class PublicationServlet extends FormPost<String> {
    /** Where the servlet module mounts it, under {@code /plugins/servlet}. */
    public static final String PATH = "/plugins/servlet/cockpit/project-publication";
    private final transient Roles roles;
    private final transient ProjectStore projects;
    private final transient ProjectAccess access;
    private final transient PageLinks pages;

    public PublicationServlet(UserManager users, Roles roles, ProjectStore projects, ProjectAccess access,
                              FormTokens tokens, PageLinks pages) {
        super(users, tokens);
        this.roles = roles;
        this.projects = projects;
        this.access = access;
        this.pages = pages;
    }

    @Override
    protected Admission<String> admit(HttpServletRequest request, String actor) {
        return roles.mayPublishProjects(actor) ? Admission.of(actor) : Admission.forbidden();
    }

    @Override
    protected Answer take(HttpServletRequest request, String actor, String publisher) {
        String key = request.getParameter("key");
        String value = request.getParameter("public");
        if (!IssueKey.isValid(key) || !("true".equals(value) || "false".equals(value))) {
            return Answer.status(HttpServletResponse.SC_BAD_REQUEST);
        }
        // A project the publisher may not see in Jira is answered like one that does not exist.
        if (!access.visibility().projects().contains(IssueKey.projectOf(key)) || projects.find(key).isEmpty()) {
            return Answer.status(HttpServletResponse.SC_NOT_FOUND);
        }
        projects.publish(key, Boolean.parseBoolean(value), publisher);
        long pageId = pageId(request);
        return pageId > 0 ? new Back(pages.page(pageId)).anchor("publication-" + key).answer()
                : Answer.status(HttpServletResponse.SC_NO_CONTENT);
    }
}
