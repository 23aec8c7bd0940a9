package de.digitalstrategie.cockpit.strategy.macro;

import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.IndicatorParameters;
import de.digitalstrategie.cockpit.strategy.Values;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.web.ValuesServlet;
import de.digitalstrategie.cockpit.web.FormTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code strategy-indicator}: an indicator card on its goal's page, as the page declares it: what
 * is measured and why, unit and direction, baseline and target with their dates, source,
 * responsible unit and rhythm, as a description list under a heading (read in order by a screen
 * reader). The card shows what the page says; the sync records it from the strategy places only.
 */
public class IndicatorMacro extends CockpitMacro {

    /** One line of the card. */
    public record Line(String labelHtml, String valueHtml) {
    }

    /**
     * The form of measured values, for the unit that collects the indicator and the staff unit;
     * every value escaped.
     *
     * @param noticeHtml     what became of the form's last sending, "" for none
     * @param noticeRoleHtml "status" for a success, "alert" for an error
     */
    public record Form(String actionHtml, String xsrfNameHtml, String xsrfHtml, String headingHtml,
                       String valueLabelHtml, String dateLabelHtml, String sourceLabelHtml, String commentLabelHtml,
                       String submitHtml, String noticeHtml, String noticeRoleHtml, boolean invalid) {
        public boolean hasNotice() {
            return !noticeHtml.isEmpty();
        }
    }

    /** What templates/strategy/indicator.vm shows; every value escaped. */
    public record View(String idHtml, String keyHtml, String nameHtml, String goalHtml, List<Line> lines,
                       Form form) {
        public boolean hasForm() {
            return form != null;
        }
    }

    private final Indicators indicators;
    private final Roles roles;
    private final UserManager users;
    private final FormTokens tokens;

    public IndicatorMacro(MacroRenderer renderer, Indicators indicators, Roles roles, UserManager users,
                          FormTokens tokens) {
        super(renderer);
        this.indicators = indicators;
        this.roles = roles;
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        Indicator i = IndicatorParameters.read(parameters, "", PageRef.NONE);
        Texts t = request.texts();
        List<Line> lines = new ArrayList<>();
        line(lines, t, "cockpit.indicator.measures", i.measures());
        line(lines, t, "cockpit.indicator.rationale", i.rationale());
        line(lines, t, "cockpit.indicator.unit", i.unit());
        line(lines, t, "cockpit.indicator.direction", t.plain(i.direction()));
        line(lines, t, "cockpit.indicator.baseline", t.plain("cockpit.indicator.value-on",
                value(i.baseline(), i.unit(), request), request.formats().date(i.baselineDate())));
        line(lines, t, "cockpit.indicator.target", t.plain("cockpit.indicator.value-on",
                value(i.target(), i.unit(), request), request.formats().date(i.targetDate())));
        line(lines, t, "cockpit.indicator.source", i.source());
        line(lines, t, "cockpit.indicator.responsible", i.responsibleUnit());
        line(lines, t, "cockpit.indicator.rhythm", t.plain(i.rhythm()));
        return renderer.render("templates/strategy/indicator.vm", request, new View(Html.text("indicator-" + i.key()),
                Html.text(i.key()), Html.text(i.name()), Html.text(t.plain("cockpit.indicator.of-goal", i.goalNumber())),
                lines, form(i.key(), request).orElse(null)));
    }

    /**
     * The form, where the card's indicator is recorded from this very page and the viewer enters
     * its values: never for an anonymous viewer, an export, or a card the register does not hold.
     */
    private Optional<Form> form(String key, MacroRequest request) {
        UserKey viewer = users.getRemoteUserKey();
        if (viewer == null || !tokens.sendable(request) || request.pageId() <= 0) {
            return Optional.empty();
        }
        Optional<Indicator> recorded = indicators.find(key, List.of(request.pageId()));
        if (recorded.isEmpty() || !roles.mayRecordValues(viewer.getStringValue(), recorded.get().responsibleUnit())) {
            return Optional.empty();
        }
        FormTokens.Field token = tokens.field(request).orElseThrow();
        Texts t = request.texts();
        List<String> which = request.parameters().get(ValuesServlet.NOTICE_INDICATOR);
        List<String> what = request.parameters().get(ValuesServlet.NOTICE);
        String outcome = which != null && what != null && !which.isEmpty() && !what.isEmpty()
                && key.equals(which.get(0)) && List.of("saved", "invalid").contains(what.get(0)) ? what.get(0) : "";
        return Optional.of(new Form(Html.url(request.contextPath() + ValuesServlet.PATH + "?"
                + ValuesServlet.INDICATOR + "=" + URLEncoder.encode(key, StandardCharsets.UTF_8)),
                token.nameHtml(), token.valueHtml(),
                Html.text(t.plain("cockpit.measurement.form.heading", key)),
                Html.text(t.plain("cockpit.measurement.value")), Html.text(t.plain("cockpit.measurement.date")),
                Html.text(t.plain("cockpit.measurement.source")), Html.text(t.plain("cockpit.measurement.comment")),
                Html.text(t.plain("cockpit.measurement.form.save")),
                outcome.isEmpty() ? "" : Html.text(t.plain("cockpit.measurement.form." + outcome, key)),
                outcome.equals("saved") ? "status" : outcome.isEmpty() ? "" : "alert", outcome.equals("invalid")));
    }

    private static String value(java.math.BigDecimal value, String unit, MacroRequest request) {
        String number = Values.format(value, request.texts().locale());
        return unit.isEmpty() ? number : number + " " + unit;
    }

    private static void line(List<Line> lines, Texts t, String labelKey, String value) {
        if (value != null && !value.isEmpty()) {
            lines.add(new Line(Html.text(t.plain(labelKey)), Html.text(value)));
        }
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
