package de.digitalstrategie.cockpit.organisation;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.Locale;

/**
 * A field of action (Handlungsfeld) of the digital strategy, with its German and English name.
 * {@code key} is the strategy's own numbering ("3.1"), {@code position} the display order.
 */
public record FieldOfAction(String key, String nameDe, String nameEn, int position, String sourceUrl) {

    public FieldOfAction {
        if (key == null || !key.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,19}")) {
            throw ValidationException.of("cockpit.organisation.error.bad-key", String.valueOf(key));
        }
        nameDe = Text.required(nameDe, "cockpit.field.name", Text.LINE);
        nameEn = Text.optional(nameEn, "cockpit.field.name", Text.LINE);
        sourceUrl = Text.optional(sourceUrl, "cockpit.department.source", Text.LINE);
    }

    /** The name in the viewer's language; German wherever no English name is configured. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && !nameEn.isEmpty() ? nameEn : nameDe;
    }
}
