package de.digitalstrategie.cockpit.minutes.storage;

import javax.xml.stream.XMLStreamReader;
import java.util.Set;

/**
 * The rich-text bodies being read, written back as storage format and as plain text. Bodies of
 * macros nested in one another share one buffer, each remembering where it started: the page is
 * written out once however deep the reported macros nest, not once per enclosing macro.
 *
 * <p>Works event by event and keeps no stack: an end tag names its element itself, and an empty
 * element is noticed because its end follows its start directly.
 */
final class BodyMarkup {
    /** HTML elements that separate words in the plain text, where their tags alone stand between two words. */
    private static final Set<String> HTML_BLOCKS = Set.of("address", "article", "aside", "blockquote", "br",
            "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
            "thead", "tr", "ul");
    /** Confluence elements that sit inside a line of text; every other {@code ac:} element is a block. */
    private static final Set<String> CONFLUENCE_INLINE = Set.of("link", "link-body", "plain-text-link-body",
            "inline-comment-marker", "emoticon", "image", "placeholder");

    private static final int RETAINED_CAPACITY = 1 << 16;

    private final StringBuilder markup = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    /** A start tag is written up to its attributes: {@code >} or, for an empty element, {@code />} is due. */
    private boolean startTagOpen;
    /** Depth of the {@code ac:parameter} being passed, 0 if none: a nested macro's settings are not body text. */
    private int parameterDepth;

    /** @return where the markup written next starts */
    int markupMark() {
        closeStartTag();
        return markup.length();
    }

    int textMark() {
        return text.length();
    }

    String markupSince(int mark) {
        closeStartTag();
        return markup.substring(mark);
    }

    String textSince(int mark) {
        return collapse(text, mark);
    }

    /** Drops what the closed bodies needed, once no body is being read. */
    void clear() {
        markup.setLength(0);
        text.setLength(0);
        // One huge body should not pin its buffer for the rest of the page; small ones are reused.
        if (markup.capacity() > RETAINED_CAPACITY) {
            markup.trimToSize();
            text.trimToSize();
        }
        startTagOpen = false;
        parameterDepth = 0;
    }

    void startElement(XMLStreamReader xml, int depth) {
        closeStartTag();
        markup.append('<');
        name(xml.getPrefix(), xml.getLocalName());
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i);
            markup.append(prefix == null || prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
            attributeValue(xml.getNamespaceURI(i));
            markup.append('"');
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            markup.append(' ');
            name(xml.getAttributePrefix(i), xml.getAttributeLocalName(i));
            markup.append("=\"");
            attributeValue(xml.getAttributeValue(i));
            markup.append('"');
        }
        startTagOpen = true;
        if (parameterDepth == 0 && StorageFormatReader.AC.equals(xml.getNamespaceURI())
                && "parameter".equals(xml.getLocalName())) {
            parameterDepth = depth;
        }
        breakWords(xml);
    }

    void endElement(XMLStreamReader xml, int depth) {
        if (startTagOpen) {
            markup.append("/>");
            startTagOpen = false;
        } else {
            markup.append("</");
            name(xml.getPrefix(), xml.getLocalName());
            markup.append('>');
        }
        if (depth == parameterDepth) {
            parameterDepth = 0;
        }
        breakWords(xml);
    }

    void characters(XMLStreamReader xml) {
        closeStartTag();
        char[] chars = xml.getTextCharacters();
        int start = xml.getTextStart();
        int end = start + xml.getTextLength();
        for (int i = start; i < end; i++) {
            char c = chars[i];
            switch (c) {
                case '&' -> markup.append("&amp;");
                case '<' -> markup.append("&lt;");
                case '>' -> markup.append("&gt;");
                // A raw CR would become a LF when the markup is parsed again.
                case '\r' -> markup.append("&#13;");
                default -> markup.append(c);
            }
        }
        plainText(chars, start, end);
    }

    /**
     * Writes one CDATA section per event. Merging the parser's events into one section would be
     * wrong where the page itself split a section to hold "]]>" ({@code a]]]]><![CDATA[>b}).
     */
    void cdata(XMLStreamReader xml) {
        closeStartTag();
        char[] chars = xml.getTextCharacters();
        int start = xml.getTextStart();
        int end = start + xml.getTextLength();
        markup.append("<![CDATA[").append(chars, start, end - start).append("]]>");
        plainText(chars, start, end);
    }

    void comment(XMLStreamReader xml) {
        closeStartTag();
        markup.append("<!--").append(xml.getText()).append("-->");
    }

    void processingInstruction(XMLStreamReader xml) {
        closeStartTag();
        markup.append("<?").append(xml.getPITarget());
        String data = xml.getPIData();
        if (data != null && !data.isEmpty()) {
            markup.append(' ').append(data);
        }
        markup.append("?>");
    }

    private void closeStartTag() {
        if (startTagOpen) {
            markup.append('>');
            startTagOpen = false;
        }
    }

    private void name(String prefix, String localName) {
        if (prefix != null && !prefix.isEmpty()) {
            markup.append(prefix).append(':');
        }
        markup.append(localName);
    }

    private void attributeValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> markup.append("&amp;");
                case '<' -> markup.append("&lt;");
                case '>' -> markup.append("&gt;");
                case '"' -> markup.append("&quot;");
                // Written as is, these would turn into spaces when the attribute is parsed again.
                case '\t' -> markup.append("&#9;");
                case '\n' -> markup.append("&#10;");
                case '\r' -> markup.append("&#13;");
                default -> markup.append(c);
            }
        }
    }

    private void plainText(char[] chars, int start, int end) {
        if (parameterDepth == 0) {
            text.append(chars, start, end - start);
        }
    }

    private void breakWords(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        String localName = xml.getLocalName();
        boolean block = namespace == null || namespace.isEmpty()
                ? HTML_BLOCKS.contains(localName)
                : StorageFormatReader.AC.equals(namespace) && !CONFLUENCE_INLINE.contains(localName);
        if (block && parameterDepth == 0) {
            text.append(' ');
        }
    }

    /** @return the text from {@code start} with every run of white space made one space, trimmed */
    static String collapse(CharSequence raw, int start) {
        StringBuilder out = new StringBuilder(raw.length() - start);
        boolean space = false;
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the text without white space at either end, counting no-break spaces as white space */
    static String trim(CharSequence raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.subSequence(start, end).toString();
    }

    /** Counts &amp;nbsp; and its kin as space: Confluence's editor writes them between ordinary words. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
