package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;

/**
 * The parameters of the {@code strategy-indicator} macro: an indicator card, naming the goal it
 * measures. Read the same way for the page's rendering and for the sync that records it.
 */
public final class IndicatorParameters {
    /** The macro's name in storage format. */
    public static final String MACRO = "strategy-indicator";

    private IndicatorParameters() {
    }

    /** The indicator the macro declares on the page. */
    public static Indicator read(MacroParameters p, String macroId, PageRef page) {
        return new Indicator(0, macroId, p.required("key"), p.required("goal"), p.required("name"),
                p.text("measures", ""), p.text("rationale", ""), p.text("unit", ""),
                p.choice("direction", Direction.class).orElseThrow(
                        () -> ValidationException.of("cockpit.macro.error.missing", "direction")),
                number(p, "baseline"), p.date("baseline-date").orElseThrow(
                        () -> ValidationException.of("cockpit.macro.error.missing", "baseline-date")),
                number(p, "target"), p.date("target-date").orElseThrow(
                        () -> ValidationException.of("cockpit.macro.error.missing", "target-date")),
                p.text("source", ""), p.required("responsible"),
                p.choice("rhythm", Rhythm.class).orElseThrow(
                        () -> ValidationException.of("cockpit.macro.error.missing", "rhythm")),
                page, false);
    }

    private static java.math.BigDecimal number(MacroParameters p, String name) {
        return Values.parse(p.required(name));
    }
}
