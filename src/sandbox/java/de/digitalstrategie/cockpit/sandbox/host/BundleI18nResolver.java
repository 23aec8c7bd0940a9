package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The host's {@link I18nResolver}: reads the plugin's own bundles ({@code i18n/cockpit*.properties},
 * UTF-8) and formats arguments with {@link MessageFormat}, as Confluence does. A missing key comes
 * back as the key itself, as in Confluence, so a gap is visible rather than fatal.
 */
public final class BundleI18nResolver implements I18nResolver {
    public static final String BUNDLE = "i18n/cockpit";
    private final String bundle;
    private final Locale defaultLocale;

    public BundleI18nResolver(String bundle, Locale defaultLocale) {
        this.bundle = bundle;
        this.defaultLocale = defaultLocale;
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return getText(defaultLocale, key, arguments);
    }

    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        String pattern = raw(locale, key);
        if (pattern == null) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    @Override
    public String getText(String key) {
        return getText(defaultLocale, key);
    }

    /** The text without formatting, or null if the key is missing in every bundle. */
    public String raw(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(bundle, locale, getClass().getClassLoader(), NO_FALLBACK_TO_JVM_LOCALE)
                    .getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** Falls back to the base bundle (English), never to the JVM's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK_TO_JVM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
