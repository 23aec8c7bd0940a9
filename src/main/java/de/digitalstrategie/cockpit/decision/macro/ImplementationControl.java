package de.digitalstrategie.cockpit.decision.macro;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.web.ImplementationServlet;
import de.digitalstrategie.cockpit.decision.web.ImplementationServlet.Outcome;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views.Option;
import de.digitalstrategie.cockpit.web.FormTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form that sets how far a decision in force has been carried out, on the decision register and
 * the decision macro: for a decision no Jira issue says it of, shown only to a viewer who may set
 * it ({@link Roles#mayImplement}), as a plain form with the host's XSRF token that
 * {@link ImplementationServlet} takes, so it works without scripts. After it was sent, the form
 * carries the servlet's notice, tied to its fields for assistive technology.
 */
public class ImplementationControl {
    private final UserManager users;
    private final Roles roles;
    private final FormTokens tokens;

    /**
     * A form as the templates show it (every value escaped).
     *
     * @param selectionHtml the macro's own request parameters (its filter, sort, page), so the
     *                      browser comes back to the same selection, with the notice in sight
     * @param noticeHtml   what became of this form's last sending, "" for none
     * @param noticeRoleHtml "status" for a success, "alert" for an error, "" for none
     */
    public record Form(String idHtml, String actionHtml, String xsrfNameHtml, String xsrfHtml, String pageIdHtml,
                       String anchorHtml, String selectionHtml, String stateLabelHtml, List<Option> states,
                       String commentLabelHtml,
                       String submitHtml, String noticeHtml, String noticeRoleHtml, boolean invalid) {
        public boolean hasNotice() {
            return !noticeHtml.isEmpty();
        }
    }

    /** The forms of one rendering: who views it is asked once, each owner's unit once. */
    public final class Forms {
        private final MacroRequest request;
        private final String viewer;
        private final boolean sendable;
        private final Map<String, Boolean> owners = new HashMap<>();
        private FormTokens.Field token;

        private Forms(MacroRequest request, String viewer, boolean sendable) {
            this.request = request;
            this.viewer = viewer;
            this.sendable = sendable;
        }

        /**
         * The form for one decision, or empty where it has none: not in force, following its Jira
         * issue, a viewer who may not set it, or a rendering no form can be sent back from.
         *
         * @param anchor the id of the element the browser returns to after sending
         */
        public Optional<Form> of(Decision d, String anchor) {
            if (!sendable || !d.implementable() || !d.jiraIssue().isEmpty()
                    || !owners.computeIfAbsent(d.owner(), o -> roles.mayImplement(viewer, o))) {
                return Optional.empty();
            }
            if (token == null) {
                // Asked for only once a form needs it: the host sets its cookie on the first ask.
                token = tokens.field(request).orElseThrow();
            }
            Texts t = request.texts();
            String id = "implementation-" + request.instanceKey() + "-" + d.id();
            List<Option> states = Arrays.stream(ImplementationState.values())
                    .map(s -> new Option(Html.text(s.code()), t.html(s), s == d.implementation())).toList();
            Optional<Outcome> outcome = notice(d);
            String notice = outcome.map(o -> Html.text(t.plain("cockpit.decision.implementation.notice." + o.code(),
                    d.number()))).orElse("");
            return Optional.of(new Form(Html.text(id), Html.url(request.contextPath() + ImplementationServlet.PATH
                    + "?" + ImplementationServlet.DECISION + "=" + d.id()), token.nameHtml(),
                    token.valueHtml(), Html.text(Long.toString(request.pageId())), Html.text(anchor),
                    Html.text(selection()),
                    Html.text(t.plain("cockpit.decision.implementation.state", d.number())), states,
                    Html.text(t.plain("cockpit.decision.implementation.comment")),
                    Html.text(t.plain("cockpit.decision.implementation.save")), notice,
                    outcome.map(o -> o == Outcome.SAVED ? "status" : "alert").orElse(""),
                    outcome.filter(o -> o != Outcome.SAVED).isPresent()));
        }

        private String selection() {
            String own = request.ownName("");
            StringBuilder query = new StringBuilder();
            request.parameters().forEach((name, values) -> {
                if (name.startsWith(own) && !values.isEmpty()) {
                    query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=')
                            .append(encode(values.get(0)));
                }
            });
            return query.toString();
        }

        private Optional<Outcome> notice(Decision d) {
            List<String> which = request.parameters().get(ImplementationServlet.NOTICE_DECISION);
            List<String> what = request.parameters().get(ImplementationServlet.NOTICE);
            if (which == null || what == null || which.isEmpty() || what.isEmpty()
                    || !Long.toString(d.id()).equals(which.get(0))) {
                return Optional.empty();
            }
            return Outcome.of(what.get(0));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public ImplementationControl(UserManager users, Roles roles, FormTokens tokens) {
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
    }

    /** The forms for the viewer of this rendering; none at all for an anonymous viewer or an export. */
    public Forms forms(MacroRequest request) {
        UserKey viewer = users.getRemoteUserKey();
        return new Forms(request, viewer == null ? "" : viewer.getStringValue(),
                viewer != null && tokens.sendable(request));
    }
}
