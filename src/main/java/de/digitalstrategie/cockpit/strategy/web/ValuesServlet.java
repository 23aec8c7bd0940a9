package de.digitalstrategie.cockpit.strategy.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.MeasuredDay;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.Values;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Takes the form of measured values on an indicator card ({@code strategy.macro.IndicatorMacro}):
 * stores one value, then sends the browser back to the card's page with a notice for the form. The
 * indicator is named in the address, so who asks is checked before a byte of the form is read
 * (signed in, the indicator on a page visible to them, its responsible unit or the staff unit),
 * then SAL's XSRF token; the value is checked and stored as over REST.
 */
public class ValuesServlet extends HttpServlet {
    /** Where the servlet module mounts it, under {@code /plugins/servlet}. */
    public static final String PATH = "/plugins/servlet/cockpit/indicator-values";
    /** The address parameter naming the indicator (its key), read without reading the form. */
    public static final String INDICATOR = "indicator";
    /** The parameters of the notice the page shows after the redirect. */
    public static final String NOTICE = "cockpit-values";
    public static final String NOTICE_INDICATOR = "cockpit-values-indicator";
    private final transient UserManager users;
    private final transient Roles roles;
    private final transient Indicators indicators;
    private final transient Measurements measurements;
    private final transient PageAccess pages;
    private final transient XsrfTokenValidator xsrf;
    private final transient PageLinks links;
    private final transient Clock clock;

    public ValuesServlet(UserManager users, Roles roles, Indicators indicators, Measurements measurements,
                         PageAccess pages, XsrfTokenValidator xsrf, PageLinks links, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.indicators = indicators;
        this.measurements = measurements;
        this.pages = pages;
        this.xsrf = xsrf;
        this.links = links;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey actor = users.getRemoteUserKey();
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String key = query(request.getQueryString(), INDICATOR);
        // An indicator the viewer may not see answers like one that does not exist.
        Optional<Indicator> indicator = key == null || key.length() > Indicator.KEY_LENGTH ? Optional.empty()
                : indicators.find(key, pages.viewable(indicators.pageIds()));
        if (indicator.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!roles.mayRecordValues(actor.getStringValue(), indicator.get().responsibleUnit())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!xsrf.validateFormEncodedToken(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String outcome;
        try {
            measurements.record(new Measurement(indicator.get().key(), Values.parse(request.getParameter("value")),
                    day(request.getParameter("date")), request.getParameter("source"), request.getParameter("comment"),
                    actor.getStringValue(), clock.instant()));
            outcome = "saved";
        } catch (ValidationException e) {
            outcome = "invalid";
        }
        // Back to the card, built from the indicator's own page: the form names no address to go to.
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", links.page(indicator.get().page().pageId()) + "&" + NOTICE + "=" + outcome
                + "&" + NOTICE_INDICATOR + "=" + URLEncoder.encode(indicator.get().key(), StandardCharsets.UTF_8)
                + "#indicator-" + indicator.get().key());
    }

    private LocalDate day(String text) {
        return MeasuredDay.parse(text, LocalDate.now(clock));
    }

    /** One parameter of the address, read without touching the request's body. */
    private static String query(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
