package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;

/**
 * A history value as a reader reads it, in the reader's language: the labels of status, phase
 * and health, money in euros, days as dates, an open end as "open". The public feed and the
 * profile's timeline say the same thing the same way.
 */
public record ChangeTexts(Texts texts, Formats formats) {

    /** The value of a field in its canonical spelling ({@link ChangeField}) as text; "" for no value but a day's. */
    public String value(ChangeField field, String value) {
        if (value == null && field != ChangeField.START && field != ChangeField.END && field != ChangeField.REMOVED) {
            return "";
        }
        return switch (field) {
            case STATUS -> texts.plain(ProjectStatus.valueOf(value));
            case PHASE -> texts.plain(Phase.valueOf(value));
            case HEALTH -> texts.plain(Health.valueOf(value));
            case BUDGET, FUNDING -> formats.money(Long.parseLong(value));
            case START, END -> value == null ? texts.plain("cockpit.public.open") : formats.date(LocalDate.parse(value));
            case PUBLIC -> texts.plain(Boolean.parseBoolean(value) ? "cockpit.history.public.yes"
                    : "cockpit.history.public.no");
            // No value: the row says that the project left the portfolio.
            case REMOVED -> texts.plain("cockpit.history.removed");
        };
    }

    /** "Status: Geplant → Läuft", or "Status: Geplant" for a first value; a removal in words of its own. */
    public String describe(ProjectChange c) {
        if (c.field() == ChangeField.REMOVED) {
            return value(c.field(), null);
        }
        String label = texts.plain(c.field());
        return c.before() == null
                ? texts.plain("cockpit.public.feed.set", label, value(c.field(), c.after()))
                : texts.plain("cockpit.public.feed.changed", label, value(c.field(), c.before()),
                value(c.field(), c.after()));
    }
}
