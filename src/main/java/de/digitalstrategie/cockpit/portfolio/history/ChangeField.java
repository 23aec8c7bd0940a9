package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * What of a project its history keeps: what the city reports about a project's progress (status,
 * phase, health), its money and its time frame, and whether the city publishes its profile. Each
 * value is kept as text in one canonical spelling (enum names, cents, ISO days, true/false), so
 * the history reads the same in any language and needs no column per field.
 */
public enum ChangeField implements Labelled {
    STATUS(p -> p.status().name()),
    PHASE(p -> p.phase().name()),
    HEALTH(p -> p.health().name()),
    BUDGET(p -> Long.toString(p.budgetCents())),
    FUNDING(p -> Long.toString(p.fundingCents())),
    START(p -> day(p.timeFrame().start())),
    END(p -> day(p.timeFrame().end())),
    /** Not a value of the mirrored project: the cockpit's own setting, changed by an edit only. */
    PUBLIC(p -> null),
    /**
     * Not a value either: the project left the portfolio (its issue was deleted in Jira or no longer
     * belongs to the portfolio). The row keeps the project's last state, so that the days it existed
     * still show it; a project that comes back starts anew with a first mirroring.
     */
    REMOVED(p -> null);

    private final Function<DigitalProject, String> value;

    ChangeField(Function<DigitalProject, String> value) {
        this.value = value;
    }

    /** The field's value in the project, in its canonical spelling; null for none. */
    public String of(DigitalProject project) {
        return project == null ? null : value.apply(project);
    }

    /** Whether the field is a value of the mirrored project, written whenever it changes (not an event). */
    public boolean mirrored() {
        return this != PUBLIC && this != REMOVED;
    }

    /** Whether the two states of a project differ in this field (a new project differs in every set one). */
    public boolean changed(DigitalProject before, DigitalProject after) {
        return !Objects.equals(of(before), of(after));
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    @Override
    public String labelPrefix() {
        return "cockpit.history.field";
    }
}
