package de.digitalstrategie.cockpit.evidence.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.evidence.EvidenceSettings;
import de.digitalstrategie.cockpit.evidence.store.EvidenceSettingsStore;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page of the evidence checks' thresholds ({@code /plugins/servlet/cockpit/admin/evidence}):
 * for administrators and the CDO, asked before the form is read; every change with SAL's XSRF token.
 */
public class EvidenceAdminServlet extends HttpServlet {
    private final transient EvidenceSettingsStore settings;
    private final transient AdminPages admin;
    private final transient UserManager users;
    private final transient Roles roles;
    private final transient XsrfTokenAccessor xsrfTokens;
    private final transient XsrfTokenValidator xsrf;

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
                                XsrfTokenAccessor xsrfTokens, XsrfTokenValidator xsrf) {
        this.settings = settings;
        this.admin = admin;
        this.users = users;
        this.roles = roles;
        this.xsrfTokens = xsrfTokens;
        this.xsrf = xsrf;
    }

    /** Anyone but an administrator or the CDO gets a 403, anonymous visitors too; true when refused. */
    private boolean refused(HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey();
        if (user == null || !(users.isAdmin(user) || roles.isCdo(user.getStringValue()))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, admin.texts().plain("cockpit.evidence.error.settings"));
            return true;
        }
        return false;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (refused(response)) {
            return;
        }
        EvidenceSettings s = settings.load();
        render(request, response, String.valueOf(s.staleWeeks()), String.valueOf(s.windowDays()),
                String.valueOf(s.lookbackDays()), "", "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (refused(response)) {
            return;
        }
        Texts t = admin.texts();
        if (!xsrf.validateFormEncodedToken(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, t.plain("cockpit.admin.error.xsrf"));
            return;
        }
        String weeks = value(request, "staleWeeks");
        String window = value(request, "windowDays");
        String lookback = value(request, "lookbackDays");
        try {
            EvidenceSettings entered = new EvidenceSettings(number(weeks), number(window), number(lookback));
            settings.save(entered);
            render(request, response, String.valueOf(entered.staleWeeks()), String.valueOf(entered.windowDays()),
                    String.valueOf(entered.lookbackDays()), t.plain("cockpit.admin.saved"), "");
        } catch (ValidationException e) {
            render(request, response, weeks, window, lookback, "", t.plain(e.userMessage()));
        }
    }

    private static String value(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip().substring(0, Math.min(v.strip().length(), 40));
    }

    private static int number(String value) {
        if (!value.matches("[0-9]{1,3}")) {
            throw ValidationException.of("cockpit.evidence.error.number", value);
        }
        return Integer.parseInt(value);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String weeks, String window,
                        String lookback, String notice, String error) throws IOException {
        admin.send(response, "templates/evidence/admin.vm", new View(Html.text(xsrf.getXsrfParameterName()),
                Html.text(xsrfTokens.getXsrfToken(request, response, true)), Html.text(notice), Html.text(weeks),
                Html.text(window), Html.text(lookback), Html.text(error)), admin.texts());
    }
}
