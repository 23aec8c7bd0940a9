package de.digitalstrategie.cockpit.render;

import com.atlassian.sal.api.message.I18nResolver;
import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.MessageResolver;

import java.io.Serializable;
import java.util.Locale;

/**
 * The viewer's texts: i18n keys, messages and labels resolved in the viewer's language and
 * escaped for HTML. What views and templates use; never a raw string into a page.
 */
public final class Texts {
    private final I18nResolver i18n;
    private final MessageResolver messages;
    private final Locale locale;
    /**
     * Texts without arguments, once looked up: a view asks for the same labels (a phase, a status,
     * a column) once per row, and each lookup formats its pattern anew. A Texts serves one request
     * (every macro of one rendering of a page).
     */
    private final java.util.Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

    public Texts(I18nResolver i18n, Locale locale) {
        this.i18n = i18n;
        this.locale = locale;
        this.messages = new MessageResolver(i18n::getText);
    }

    public Locale locale() {
        return locale;
    }

    /** Plain text (not escaped), for building other values. */
    public String plain(String key, Serializable... args) {
        return args.length == 0 ? labels.computeIfAbsent(key, k -> i18n.getText(locale, k, args))
                : i18n.getText(locale, key, args);
    }

    public String plain(Message message) {
        return message.args().isEmpty() ? plain(message.key()) : messages.resolve(message, locale);
    }

    public String plain(Labelled value) {
        return plain(value.label());
    }

    /**
     * For templates: the text of a key, escaped (hence the name: hosts leave ...Html values alone).
     * Templates call only such one-argument methods: Confluence 9 blocks every template call that
     * atlassian-plugin.xml does not allowlist, and how an entry separates two parameter types is not
     * documented.
     */
    public String textHtml(String key) {
        return Html.text(i18n.getText(locale, key));
    }

    /** For templates: the viewer's language, for a {@code lang} attribute, escaped. */
    public String languageHtml() {
        return Html.text(locale.getLanguage());
    }

    public String html(Message message) {
        return Html.text(plain(message));
    }

    public String html(Labelled value) {
        return Html.text(plain(value));
    }
}
