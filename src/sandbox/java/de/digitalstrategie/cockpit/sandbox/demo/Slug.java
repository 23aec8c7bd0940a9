package de.digitalstrategie.cockpit.sandbox.demo;

import java.text.Normalizer;
import java.util.Locale;

/** Derives a stable, URL- and column-safe key from a German name ("Bürgerbüro" → "buergerbuero"). */
public final class Slug {
    private static final int MAX = 60;

    private Slug() {
    }

    public static String of(String name) {
        String german = name.toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "unit" : slug;
    }
}
