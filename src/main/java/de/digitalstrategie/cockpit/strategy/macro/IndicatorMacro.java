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

import java.util.ArrayList;
import java.util.List;

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

    /** What templates/strategy/indicator.vm shows; every value escaped. */
    public record View(String idHtml, String keyHtml, String nameHtml, String goalHtml, List<Line> lines) {
    }

    public IndicatorMacro(MacroRenderer renderer) {
        super(renderer);
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
                lines));
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
