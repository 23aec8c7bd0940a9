package de.digitalstrategie.cockpit.evidence.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.evidence.EvidenceSettings;
import de.digitalstrategie.cockpit.evidence.store.EvidenceSettingsStore;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormPage;
import de.digitalstrategie.cockpit.web.FormTokens;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page of the evidence checks' thresholds ({@code /plugins/servlet/cockpit/admin/evidence}):
 * for administrators and the CDO, asked before the form is read; every change with SAL's XSRF token.
 */
public class EvidenceAdminServlet extends FormPage {
    private final transient EvidenceSettingsStore settings;

    /** What templates/evidence/admin.vm shows: the values as entered (or stored), an error or a notice. */
    public record View(String xsrfNameHtml, String xsrfHtml, String noticeHtml, String staleWeeksHtml,
                       String windowDaysHtml, String lookbackDaysHtml, String errorHtml) {
        public boolean hasNotice() {
            return !noticeHtml.isEmpty();
        }

        public boolean hasError() {
            return !errorHtml.isEmpty();
        }
    }

    public EvidenceAdminServlet(EvidenceSettingsStore settings, AdminPages admin, UserManager users, Roles roles,
                                FormTokens tokens) {
        super(admin, Guard.of(users, admin, user -> users.isAdmin(user) || roles.isCdo(user.getStringValue()),
                HttpServletResponse.SC_FORBIDDEN, "cockpit.evidence.error.settings"), tokens);
        this.settings = settings;
    }

    @Override
    protected void show(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        EvidenceSettings s = settings.load();
        render(request, response, String.valueOf(s.staleWeeks()), String.valueOf(s.windowDays()),
                String.valueOf(s.lookbackDays()), "", "");
    }

    @Override
    protected void take(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Texts t = pages.texts();
        String weeks = value(request, "staleWeeks", 40);
        String window = value(request, "windowDays", 40);
        String lookback = value(request, "lookbackDays", 40);
        try {
            EvidenceSettings entered = new EvidenceSettings(number(weeks), number(window), number(lookback));
            settings.save(entered);
            render(request, response, String.valueOf(entered.staleWeeks()), String.valueOf(entered.windowDays()),
                    String.valueOf(entered.lookbackDays()), t.plain("cockpit.admin.saved"), "");
        } catch (ValidationException e) {
            render(request, response, weeks, window, lookback, "", t.plain(e.userMessage()));
        }
    }

    private static int number(String value) {
        if (!value.matches("[0-9]{1,3}")) {
            throw ValidationException.of("cockpit.evidence.error.number", value);
        }
        return Integer.parseInt(value);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String weeks, String window,
                        String lookback, String notice, String error) throws IOException {
        FormTokens.Field token = token(request, response);
        pages.send(response, "templates/evidence/admin.vm", new View(token.nameHtml(), token.valueHtml(),
                Html.text(notice), Html.text(weeks), Html.text(window), Html.text(lookback), Html.text(error)),
                pages.texts());
    }
}
