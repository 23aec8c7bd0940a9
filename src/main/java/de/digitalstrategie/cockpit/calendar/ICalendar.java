package de.digitalstrategie.cockpit.calendar;

import java.nio.charset.StandardCharsets;

/**
 * An iCalendar object written to the letter of RFC 5545 §3.1: content lines ended by CRLF, folded
 * so that no line is longer than 75 octets (a continuation starts with one space, and a UTF-8
 * character is never split across two lines), TEXT values escaped (§3.3.11). Every value reaches
 * it through a method that knows the value's type, so no caller writes a line of its own.
 */
public final class ICalendar {
    static final String CRLF = "\r\n";
    /** The longest line, in octets, without its CRLF (§3.1). */
    static final int LINE_OCTETS = 75;
    private final StringBuilder out = new StringBuilder();

    public ICalendar begin(String component) {
        return raw("BEGIN", component);
    }

    public ICalendar end(String component) {
        return raw("END", component);
    }

    /** A property of type TEXT (SUMMARY, LOCATION, DESCRIPTION, X-WR-CALNAME): escaped. */
    public ICalendar text(String name, String value) {
        return raw(name, escape(value));
    }

    /**
     * A property whose value the caller built from a restricted alphabet (a date, a UID of digits
     * and a host name, a URI, a constant): written as it is, only stripped of control characters,
     * which no iCalendar value may hold.
     */
    public ICalendar raw(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + withoutControls(value));
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * TEXT as §3.3.11 has it: backslash, semicolon and comma escaped by a backslash, a line break as
     * {@code \n}; every other control character (which TSAFE-CHAR excludes) dropped; tabs kept.
     */
    static String escape(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8);
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                default -> {
                    if (!isControl(c)) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /**
     * A parameter value (§3.2): in double quotes when it holds a colon, semicolon or comma; a double
     * quote, which no parameter value may hold, and line breaks written as RFC 6868 has them
     * ({@code ^'}, {@code ^n}, and {@code ^^} for the caret); other controls dropped.
     */
    public static String parameter(String value) {
        String v = withoutControls(value.replace("^", "^^").replace("\"", "^'").replace("\r\n", "^n")
                .replace("\n", "^n").replace("\r", "^n"));
        return v.matches(".*[:;,].*") ? "\"" + v + "\"" : v;
    }

    private static String withoutControls(String value) {
        StringBuilder s = new StringBuilder(value.length());
        value.codePoints().filter(c -> !isControl(c)).forEach(s::appendCodePoint);
        return s.toString();
    }

    /**
     * CTL of RFC 5234 (and DEL) but the tab, which is white space to every value type (WSP); C1
     * controls too, which no calendar text needs.
     */
    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    /** Writes one content line, folded at 75 octets between whole characters. */
    private void fold(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }
}
