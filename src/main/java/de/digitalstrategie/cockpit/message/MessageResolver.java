package de.digitalstrategie.cockpit.message;

import java.io.Serializable;
import java.util.Locale;

/**
 * Turns a {@link Message} into text in one language. Nested messages among the arguments are
 * resolved first, so a state name appears in the same language as the sentence around it.
 */
public final class MessageResolver {

    /** The lookup behind the resolver; in the host, SAL's I18nResolver. */
    @FunctionalInterface
    public interface Lookup {
        String text(Locale locale, String key, Serializable... args);
    }

    private final Lookup lookup;

    public MessageResolver(Lookup lookup) {
        this.lookup = lookup;
    }

    public String resolve(Message message, Locale locale) {
        Serializable[] args = message.args().stream()
                .map(arg -> resolveArgument(arg, locale))
                .toArray(Serializable[]::new);
        return lookup.text(locale, message.key(), args);
    }

    private Serializable resolveArgument(Serializable arg, Locale locale) {
        if (arg instanceof Message nested) {
            return resolve(nested, locale);
        }
        if (arg instanceof MessageList list) {
            return String.join(", ", list.items().stream().map(m -> resolve(m, locale)).toList());
        }
        return arg;
    }
}
