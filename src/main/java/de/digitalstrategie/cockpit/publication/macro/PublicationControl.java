package de.digitalstrategie.cockpit.publication.macro;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.publication.web.PublicationServlet;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormTokens;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a project's profile is published, and the button that changes it, on the project
 * profile macro: for the staff unit only (who may change it), as a plain form with the host's
 * XSRF token that {@link PublicationServlet} takes, so it works without scripts.
 */
public class PublicationControl {
    private final UserManager users;
    private final Roles roles;
    private final ProjectStore projects;
    private final FormTokens tokens;

    /**
     * What the profile template shows (every value escaped).
     *
     * @param profileUrlHtml the public profile's address while published, else ""
     * @param hasForm        false where no form can be sent back (an export, a rendering outside a
     *                       browser's request): the state alone
     */
    public record View(String idHtml, String stateHtml, String profileUrlHtml, boolean hasForm, String actionHtml,
                       String xsrfNameHtml, String xsrfHtml, String keyHtml, String valueHtml, String pageIdHtml,
                       String buttonHtml) {
        public boolean published() {
            return !profileUrlHtml.isEmpty();
        }
    }

    public PublicationControl(UserManager users, Roles roles, ProjectStore projects, FormTokens tokens) {
        this.users = users;
        this.roles = roles;
        this.projects = projects;
        this.tokens = tokens;
    }

    /** The control for the viewer of this rendering; empty for anyone who may not change the setting. */
    public Optional<View> view(String issueKey, MacroRequest request) {
        UserKey viewer = users.getRemoteUserKey();
        if (viewer == null || !roles.mayPublishProjects(viewer.getStringValue())) {
            return Optional.empty();
        }
        Texts t = request.texts();
        boolean published = projects.isPublished(issueKey);
        String profile = published ? request.restUrl("/public/projects/" + issueKey + "/profile", Map.of()) : "";
        Optional<FormTokens.Field> token = tokens.field(request);
        return Optional.of(new View(Html.text("publication-" + issueKey),
                Html.text(t.plain(published ? "cockpit.publication.state.public" : "cockpit.publication.state.internal")),
                profile.isEmpty() ? "" : Html.url(profile), token.isPresent(),
                Html.url(request.contextPath() + PublicationServlet.PATH),
                token.map(FormTokens.Field::nameHtml).orElse(""), token.map(FormTokens.Field::valueHtml).orElse(""),
                Html.text(issueKey), Html.text(Boolean.toString(!published)),
                Html.text(Long.toString(request.pageId())),
                Html.text(t.plain(published ? "cockpit.publication.withdraw" : "cockpit.publication.publish"))));
    }
}
