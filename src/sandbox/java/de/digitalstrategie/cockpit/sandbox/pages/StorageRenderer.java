package de.digitalstrategie.cockpit.sandbox.pages;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import de.digitalstrategie.cockpit.sandbox.host.Html;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Turns a page's storage format into HTML the way Confluence's renderer does in outline: XHTML
 * passes through an allow-list (Confluence stores no scripts), macros of the plugin are executed
 * with their parameters and rendered body, other macros become a placeholder. The sandbox's own
 * code: plugin code never depends on it.
 */
public final class StorageRenderer {
    private static final Set<String> ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "strong", "em", "b", "i", "u", "s", "br",
            "hr", "a", "span", "div", "code", "pre", "blockquote", "time", "sub", "sup", "colgroup", "col");
    private static final Set<String> ATTRIBUTES = Set.of("href", "colspan", "rowspan", "scope", "datetime", "title");
    private static final Set<String> VOID = Set.of("br", "hr", "col");
    private static final String DOCTYPE = doctype();

    private final Map<String, Macro> macros;

    public StorageRenderer(Map<String, Macro> macros) {
        this.macros = Map.copyOf(macros);
    }

    public String render(String storageFormat, ConversionContext context) {
        Document doc = parse(storageFormat);
        StringBuilder out = new StringBuilder(storageFormat.length() + 1024);
        children(doc.getDocumentElement(), context, out);
        return out.toString();
    }

    private void children(Node node, ConversionContext context, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            node(child, context, out);
        }
    }

    private void node(Node node, ConversionContext context, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(Html.escape(node.getNodeValue()));
            case Node.ELEMENT_NODE -> element((Element) node, context, out);
            default -> {
                // comments and processing instructions are not shown
            }
        }
    }

    private void element(Element e, ConversionContext context, StringBuilder out) {
        String name = e.getTagName();
        if ("ac:structured-macro".equals(name)) {
            macro(e, context, out);
            return;
        }
        if (name.startsWith("at:") || name.startsWith("ri:") || "ac:parameter".equals(name)) {
            return;
        }
        if (name.startsWith("ac:")) {
            children(e, context, out);
            return;
        }
        String tag = name.toLowerCase(Locale.ROOT);
        if (!ELEMENTS.contains(tag)) {
            children(e, context, out); // an unknown element loses its tag, keeps its text
            return;
        }
        out.append('<').append(tag);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String attr = a.getNodeName().toLowerCase(Locale.ROOT);
            if (ATTRIBUTES.contains(attr)) {
                String value = "href".equals(attr) ? safeUrl(a.getNodeValue()) : a.getNodeValue();
                out.append(' ').append(attr).append("=\"").append(Html.escape(value)).append('"');
            }
        }
        out.append('>');
        if (!VOID.contains(tag)) {
            children(e, context, out);
            out.append("</").append(tag).append('>');
        }
    }

    private void macro(Element e, ConversionContext context, StringBuilder out) {
        String name = e.getAttribute("ac:name");
        Macro macro = macros.get(name);
        if (macro == null) {
            out.append("<div class=\"sandbox-macro\">[").append(Html.escape(name)).append("]</div>");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String body = "";
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element c) {
                switch (c.getTagName()) {
                    case "ac:parameter" -> parameters.putIfAbsent(c.getAttribute("ac:name"), c.getTextContent().strip());
                    case "ac:rich-text-body" -> {
                        StringBuilder rendered = new StringBuilder();
                        children(c, context, rendered);
                        body = rendered.toString();
                    }
                    case "ac:plain-text-body" -> body = c.getTextContent();
                    default -> {
                        // not part of a macro's input
                    }
                }
            }
        }
        try {
            out.append(macro.execute(parameters, body, context));
        } catch (MacroExecutionException ex) {
            out.append("<div class=\"aui-message aui-message-error\">").append(Html.escape(ex.getMessage())).append("</div>");
        }
    }

    private static String safeUrl(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("/")
                || lower.startsWith("#") || lower.startsWith("?") ? url.strip() : "#";
    }

    /**
     * Configured once: {@code DocumentBuilderFactory.newInstance()} searches the class path's jars
     * for a provider on every call, which cost more than parsing a short page. Not documented as
     * thread-safe, so builders are taken from it one at a time.
     */
    private static final DocumentBuilderFactory FACTORY = factory();

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setExpandEntityReferences(true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static Document parse(String storageFormat) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            // HTML's entities are declared only where a page may use them: without an '&' there is no
            // entity to resolve, and the declarations would cost more to read than the page.
            String doctype = storageFormat.indexOf('&') >= 0 ? DOCTYPE : "";
            return builder.parse(new InputSource(new StringReader(doctype + "<sandbox-page>" + storageFormat
                    + "</sandbox-page>")));
        } catch (Exception e) {
            // Confluence shows a page it cannot render as such; so does the sandbox.
            throw new IllegalArgumentException("Storage format cannot be read: " + e.getMessage(), e);
        }
    }

    private static String doctype() {
        Properties entities = new Properties();
        try (InputStream in = StorageRenderer.class.getResourceAsStream(
                "/de/digitalstrategie/cockpit/minutes/storage/html-entities.properties")) {
            entities.load(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("HTML entity table missing", e));
        }
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sandbox-page [");
        entities.forEach((name, code) -> dtd.append("<!ENTITY ").append(name).append(" \"&#").append(code).append(";\">"));
        return dtd.append("]>").toString();
    }
}
