package de.digitalstrategie.cockpit.reminder.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A person's own reminder switch ({@code /plugins/servlet/cockpit/reminders}, linked from every
 * reminder): signed-in users only, each for themselves (the form names no user: the switch is
 * always the requester's own), a change only with SAL's XSRF token, checked before the form is
 * read any further.
 */
public class ReminderPreferencesServlet extends HttpServlet {
    private final transient UserManager users;
    private final transient ReminderSettingsStore settings;
    private final transient AdminPages pages;
    private final transient XsrfTokenAccessor xsrfTokens;
    private final transient XsrfTokenValidator xsrf;

    /** What templates/reminder/preferences.vm shows. */
    public record View(String xsrfNameHtml, String xsrfHtml, String noticeHtml, boolean optedOut) {
        public boolean hasNotice() {
            return !noticeHtml.isEmpty();
        }
    }

    public ReminderPreferencesServlet(UserManager users, ReminderSettingsStore settings, AdminPages pages,
                                      XsrfTokenAccessor xsrfTokens, XsrfTokenValidator xsrf) {
        this.users = users;
        this.settings = settings;
        this.pages = pages;
        this.xsrfTokens = xsrfTokens;
        this.xsrf = xsrf;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = signedIn(response);
        if (user != null) {
            render(request, response, user, "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = signedIn(response);
        if (user == null) {
            return;
        }
        Texts t = pages.texts();
        if (!xsrf.validateFormEncodedToken(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, t.plain("cockpit.admin.error.xsrf"));
            return;
        }
        String receive = request.getParameter("receive");
        if (!"true".equals(receive) && !"false".equals(receive)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, t.plain("cockpit.reminder.error.choice"));
            return;
        }
        settings.setOptedOut(user.getStringValue(), !Boolean.parseBoolean(receive));
        render(request, response, user, t.plain("cockpit.admin.saved"));
    }

    /** The requester, or null after a 401 for anonymous visitors. */
    private UserKey signedIn(HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, pages.texts().plain("cockpit.reminder.error.sign-in"));
        }
        return user;
    }

    private void render(HttpServletRequest request, HttpServletResponse response, UserKey user, String notice)
            throws IOException {
        View view = new View(Html.text(xsrf.getXsrfParameterName()),
                Html.text(xsrfTokens.getXsrfToken(request, response, true)), Html.text(notice),
                settings.optedOut(user.getStringValue()));
        pages.send(response, "templates/reminder/preferences.vm", view, pages.texts());
    }
}
