package de.digitalstrategie.cockpit.committee;

import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;

/** A steering committee or advisory board; its name is configurable per municipality. */
public record Body(String key, BodyKind kind, String name, boolean isPublic) {
    public Body {
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw ValidationException.of("cockpit.organisation.error.bad-key", String.valueOf(key));
        }
        Text.present(kind, "cockpit.body.kind");
        name = Text.required(name, "cockpit.body.name", Text.LINE);
    }
}
