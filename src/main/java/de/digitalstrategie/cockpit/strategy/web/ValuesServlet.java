package de.digitalstrategie.cockpit.strategy.web;

import com.atlassian.sal.api.user.UserManager;
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
import de.digitalstrategie.cockpit.web.FormPost;
import de.digitalstrategie.cockpit.web.FormTokens;

import javax.servlet.http.HttpServletRequest;
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
public class ValuesServlet extends FormPost<Indicator> {
    /** Where the servlet module mounts it, under {@code /plugins/servlet}. */
    public static final String PATH = "/plugins/servlet/cockpit/indicator-values";
    /** The address parameter naming the indicator (its key), read without reading the form. */
    public static final String INDICATOR = "indicator";
    /** The parameters of the notice the page shows after the redirect. */
    public static final String NOTICE = "cockpit-values";
    public static final String NOTICE_INDICATOR = "cockpit-values-indicator";
    private final transient Roles roles;
    private final transient Indicators indicators;
    private final transient Measurements measurements;
    private final transient PageAccess pages;
    private final transient PageLinks links;
    private final transient Clock clock;

    public ValuesServlet(UserManager users, Roles roles, Indicators indicators, Measurements measurements,
                         PageAccess pages, FormTokens tokens, PageLinks links, Clock clock) {
        super(users, tokens);
        this.roles = roles;
        this.indicators = indicators;
        this.measurements = measurements;
        this.pages = pages;
        this.links = links;
        this.clock = clock;
    }

    @Override
    protected Admission<Indicator> admit(HttpServletRequest request, String actor) {
        String key = fromAddress(request, INDICATOR);
        // An indicator the viewer may not see answers like one that does not exist.
        Optional<Indicator> indicator = key == null || key.length() > Indicator.KEY_LENGTH ? Optional.empty()
                : indicators.find(key, pages.viewable(indicators.pageIds()));
        if (indicator.isEmpty()) {
            return Admission.notFound();
        }
        return roles.mayRecordValues(actor, indicator.get().responsibleUnit()) ? Admission.of(indicator.get())
                : Admission.forbidden();
    }

    @Override
    protected Answer take(HttpServletRequest request, String actor, Indicator indicator) {
        String outcome;
        try {
            measurements.record(new Measurement(indicator.key(), Values.parse(request.getParameter("value")),
                    day(request.getParameter("date")), request.getParameter("source"), request.getParameter("comment"),
                    actor, clock.instant()));
            outcome = "saved";
        } catch (ValidationException e) {
            outcome = "invalid";
        }
        // Back to the card, built from the indicator's own page.
        return new Back(links.page(indicator.page().pageId())).notice(NOTICE, outcome)
                .notice(NOTICE_INDICATOR, indicator.key()).anchor("indicator-" + indicator.key()).answer();
    }

    private LocalDate day(String text) {
        return MeasuredDay.parse(text, LocalDate.now(clock));
    }
}
