package de.digitalstrategie.cockpit.minutes.storage;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over one page: follows the parser's events and collects the requested macros.
 *
 * <p>Keeps only a depth counter and the macros currently open, never a stack of elements, so a
 * page nested a hundred thousand levels deep costs no more than a flat one.
 */
final class MacroScan {
    /**
     * How deep reported macros may nest in one another. Each reported body holds the bodies of the
     * reported macros inside it, so the result grows with this depth times the page; real pages
     * nest two or three deep (a decision in a panel in an expand).
     */
    static final int MAX_REPORTED_NESTING = 16;

    /** Attributes that name what an {@code ri:} element points to, most telling first. */
    private static final List<String> RESOURCE_KEYS = List.of("userkey", "account-id", "username",
            "content-title", "space-key", "filename", "value", "content-id");

    private final XMLStreamReader xml;
    private final Set<String> macroNames;
    private final BodyMarkup markup = new BodyMarkup();
    private final Deque<OpenMacro> open = new ArrayDeque<>();
    private final List<MacroInstance> found = new ArrayList<>();
    private int depth;
    /** How many open macros are inside their rich-text body: while any is, the markup is written. */
    private int readingBodies;

    MacroScan(XMLStreamReader xml, Set<String> macroNames) {
        this.xml = xml;
        this.macroNames = macroNames;
    }

    List<MacroInstance> run() throws XMLStreamException {
        for (int event = next(); event != XMLStreamConstants.END_DOCUMENT; event = next()) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> started();
                case XMLStreamConstants.END_ELEMENT -> ended();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> text(false);
                case XMLStreamConstants.CDATA -> text(true);
                case XMLStreamConstants.COMMENT -> {
                    if (readingBodies > 0) {
                        markup.comment(xml);
                    }
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    if (readingBodies > 0) {
                        markup.processingInstruction(xml);
                    }
                }
                default -> {
                    // The document type is ours; entity references arrive already replaced.
                }
            }
        }
        return List.copyOf(found);
    }

    /** Reports the parser's unchecked failures on hostile input like its checked ones: the page is at fault. */
    private int next() throws XMLStreamException {
        try {
            return xml.next();
        } catch (RuntimeException e) {
            throw new XMLStreamException(String.valueOf(e.getMessage()), xml.getLocation(), e);
        }
    }

    private void started() throws XMLStreamException {
        depth++;
        if (readingBodies > 0) {
            markup.startElement(xml, depth);
        }
        for (OpenMacro macro : open) {
            macro.started();
        }
        if (StorageFormatReader.AC.equals(xml.getNamespaceURI()) && "structured-macro".equals(xml.getLocalName())) {
            String name = xml.getAttributeValue(StorageFormatReader.AC, "name");
            if (name != null && macroNames.contains(name)) {
                if (open.size() == MAX_REPORTED_NESTING) {
                    throw new XMLStreamException("reported macros nested deeper than " + MAX_REPORTED_NESTING,
                            xml.getLocation());
                }
                String macroId = xml.getAttributeValue(StorageFormatReader.AC, "macro-id");
                found.add(null);
                open.push(new OpenMacro(name, macroId == null ? "" : macroId, depth, found.size() - 1));
            }
        }
    }

    private void ended() {
        for (OpenMacro macro : open) {
            macro.ended();
        }
        if (!open.isEmpty() && open.peek().depth == depth) {
            OpenMacro macro = open.pop();
            found.set(macro.position, macro.instance());
        }
        if (readingBodies > 0) {
            markup.endElement(xml, depth);
        }
        depth--;
    }

    private void text(boolean cdata) {
        if (readingBodies > 0) {
            if (cdata) {
                markup.cdata(xml);
            } else {
                markup.characters(xml);
            }
        }
        for (OpenMacro macro : open) {
            macro.text();
        }
    }

    private boolean isConfluence(String localName) {
        return StorageFormatReader.AC.equals(xml.getNamespaceURI()) && localName.equals(xml.getLocalName());
    }

    /** A requested macro whose start tag has been read but not yet its end tag. */
    private final class OpenMacro {
        final String name;
        final String macroId;
        final int depth;
        final int position;
        final Map<String, String> parameters = new LinkedHashMap<>();
        String body;
        String bodyText;

        /** Depth of the parameter being read, 0 if none; likewise for the two kinds of body. */
        int parameterDepth;
        String parameterName;
        final StringBuilder parameterText = new StringBuilder();
        final List<String> parameterResources = new ArrayList<>();
        boolean parameterHasOtherMarkup;

        int richBodyDepth;
        int markupMark;
        int textMark;

        int plainBodyDepth;
        final StringBuilder plainBody = new StringBuilder();

        OpenMacro(String name, String macroId, int depth, int position) {
            this.name = name;
            this.macroId = macroId;
            this.depth = depth;
            this.position = position;
        }

        void started() {
            int level = MacroScan.this.depth;
            if (parameterDepth > 0) {
                if (level == parameterDepth + 1) {
                    String resource = StorageFormatReader.RI.equals(xml.getNamespaceURI()) ? resourceKey() : null;
                    if (resource == null) {
                        parameterHasOtherMarkup = true;
                    } else {
                        parameterResources.add(resource);
                    }
                }
            } else if (richBodyDepth == 0 && plainBodyDepth == 0 && level == depth + 1) {
                if (isConfluence("parameter")) {
                    parameterDepth = level;
                    String key = xml.getAttributeValue(StorageFormatReader.AC, "name");
                    parameterName = key == null ? "" : key;
                } else if (body == null && isConfluence("rich-text-body")) {
                    richBodyDepth = level;
                    markupMark = markup.markupMark();
                    textMark = markup.textMark();
                    readingBodies++;
                } else if (body == null && isConfluence("plain-text-body")) {
                    plainBodyDepth = level;
                }
            }
        }

        void ended() {
            int level = MacroScan.this.depth;
            if (level == parameterDepth) {
                String value = BodyMarkup.trim(parameterText);
                if (value.isEmpty() && !parameterHasOtherMarkup && !parameterResources.isEmpty()) {
                    value = String.join(", ", parameterResources);
                }
                // A repeated name keeps its first value: a later copy must not override what the editor shows.
                parameters.putIfAbsent(parameterName, value);
                parameterDepth = 0;
                parameterText.setLength(0);
                parameterResources.clear();
                parameterHasOtherMarkup = false;
            } else if (level == richBodyDepth) {
                body = markup.markupSince(markupMark);
                bodyText = markup.textSince(textMark);
                richBodyDepth = 0;
                if (--readingBodies == 0) {
                    markup.clear();
                }
            } else if (level == plainBodyDepth) {
                body = plainBody.toString();
                bodyText = BodyMarkup.collapse(plainBody, 0);
                plainBodyDepth = 0;
                plainBody.setLength(0);
            }
        }

        void text() {
            if (parameterDepth > 0) {
                parameterText.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            } else if (plainBodyDepth > 0) {
                plainBody.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }

        private String resourceKey() {
            for (String key : RESOURCE_KEYS) {
                String value = xml.getAttributeValue(StorageFormatReader.RI, key);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }

        MacroInstance instance() {
            return new MacroInstance(name, macroId, parameters, body == null ? "" : body,
                    bodyText == null ? "" : bodyText, position);
        }
    }
}
