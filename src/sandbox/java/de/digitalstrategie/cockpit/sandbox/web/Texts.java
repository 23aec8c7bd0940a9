package de.digitalstrategie.cockpit.sandbox.web;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.MessageResolver;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;

import java.util.Locale;

/** The i18n texts a sandbox template may show: the sandbox's own, and labels from the plugin's. */
public final class Texts {
    private final BundleI18nResolver sandbox;
    private final MessageResolver plugin;
    private final Locale locale;

    Texts(BundleI18nResolver sandbox, BundleI18nResolver plugin, Locale locale) {
        this.sandbox = sandbox;
        this.plugin = new MessageResolver(plugin::getText);
        this.locale = locale;
    }

    public String get(String key) {
        return sandbox.getText(locale, key);
    }

    public String get(String key, Object arg) {
        return sandbox.getText(locale, key, String.valueOf(arg));
    }

    public String label(Message message) {
        return plugin.resolve(message, locale);
    }

    public String getLanguage() {
        return locale.getLanguage();
    }
}
