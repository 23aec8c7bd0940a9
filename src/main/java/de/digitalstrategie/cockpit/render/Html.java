package de.digitalstrategie.cockpit.render;

/**
 * Escapes text for HTML element content and attribute values. Every value a view hands to a
 * template passes through here; templates print only such {@code ...Html} values.
 */
public final class Html {
    private Html() {
    }

    public static String text(String text) {
        if (text == null) {
            return "";
        }
        // Most texts (keys, numbers, names) need nothing escaped: handed back as they are, not copied.
        int first = 0;
        while (first < text.length() && plain(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> {
                    // Control characters other than tab and line breaks have no place in a page.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean plain(char c) {
        return c >= 0x20 ? c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' && c != '`'
                : c == '\t' || c == '\n' || c == '\r';
    }

    /** A tag, compiled once: every record macro of a minutes page checks its body on each view. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

    /** Whether rendered markup holds no text a reader would see (tags and spaces only). */
    public static boolean isBlankMarkup(String markup) {
        return markup == null || TAG.matcher(markup).replaceAll("").replace("&nbsp;", " ").replace("&#160;", " ")
                .replace('\u00a0', ' ').isBlank();
    }

    /** A URL for an href: only http(s) and site-relative URLs pass; anything else becomes "#". */
    public static String url(String url) {
        if (url == null) {
            return "#";
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        boolean safe = lower.startsWith("https://") || lower.startsWith("http://")
                || (trimmed.startsWith("/") && !trimmed.startsWith("//")) || trimmed.startsWith("?");
        return safe ? text(trimmed) : "#";
    }
}
