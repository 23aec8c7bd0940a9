package de.digitalstrategie.cockpit.jira.client;

import java.util.regex.Pattern;

/**
 * Plain text made safe for Jira's wiki renderer, so that it shows exactly what was typed: an
 * issue's description (and a comment) is wiki markup in Jira Data Center, where {@code *Haushalt*}
 * is bold, {@code h1. } a heading, {@code [x|http://…]} a link, {@code !bild!} an image,
 * {@code |} a table, {@code -} at a line's start a list and {@code \\} a line break. The summary is
 * plain text in Jira and needs none of this.
 *
 * <p>Backslash escapes rather than a {@code {noformat}} block: the text stays prose (wrapped, in
 * the page's font, its URLs still links), and a {@code {noformat}} block cannot hold the text
 * {@code {noformat}} itself. The escapable characters and what an escape renders to are those of
 * Atlassian's renderer ({@code com.atlassian.renderer.v2.components.BackslashEscapeRendererComponent}:
 * {@code \} before one of {@code - # * _ + ? ^ ~ | % { } [ ] ( ) ! @} shows that character). Where
 * a backslash cannot help, a numeric character reference does, which the renderer passes through:
 * for the backslash itself (not escapable; two make a line break), for the first letter of a line
 * that starts like {@code h1.} or {@code bq.}, for a colon that would start the emoticons
 * {@code :D} and {@code :P}, and for an ampersand that would start a character reference.
 *
 * <p>Inline markup only starts and ends beside a character that is not a letter or digit, so
 * {@code - _ * + ^ ~ ? # % @} between two letters or digits ("Lenkungskreis-Beschluss",
 * "2026-11-20") are left as they are, which keeps the stored text readable in Jira's editor.
 */
public final class WikiText {
    private static final String ESCAPABLE = "-#*_+?^~|%{}[]()!@";
    /** Characters that mean something wherever they stand, even inside a word. */
    private static final String ALWAYS = "|{}[]()!";
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*(h[1-6]|bq)\\..*", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");

    private WikiText() {
    }

    /** The wiki markup that renders as {@code text}, line breaks included. */
    public static String literal(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalized.length() + 16);
        int marker = blockMarker(normalized, 0);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\n') {
                out.append(c);
                marker = blockMarker(normalized, i + 1);
                continue;
            }
            if (i == marker) {
                out.append("&#").append((int) c).append(';');
            } else if (c == '\\') {
                out.append("&#92;");
            } else if (c == '&' && REFERENCE.matcher(normalized).region(i, normalized.length()).lookingAt()) {
                out.append("&amp;");
            } else if (c == ':' && i + 1 < normalized.length() && "DdPp".indexOf(normalized.charAt(i + 1)) >= 0) {
                out.append("&#58;");
            } else if (ESCAPABLE.indexOf(c) >= 0 && !insideWord(normalized, i, c)) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where the "h" of "h1." or the "b" of "bq." stands if the line starting at {@code lineStart} begins so; else -1. */
    private static int blockMarker(String text, int lineStart) {
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        if (!BLOCK_START.matcher(line).matches()) {
            return -1;
        }
        int i = lineStart;
        while (Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean insideWord(String text, int i, char c) {
        return ALWAYS.indexOf(c) < 0 && i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }
}
