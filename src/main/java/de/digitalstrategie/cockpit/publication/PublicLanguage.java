package de.digitalstrategie.cockpit.publication;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a public answer: German unless the caller asks for English, by {@code ?lang=}
 * (the platform's choice for its page) or else by {@code Accept-Language} (the reader's browser).
 * Decided here and not by the host's locale resolver: anonymous callers have no profile language,
 * and the platform must get the same answer for the same request on any host.
 */
public final class PublicLanguage {
    public static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    private PublicLanguage() {
    }

    /**
     * @param lang           the {@code lang} parameter, if any (anything but de or en is ignored)
     * @param acceptLanguage the {@code Accept-Language} header, if any
     */
    public static Locale of(String lang, String acceptLanguage) {
        return supported(lang).or(() -> preferred(acceptLanguage)).orElse(Locale.GERMAN);
    }

    private static Optional<Locale> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = tag.strip().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-');
        String primary = dash < 0 ? language : language.substring(0, dash);
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(primary)).findFirst();
    }

    /** The supported language the header ranks highest (RFC 9110 §12.5.4; q=0 means "not this"). */
    private static Optional<Locale> preferred(String header) {
        if (header == null || header.length() > 1000) {
            return Optional.empty();
        }
        record Ranged(Locale locale, double q, int position) {
        }
        List<Ranged> ranged = new java.util.ArrayList<>();
        String[] ranges = header.split(",");
        for (int i = 0; i < ranges.length && i < 50; i++) {
            String[] parts = ranges[i].split(";");
            double q = 1;
            for (int j = 1; j < parts.length; j++) {
                String p = parts[j].strip();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            double weight = q;
            int position = i;
            supported(parts[0]).filter(l -> weight > 0).ifPresent(l -> ranged.add(new Ranged(l, weight, position)));
        }
        return ranged.stream().sorted(Comparator.comparingDouble(Ranged::q).reversed()
                .thenComparingInt(Ranged::position)).map(Ranged::locale).findFirst();
    }
}
