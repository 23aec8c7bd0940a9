package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's {@link I18nResolver} over the plugin's {@code <resource type="i18n">} bundles
 * ({@code i18n/cockpit*.properties}), read the way Confluence reads them and no more leniently.
 *
 * <p>Confluence opens each file of the bundle as a stream from the plugin and hands it to
 * {@code new PropertyResourceBundle(InputStream)} (PluginI18NResource and AbstractI18NResource,
 * collected per locale by I18NResourceBundlesLoader: language_COUNTRY_variant, language_COUNTRY,
 * language, then the base file). On Java 9+ that constructor reads UTF-8 and falls back to
 * ISO-8859-1, and reads ISO-8859-1 only when the JVM runs with
 * {@code -Djava.util.PropertyResourceBundle.encoding=ISO-8859-1}. The only encoding that reads the
 * same either way is ASCII with \\uXXXX escapes, which is what the build ships
 * (native2ascii, pom.xml). So this resolver reads with {@link Properties#load(InputStream)}, the
 * ISO-8859-1 worst case, and refuses a file that is not ASCII: a German text that would turn into
 * mojibake under some Confluence setting fails here instead.
 *
 * <p>Arguments are formatted with {@link MessageFormat}, as Confluence does. A missing key comes
 * back as the key itself, as in Confluence, so a gap is visible rather than fatal.
 */
public final class BundleI18nResolver implements I18nResolver {
    public static final String BUNDLE = "i18n/cockpit";
    private final String bundle;
    private final Locale defaultLocale;
    private final ClassLoader loader;
    private final Map<String, Properties> files = new ConcurrentHashMap<>();
    /** How many texts were asked for, so a test can see what a page costs in lookups. */
    private final java.util.concurrent.atomic.LongAdder lookups = new java.util.concurrent.atomic.LongAdder();

    public BundleI18nResolver(String bundle, Locale defaultLocale) {
        this(bundle, defaultLocale, BundleI18nResolver.class.getClassLoader());
    }

    public BundleI18nResolver(String bundle, Locale defaultLocale, ClassLoader loader) {
        this.bundle = bundle;
        this.defaultLocale = defaultLocale;
        this.loader = loader;
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return getText(defaultLocale, key, arguments);
    }

    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        lookups.increment();
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

    /** The texts asked for through {@link #getText} since this resolver was made. */
    public long lookups() {
        return lookups.sum();
    }

    /**
     * The text without formatting, or null if the key is missing in every file of the locale's
     * chain. Never the JVM's default locale: after the locale's own files comes the base (English).
     */
    public String raw(Locale locale, String key) {
        for (String suffix : suffixes(locale)) {
            String value = file(suffix).getProperty(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Confluence's order (I18NResourceBundlesLoader): most specific first, the base file last. */
    private static List<String> suffixes(Locale locale) {
        List<String> suffixes = new ArrayList<>();
        String language = locale.getLanguage();
        String country = locale.getCountry();
        if (!language.isEmpty()) {
            if (!country.isEmpty()) {
                if (!locale.getVariant().isEmpty()) {
                    suffixes.add("_" + language + "_" + country + "_" + locale.getVariant());
                }
                suffixes.add("_" + language + "_" + country);
            }
            suffixes.add("_" + language);
        }
        suffixes.add("");
        return suffixes;
    }

    /** One file of the bundle (empty if the plugin has none for that suffix), read once. */
    private Properties file(String suffix) {
        return files.computeIfAbsent(suffix, s -> {
            String name = bundle + s + ".properties";
            Properties properties = new Properties();
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    return properties;
                }
                byte[] bytes = in.readAllBytes();
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] < 0) {
                        throw new IllegalStateException(name + " is not ASCII (byte " + i + "): Confluence may read it as "
                                + "ISO-8859-1; the build must escape it (\\uXXXX)");
                    }
                }
                properties.load(new java.io.ByteArrayInputStream(bytes));
                return properties;
            } catch (IOException e) {
                throw new UncheckedIOException(name, e);
            }
        });
    }
}
