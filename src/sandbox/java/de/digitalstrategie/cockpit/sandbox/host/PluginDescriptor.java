package de.digitalstrategie.cockpit.sandbox.host;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The plugin's atlassian-plugin.xml, read for the modules whose classes the plugin system creates
 * itself (with {@link PluginContainer#createModule}): each {@code <xhtml-macro>} under its
 * storage-format name, each {@code <servlet>} at its url-patterns under {@code /plugins/servlet}
 * (Confluence's servlet module prefix), and the {@code <rest>} module's resources and providers:
 * the {@code @Path} and {@code @Provider} classes of its {@code <package>}s and the packages below
 * them, looked for in the plugin's own classes only (the folder the descriptor was built into, as
 * the bundle in Confluence), as REST's package scanning does.
 */
public final class PluginDescriptor {
    public static final String RESOURCE = "atlassian-plugin.xml";
    /** Where Confluence mounts the url-pattern of a servlet module. */
    public static final String SERVLET_PREFIX = "/plugins/servlet";

    public record MacroModule(String name, Class<?> type) {
    }

    public record ServletModule(String path, Class<?> type) {
    }

    private final Document document;
    private final URL location;
    private final ClassLoader loader;
    private List<String> classEntries;

    private PluginDescriptor(Document document, URL location, ClassLoader loader) {
        this.document = document;
        this.location = location;
        this.loader = loader;
    }

    /** The descriptor on the class path: the one the plugin's build put beside its classes. */
    public static PluginDescriptor load() {
        ClassLoader loader = PluginDescriptor.class.getClassLoader();
        URL location = loader.getResource(RESOURCE);
        if (location == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path");
        }
        try (InputStream in = location.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new PluginDescriptor(factory.newDocumentBuilder().parse(in), location, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(RESOURCE + " cannot be read", e);
        }
    }

    public Document document() {
        return document;
    }

    public List<MacroModule> macros() {
        List<MacroModule> macros = new ArrayList<>();
        for (Element module : modules("xhtml-macro")) {
            macros.add(new MacroModule(module.getAttribute("name"), type(module.getAttribute("class"))));
        }
        return macros;
    }

    /**
     * The {@code <blueprint>} modules by key, each with its content template's
     * {@code <context-provider>} class, if it names one (Confluence creates it as a module and asks
     * it for the template's variables when a page is made from the blueprint).
     */
    public Map<String, Optional<Class<?>>> blueprintContextProviders() {
        Map<String, Optional<Class<?>>> providers = new LinkedHashMap<>();
        for (Element blueprint : modules("blueprint")) {
            Optional<Class<?>> provider = Optional.empty();
            for (Element template : modules("content-template")) {
                if (template.getAttribute("key").equals(blueprint.getAttribute("content-template-key"))) {
                    for (Element context : children(template, "context-provider")) {
                        provider = Optional.of(type(context.getAttribute("class")));
                    }
                }
            }
            providers.put(blueprint.getAttribute("key"), provider);
        }
        return providers;
    }

    /**
     * The {@code <web-resource>} modules: each module's complete key ({@code pluginKey:moduleKey})
     * with the names of its download resources, in the descriptor's order.
     */
    public Map<String, List<String>> webResources() {
        String plugin = document.getDocumentElement().getAttribute("key");
        Map<String, List<String>> modules = new LinkedHashMap<>();
        for (Element module : modules("web-resource")) {
            List<String> names = new ArrayList<>();
            for (Element resource : children(module, "resource")) {
                if ("download".equals(resource.getAttribute("type"))) {
                    names.add(resource.getAttribute("name"));
                }
            }
            modules.put(plugin + ":" + module.getAttribute("key"), List.copyOf(names));
        }
        return modules;
    }

    public List<ServletModule> servlets() {
        List<ServletModule> servlets = new ArrayList<>();
        for (Element module : modules("servlet")) {
            Class<?> type = type(module.getAttribute("class"));
            for (Element pattern : children(module, "url-pattern")) {
                servlets.add(new ServletModule(SERVLET_PREFIX + pattern.getTextContent().strip(), type));
            }
        }
        return servlets;
    }

    /** The REST module's resources and providers, in name order. */
    public List<Class<?>> restClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Element rest : modules("rest")) {
            for (Element pkg : children(rest, "package")) {
                for (Class<?> type : classesIn(pkg.getTextContent().strip())) {
                    if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) {
                        classes.add(type);
                    }
                }
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }

    /** The classes of a package and the packages below it, from the plugin's own classes. */
    public List<Class<?>> classesIn(String pkg) {
        String prefix = pkg.replace('.', '/') + "/";
        List<Class<?>> classes = new ArrayList<>();
        for (String entry : classEntries()) {
            if (entry.startsWith(prefix)) {
                classes.add(type(entry.substring(0, entry.length() - ".class".length()).replace('/', '.')));
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }

    /** Every class file beside the descriptor (the build's class folder), as paths relative to it. */
    private synchronized List<String> classEntries() {
        if (classEntries == null) {
            classEntries = readClassEntries();
        }
        return classEntries;
    }

    private List<String> readClassEntries() {
        if (!"file".equals(location.getProtocol())) {
            throw new IllegalStateException("the sandbox runs on the plugin's class folder, not " + location);
        }
        try {
            java.nio.file.Path root = java.nio.file.Path.of(location.toURI()).getParent();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/')).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Class<?> type(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(RESOURCE + " names a class that does not exist: " + name, e);
        }
    }

    private List<Element> modules(String name) {
        List<Element> modules = new ArrayList<>();
        for (Node node = document.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(name)) {
                modules.add(e);
            }
        }
        return modules;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                children.add(e);
            }
        }
        return children;
    }
}
