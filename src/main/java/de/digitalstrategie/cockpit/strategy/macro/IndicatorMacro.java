package de.digitalstrategie.cockpit.strategy.macro;

import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.macro.RenderMemo;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code strategy-indicator}: an indicator card on its goal's page, as the page declares it: what
 * is measured and why, unit and direction, baseline and target with their dates, source,
 * responsible unit and rhythm, as a description list under a heading (read in order by a screen
 * reader). The card shows what the page says, but the definition the register keeps where that
 * differs; the sync records it from the strategy places only.
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

    /**
     * What templates/strategy/indicator.vm shows; every value escaped.
     *
     * @param errorHtml    why the register does not take this card (its key is another's), "" for none
     * @param conflictHtml how the page's card differs from the definition the register keeps, "" for none
     */
    public record View(String idHtml, String keyHtml, String nameHtml, String goalHtml, List<Line> lines,
                       Form form, String errorHtml, String conflictHtml) {
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
        return render(parameters, body, request, RenderMemo.of(null));
    }

    /**
     * The card as its page says it, or, where the register keeps another definition (saved by
     * someone without the staff unit's role), the register's with the difference named, as a goal
     * shows the register's status beside the page's claim. The keys already shown in this rendering
     * tell a second card with one key on the page, which the sync refuses as well.
     */
    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request, RenderMemo memo) {
        Indicator onPage = IndicatorParameters.read(parameters, "", PageRef.NONE);
        Texts t = request.texts();
        Set<String> shownKeys = memo.get(List.of("indicator-keys", request.pageId()), HashSet::new);
        boolean repeated = !shownKeys.add(onPage.key());
        Optional<Indicator> recorded = repeated || request.pageId() <= 0 ? Optional.empty()
                : indicators.find(onPage.key(), List.of(request.pageId()));
        String error = repeated ? t.plain("cockpit.indicator.error.repeated-key", onPage.key())
                : recorded.isPresent() || request.pageId() <= 0 ? ""
                : indicators.elsewhere(onPage.key(), request.pageId()).map(other -> t.plain(other.withdrawn()
                        ? "cockpit.indicator.error.key-withdrawn" : "cockpit.indicator.error.key-elsewhere",
                        onPage.key())).orElse("");
        Indicator i = recorded.map(onPage::withDefinitionOf).orElse(onPage);
        List<String> differs = recorded.map(r -> r.definitionChanges(onPage)).orElse(List.of());
        String conflict = differs.isEmpty() ? "" : t.plain("cockpit.indicator.conflict.role",
                differs.stream().map(t::plain).collect(Collectors.joining(", ")));
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
        return renderer.render("templates/strategy/indicator.vm", request, new View(Html.text("indicator-" + i.key()
                + (repeated ? "-" + shownKeys.size() : "")),
                Html.text(i.key()), Html.text(i.name()), Html.text(t.plain("cockpit.indicator.of-goal", i.goalNumber())),
                lines, recorded.flatMap(r -> form(r, request)).orElse(null), Html.text(error), Html.text(conflict)));
    }

    /**
     * The form, where the card's indicator is recorded from this very page and the viewer enters
     * its values (by the unit the register names): never for an anonymous viewer or an export.
     */
    private Optional<Form> form(Indicator recorded, MacroRequest request) {
        UserKey viewer = users.getRemoteUserKey();
        if (viewer == null || !tokens.sendable(request)
                || !roles.mayRecordValues(viewer.getStringValue(), recorded.responsibleUnit())) {
            return Optional.empty();
        }
        String key = recorded.key();
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
