package de.digitalstrategie.cockpit.reminder.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.reminder.send.ReminderJob;
import de.digitalstrategie.cockpit.reminder.ReminderSettings;
import de.digitalstrategie.cockpit.reminder.store.ReminderSettingsStore;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormPage;
import de.digitalstrategie.cockpit.web.FormTokens;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The administrators' page of the reminders ({@code /plugins/servlet/cockpit/admin/reminders}):
 * the two windows, and a button that sends what today's run has not sent yet (nothing twice).
 * Administrators only, asked before the form is read; every change with SAL's XSRF token.
 */
public class ReminderAdminServlet extends FormPage {
    private final transient ReminderSettingsStore settings;
    private final transient ReminderJob job;

    /**
     * What templates/admin/reminders.vm shows: the values as entered (or stored), the error of the
     * form if it was refused, a notice after an action.
     */
    public record View(String xsrfNameHtml, String xsrfHtml, String noticeHtml, String noticeKindHtml,
                       String dueWithinHtml, String unansweredAfterHtml, String errorHtml) {
        public boolean hasNotice() {
            return !noticeHtml.isEmpty();
        }

        public boolean hasError() {
            return !errorHtml.isEmpty();
        }
    }

    public ReminderAdminServlet(ReminderSettingsStore settings, ReminderJob job, AdminPages admin, UserManager users,
                                FormTokens tokens) {
        super(admin, Guard.administrators(users, admin), tokens);
        this.settings = settings;
        this.job = job;
    }

    @Override
    protected void show(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        ReminderSettings stored = settings.load();
        render(request, response, String.valueOf(stored.dueWithinDays()), String.valueOf(stored.unansweredAfterDays()),
                "", "", "");
    }

    @Override
    protected void take(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Texts t = pages.texts();
        String action = request.getParameter("action");
        ReminderSettings stored = settings.load();
        if ("send".equals(action)) {
            Optional<ReminderJob.Report> report = job.sendToday();
            String notice = report.map(r -> t.plain("cockpit.reminder.admin.sent", r.sent(), r.earlier(), r.optedOut(),
                    r.noAddress())).orElseGet(() -> t.plain("cockpit.reminder.admin.busy"));
            render(request, response, String.valueOf(stored.dueWithinDays()),
                    String.valueOf(stored.unansweredAfterDays()), notice, report.isPresent() ? "success" : "warning", "");
            return;
        }
        if (!"save".equals(action)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, t.plain("cockpit.admin.error.action"));
            return;
        }
        String due = value(request, "dueWithinDays", 40);
        String unanswered = value(request, "unansweredAfterDays", 40);
        try {
            ReminderSettings entered = new ReminderSettings(days(due), days(unanswered));
            settings.save(entered);
            render(request, response, String.valueOf(entered.dueWithinDays()),
                    String.valueOf(entered.unansweredAfterDays()), t.plain("cockpit.admin.saved"), "success", "");
        } catch (ValidationException e) {
            render(request, response, due, unanswered, "", "", t.plain(e.userMessage()));
        }
    }

    private static int days(String value) {
        if (!value.matches("[0-9]{1,3}")) {
            throw ValidationException.of("cockpit.reminder.error.days", value, ReminderSettings.MAX_DAYS);
        }
        return Integer.parseInt(value);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String due, String unanswered,
                        String notice, String kind, String error) throws IOException {
        FormTokens.Field token = token(request, response);
        View view = new View(token.nameHtml(), token.valueHtml(), Html.text(notice), Html.text(kind),
                Html.text(due), Html.text(unanswered), Html.text(error));
        pages.send(response, "templates/admin/reminders.vm", view, pages.texts());
    }
}
