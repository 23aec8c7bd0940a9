package de.digitalstrategie.cockpit.minutes.storage;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds macros in a page's storage format (Confluence's XHTML) without building the page in
 * memory: the parser streams, and only the reported macros are kept.
 *
 * <p>Storage format is not a document but a fragment: several top-level elements, the prefixes
 * {@code ac:}, {@code ri:} and {@code at:} used without being declared, and HTML's named entities
 * such as {@code &nbsp;}. The reader therefore puts the page inside a root element that declares
 * the prefixes, behind a document type that declares the entities, and reads the whole as XML.
 *
 * <p>Thread-safe: each {@code read} has its own parser.
 */
public final class StorageFormatReader {
    static final String AC = "http://atlassian.com/content";
    static final String RI = "http://atlassian.com/resource/identifier";
    private static final String AT = "http://atlassian.com/template";

    /** The opening text, on one line so that the page's line numbers are the parser's. */
    private static final String OPENING = documentType()
            + "<cockpit-root xmlns:ac=\"" + AC + "\" xmlns:ri=\"" + RI + "\" xmlns:at=\"" + AT + "\">";
    private static final String CLOSING = "</cockpit-root>";

    /** JDK parser properties without a constant in the public API. */
    private static final String IGNORE_EXTERNAL_DTD = "http://java.sun.com/xml/stream/properties/ignore-external-dtd";
    private static final String REPORT_CDATA = "http://java.sun.com/xml/stream/properties/report-cdata-event";
    private static final String ENTITY_EXPANSION_LIMIT = "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit";

    private final Set<String> macroNames;

    /** @param macroNames the {@code ac:name} values of the macros to report; all others are passed over */
    public StorageFormatReader(Set<String> macroNames) {
        this.macroNames = Set.copyOf(macroNames);
    }

    /**
     * @return the requested macros in page order, including those nested in other macros' bodies
     * @throws MalformedStorageFormatException where the page is not well-formed storage format
     */
    public List<MacroInstance> read(String storageFormat) {
        return read(new StringReader(Objects.requireNonNull(storageFormat, "storageFormat")));
    }

    /**
     * Reads the page from {@code storageFormat}, which stays open.
     *
     * @return the requested macros in page order, including those nested in other macros' bodies
     * @throws MalformedStorageFormatException where the page is not well-formed storage format
     * @throws UncheckedIOException            where {@code storageFormat} cannot be read
     */
    public List<MacroInstance> read(Reader storageFormat) {
        WrappedPage page = wrap(Objects.requireNonNull(storageFormat, "storageFormat"));
        XMLStreamReader xml = null;
        try {
            xml = parser(page);
            return new MacroScan(xml, macroNames).run();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            Location where = e.getLocation();
            if (where == null && xml != null) {
                where = xml.getLocation();
            }
            throw malformed(where, page, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // Closing frees the parser's buffers only; the page's reader is the caller's to close.
                }
            }
        }
    }

    /** The page as the parser reads it: inside the opening (entities, prefixes) and the closing. */
    static WrappedPage wrap(Reader storageFormat) {
        return new WrappedPage(OPENING, storageFormat, CLOSING);
    }

    /**
     * The parser every read uses, over a wrapped page. Package-private so that the benchmark's
     * baseline (a bare pass over the same page) parses exactly as a read does.
     */
    static XMLStreamReader parser(WrappedPage page) throws XMLStreamException {
        return factory().createXMLStreamReader(page);
    }

    /**
     * A fresh factory per read: the JDK's factory hands out a cached parser and is not documented as
     * thread-safe, and creating one costs little next to reading a page.
     */
    private static XMLInputFactory factory() {
        // The JDK's own parser, not whatever the class path offers: the hardening below relies on its properties.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        // Needed for the entity declarations of the opening; a page cannot add its own, since a
        // document type is allowed only before the root element, which the opening has already begun.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(IGNORE_EXTERNAL_DTD, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        // Every &nbsp; counts as an expansion, and the JDK stops at 64,000, which a long page with
        // German text in tables reaches. The limit guards against entities that expand into entities;
        // ours each expand into one character, so the count is bounded by the page's length anyway.
        factory.setProperty(ENTITY_EXPANSION_LIMIT, "0");
        // Bodies are given back as written: a nested code macro keeps its CDATA section.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(REPORT_CDATA, true);
        return factory;
    }

    /** Turns the parser's position in the wrapped document into one in the page. */
    private static MalformedStorageFormatException malformed(Location where, WrappedPage page, Throwable cause) {
        int line = where == null ? -1 : where.getLineNumber();
        int column = where == null ? -1 : where.getColumnNumber();
        if (line == 1) {
            column -= OPENING.length();
        }
        boolean pastPage = line > page.endLine() || line == page.endLine() && column > page.endColumn();
        if (page.pageDone() && pastPage) {
            line = page.endLine();
            column = page.endColumn();
        }
        return new MalformedStorageFormatException(Math.max(1, line), Math.max(1, column), cause);
    }

    /**
     * Declares HTML 4's named entities. XML's own five (amp, lt, gt, quot, apos) stay out: redeclaring
     * them is allowed only in a doubly escaped form and gains nothing.
     */
    private static String documentType() {
        Properties table = new Properties();
        try (InputStream in = StorageFormatReader.class.getResourceAsStream("html-entities.properties")) {
            if (in == null) {
                throw new IllegalStateException("html-entities.properties missing beside " + StorageFormatReader.class);
            }
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> predefined = Set.of("amp", "lt", "gt", "quot", "apos");
        StringBuilder doctype = new StringBuilder("<!DOCTYPE cockpit-root [");
        for (String name : new TreeSet<>(table.stringPropertyNames())) {
            if (!predefined.contains(name)) {
                int codePoint = Integer.parseInt(table.getProperty(name).strip());
                doctype.append("<!ENTITY ").append(name).append(" \"&#").append(codePoint).append(";\">");
            }
        }
        return doctype.append("]>").toString();
    }
}
