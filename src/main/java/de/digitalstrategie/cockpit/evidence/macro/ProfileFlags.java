package de.digitalstrategie.cockpit.evidence.macro;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;

import java.time.Clock;
import java.util.List;

/**
 * The open flags of one project, for its profile: shown to everyone who may see the project (its
 * reasons name nothing the profile does not show), the staff unit's comments to the staff unit only.
 * Nothing at all for a project without flags.
 */
public class ProfileFlags {
    private final EvidenceFlags flags;
    private final MacroRenderer renderer;
    private final UserManager users;
    private final Roles roles;
    private final Clock clock;

    public record View(String idHtml, String headingHtml, List<FlagRows.Row> rows) {
    }

    public ProfileFlags(EvidenceFlags flags, MacroRenderer renderer, UserManager users, Roles roles, Clock clock) {
        this.flags = flags;
        this.renderer = renderer;
        this.users = users;
        this.roles = roles;
        this.clock = clock;
    }

    /** The flags' markup for the profile of a project the viewer may see; "" for none. */
    public String html(String issueKey, MacroRequest request) {
        List<EvidenceFlags.Shown> open = flags.of(issueKey);
        if (open.isEmpty()) {
            return "";
        }
        UserKey viewer = users.getRemoteUserKey();
        boolean staff = viewer != null && roles.mayPublishProjects(viewer.getStringValue());
        List<FlagRows.Row> rows = open.stream().map(s -> FlagRows.row(s, request.texts(), request.formats(),
                clock.getZone(), staff)).toList();
        return renderer.render("templates/evidence/profile-flags.vm", request, new View(
                Html.text("evidence-" + issueKey), Html.text(request.texts().plain("cockpit.evidence.profile.heading",
                rows.size())), rows));
    }
}
