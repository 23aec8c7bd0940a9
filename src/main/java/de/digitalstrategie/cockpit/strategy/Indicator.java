package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An indicator of a goal with its indicator card (Indikatorenkarte): what is measured and why,
 * in which unit and which way is better, where it started and where it should be by when, who
 * collects it from where and how often. Declared by its macro on the goal's page, and seen by
 * whoever may see that page.
 *
 * @param key             the indicator's key, e.g. {@code MOB-1.1}: how measured values name it
 * @param goalNumber      the number of the goal it measures
 * @param measures        what is measured
 * @param rationale       why it matters for the goal
 * @param unit            the unit values are in (e.g. "%", "Anzahl", "t CO2"); "" for a plain number
 * @param baseline        the value at the start, with {@code baselineDate}
 * @param target          the value to reach by {@code targetDate}
 * @param source          where the values come from
 * @param responsibleUnit the organisational unit that collects the values (its key or name)
 * @param page            the page it is declared on
 */
public record Indicator(long id, String macroId, String key, String goalNumber, String name, String measures,
                        String rationale, String unit, Direction direction, BigDecimal baseline, LocalDate baselineDate,
                        BigDecimal target, LocalDate targetDate, String source, String responsibleUnit, Rhythm rhythm,
                        PageRef page, boolean withdrawn) {
    /** Capitals and digits, parts separated by hyphens or dots: {@code MOB-1.1}. */
    public static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]{0,19}(?:[-.][A-Z0-9]{1,19}){0,5}");
    public static final int KEY_LENGTH = 40;
    public static final int UNIT_LENGTH = 40;

    public Indicator {
        macroId = Text.optional(macroId, "cockpit.indicator.macro-id", 64);
        key = checkKey(key);
        goalNumber = Goal.checkNumber(goalNumber);
        name = Text.required(name, "cockpit.indicator.name", Text.LINE);
        measures = Text.optional(measures, "cockpit.indicator.measures", Text.LONG);
        rationale = Text.optional(rationale, "cockpit.indicator.rationale", Text.LONG);
        unit = Text.optional(unit, "cockpit.indicator.unit", UNIT_LENGTH);
        Text.present(direction, "cockpit.indicator.direction");
        baseline = Values.check(Text.present(baseline, "cockpit.indicator.baseline"), "cockpit.indicator.baseline");
        Text.present(baselineDate, "cockpit.indicator.baseline-date");
        target = Values.check(Text.present(target, "cockpit.indicator.target"), "cockpit.indicator.target");
        Text.present(targetDate, "cockpit.indicator.target-date");
        if (!targetDate.isAfter(baselineDate)) {
            throw ValidationException.of("cockpit.indicator.error.target-before-baseline", targetDate, baselineDate);
        }
        source = Text.optional(source, "cockpit.indicator.source", Text.LINE);
        responsibleUnit = Text.required(responsibleUnit, "cockpit.indicator.responsible", Text.LINE);
        Text.present(rhythm, "cockpit.indicator.rhythm");
        page = page == null ? PageRef.NONE : page;
    }

    /**
     * The fields of the card that decide who enters its values (the responsible unit) and how they
     * are assessed (goal, unit, direction, baseline, target, their dates, rhythm): its definition,
     * which only the staff unit changes. Its texts (name, what and why, source) are free.
     *
     * @return the i18n labels of the definition's fields in which {@code other} differs from this
     *         card, in the card's order; empty when both define the same indicator
     */
    public List<String> definitionChanges(Indicator other) {
        List<String> changed = new ArrayList<>();
        differs(changed, "cockpit.indicator.goal", goalNumber.equals(other.goalNumber));
        differs(changed, "cockpit.indicator.unit", unit.equals(other.unit));
        differs(changed, "cockpit.indicator.direction", direction == other.direction);
        differs(changed, "cockpit.indicator.baseline", baseline.compareTo(other.baseline) == 0);
        differs(changed, "cockpit.indicator.baseline-date", baselineDate.equals(other.baselineDate));
        differs(changed, "cockpit.indicator.target", target.compareTo(other.target) == 0);
        differs(changed, "cockpit.indicator.target-date", targetDate.equals(other.targetDate));
        differs(changed, "cockpit.indicator.responsible", responsibleUnit.equals(other.responsibleUnit));
        differs(changed, "cockpit.indicator.rhythm", rhythm == other.rhythm);
        return changed;
    }

    private static void differs(List<String> changed, String label, boolean same) {
        if (!same) {
            changed.add(label);
        }
    }

    /** This card's texts and place with the definition of {@code recorded} (see {@link #definitionChanges}). */
    public Indicator withDefinitionOf(Indicator recorded) {
        Objects.requireNonNull(recorded);
        return new Indicator(id, macroId, key, recorded.goalNumber, name, measures, rationale, recorded.unit,
                recorded.direction, recorded.baseline, recorded.baselineDate, recorded.target, recorded.targetDate,
                source, recorded.responsibleUnit, recorded.rhythm, page, withdrawn);
    }

    /** @return the key, if it is one; refuses anything else in the user's words */
    public static String checkKey(String key) {
        String k = Text.required(key, "cockpit.indicator.key", KEY_LENGTH);
        if (!KEY.matcher(k).matches()) {
            throw ValidationException.of("cockpit.indicator.error.key", k);
        }
        return k;
    }
}
