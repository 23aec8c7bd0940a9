package de.digitalstrategie.cockpit.message;

import java.util.Locale;

/** An enum value shown to users under a label from i18n: {@code <labelPrefix>.<name-in-kebab-case>}. */
public interface Labelled {
    String name();

    String labelPrefix();

    default Message label() {
        return Message.of(labelPrefix() + "." + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
