package de.digitalstrategie.cockpit.publication.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.PageLinks;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Takes the publication form of the project profile macro ({@code PublicationControl}): publishes
 * a project's profile or withdraws it, then sends the browser back to the page the form was on.
 * Who asks is checked before a byte of the form is read (the staff unit only, and only for a
 * project Jira lets them see), then SAL's XSRF token; the change lands in the project's history
 * with who made it.
 */
public class PublicationServlet extends HttpServlet {
    /** Where the servlet module mounts it, under {@code /plugins/servlet}. */
    public static final String PATH = "/plugins/servlet/cockpit/project-publication";
    private final transient UserManager users;
    private final transient Roles roles;
    private final transient ProjectStore projects;
    private final transient ProjectAccess access;
    private final transient XsrfTokenValidator xsrf;
    private final transient PageLinks pages;

    public PublicationServlet(UserManager users, Roles roles, ProjectStore projects, ProjectAccess access,
                              XsrfTokenValidator xsrf, PageLinks pages) {
        this.users = users;
        this.roles = roles;
        this.projects = projects;
        this.access = access;
        this.xsrf = xsrf;
        this.pages = pages;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey actor = users.getRemoteUserKey();
        if (actor == null || !roles.mayPublishProjects(actor.getStringValue())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!xsrf.validateFormEncodedToken(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String key = request.getParameter("key");
        String value = request.getParameter("public");
        if (!IssueKey.isValid(key) || !("true".equals(value) || "false".equals(value))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        // A project the publisher may not see in Jira is answered like one that does not exist.
        if (!access.visibility().projects().contains(IssueKey.projectOf(key)) || projects.find(key).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        projects.publish(key, Boolean.parseBoolean(value), actor.getStringValue());
        long pageId = pageId(request.getParameter("pageId"));
        if (pageId > 0) {
            // Back to the profile, built from the page id alone: the form names no address to go to.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", pages.page(pageId) + "#publication-" + key);
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private static long pageId(String value) {
        return value != null && value.matches("[1-9][0-9]{0,17}") ? Long.parseLong(value) : 0;
    }
}
