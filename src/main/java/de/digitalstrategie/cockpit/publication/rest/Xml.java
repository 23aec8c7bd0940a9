package de.digitalstrategie.cockpit.publication.rest;

/** Escapes text for XML 1.0 content and attribute values. */
final class Xml {
    private Xml() {
    }

    /**
     * The text with markup characters escaped and what XML 1.0 cannot hold at all left out
     * (control characters but tab and line breaks, lone surrogates, U+FFFE and U+FFFF): a feed
     * with one such character is not XML, and a reader would drop all of it.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if ((c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD) || c == '\t' || c == '\n'
                            || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
