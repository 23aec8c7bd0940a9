package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;

/** A value a project's history keeps in its canonical spelling, as a reader of the report reads it. */
final class ChangeValues {
    private final Texts texts;
    private final Formats formats;

    ChangeValues(Texts texts) {
        this.texts = texts;
        this.formats = new Formats(texts.locale());
    }

    /** The value in the reader's language; null for none (an open end, no value before a first mirroring). */
    String of(ChangeField field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case STATUS -> texts.plain(ProjectStatus.valueOf(value));
            case PHASE -> texts.plain(Phase.valueOf(value));
            case HEALTH -> texts.plain(Health.valueOf(value));
            case BUDGET, FUNDING -> formats.money(Long.parseLong(value));
            case START, END -> formats.date(LocalDate.parse(value));
            case PUBLIC -> value;
        };
    }
}
