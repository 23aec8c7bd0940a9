package de.digitalstrategie.cockpit.reminder.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormPage;
import de.digitalstrategie.cockpit.web.FormTokens;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A person's own reminder switch ({@code /plugins/servlet/cockpit/reminders}, linked from every
 * reminder): signed-in users only (401 for anonymous visitors), each for themselves (the form names
 * no user: the switch is always the requester's own), a change only with SAL's XSRF token, checked
 * before the form is read any further.
 */
public class ReminderPreferencesServlet extends FormPage {
    private final transient ReminderSettingsStore settings;

    /** What templates/reminder/preferences.vm shows. */
    public record View(String xsrfNameHtml, String xsrfHtml, String noticeHtml, boolean optedOut) {
        public boolean hasNotice() {
            return !noticeHtml.isEmpty();
        }
    }

    public ReminderPreferencesServlet(UserManager users, ReminderSettingsStore settings, AdminPages pages,
                                      FormTokens tokens) {
        super(pages, Guard.of(users, pages, user -> true, HttpServletResponse.SC_UNAUTHORIZED,
                "cockpit.reminder.error.sign-in"), tokens);
        this.settings = settings;
    }

    @Override
    protected void show(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        render(request, response, user, "");
    }

    @Override
    protected void take(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Texts t = pages.texts();
        String receive = request.getParameter("receive");
        if (!"true".equals(receive) && !"false".equals(receive)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, t.plain("cockpit.reminder.error.choice"));
            return;
        }
        settings.setOptedOut(user, !Boolean.parseBoolean(receive));
        render(request, response, user, t.plain("cockpit.admin.saved"));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String user, String notice)
            throws IOException {
        FormTokens.Field token = token(request, response);
        View view = new View(token.nameHtml(), token.valueHtml(), Html.text(notice), settings.optedOut(user));
        pages.send(response, "templates/reminder/preferences.vm", view, pages.texts());
    }
}
