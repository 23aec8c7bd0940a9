package de.digitalstrategie.cockpit.organisation;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.regex.Pattern;

/**
 * An organisational unit of the city or a partner: a line department, a cross-cutting unit, a
 * municipal company, the staff unit or an external partner. Configurable data, keyed by a slug.
 */
public record Department(String key, String name, DepartmentKind kind, String sourceUrl) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public Department {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ValidationException.of("cockpit.organisation.error.bad-key", String.valueOf(key));
        }
        name = Text.required(name, "cockpit.department.name", Text.LINE);
        Text.present(kind, "cockpit.department.kind");
        sourceUrl = Text.optional(sourceUrl, "cockpit.department.source", Text.LINE);
    }
}
