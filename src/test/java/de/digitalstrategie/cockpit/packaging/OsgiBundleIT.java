package de.digitalstrategie.cockpit.packaging;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Installs the built plugin JAR in a real OSGi framework (Apache Felix, which Confluence runs) whose
 * system bundle exports what Confluence 9 offers plugins ({@code src/test/resources/osgi/confluence-9-exports.txt},
 * each package with its source), and checks what Confluence's plugin system would trip over: the
 * bundle must resolve and start, export nothing, start no activator of its own, and every class it
 * names (descriptor, Spring XML) or its code refers to must be inside the bundle or in a package
 * the bundle is actually wired to. An optional import that nothing satisfies counts as missing:
 * that class would throw NoClassDefFoundError in Confluence.
 */
class OsgiBundleIT {
    private static final String PLUGIN_PACKAGE = "de/digitalstrategie/cockpit/";
    private static final String GEMINI_NAMESPACE = "http://www.eclipse.org/gemini/blueprint/schema/blueprint";
    /** The bean class Gemini's parser makes of an osgi:reference element (ReferenceBeanDefinitionParser). */
    private static final String GEMINI_REFERENCE_CLASS =
            "org.eclipse.gemini.blueprint.service.importer.support.OsgiServiceProxyFactoryBean";

    private static Path jarPath;
    private static JarFile jar;
    private static Framework felix;
    private static Bundle plugin;
    private static Map<String, String> hostExports;
    /** Every class the bundle holds itself (its own and those of embedded JARs), as internal names. */
    private static Set<String> embedded;

    @BeforeAll
    static void install() throws Exception {
        jarPath = Path.of(System.getProperty("plugin.jar", "target/digitalstrategie-cockpit-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jarPath), "plugin JAR not built: " + jarPath);
        jar = new JarFile(jarPath.toFile());
        hostExports = hostExports();
        embedded = embeddedClasses();

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Path.of("target", "felix-cache").toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Felix exports the JDK's packages by itself; the host's come from the list, nothing else.
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, hostExports.entrySet().stream()
                .map(e -> e.getKey() + ";version=" + e.getValue()).collect(Collectors.joining(",")));
        felix = new FrameworkFactory().newFramework(config);
        felix.start();
        try (InputStream in = Files.newInputStream(jarPath)) {
            plugin = felix.getBundleContext().installBundle(jarPath.toUri().toString(), in);
        }
        felix.adapt(FrameworkWiring.class).resolveBundles(List.of(plugin));
    }

    @AfterAll
    static void stop() throws Exception {
        if (felix != null) {
            felix.stop();
            felix.waitForStop(10_000);
        }
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void resolvesAndStartsAgainstConfluencesExports() {
        try {
            // start() resolves first and names the unsatisfied requirement if it cannot.
            plugin.start();
        } catch (BundleException e) {
            fail("the bundle does not start: " + e.getMessage());
        }
        assertEquals(Bundle.ACTIVE, plugin.getState(), "bundle state");
    }

    @Test
    void exportsNothingAndRunsNoActivator() throws IOException {
        Attributes main = jar.getManifest().getMainAttributes();
        // A plugin that exports a library package can take over other apps' wiring of it, and is
        // refreshed together with them; Atlassian wants a bundled logging API private (Jira 9.5 "Log4j upgrade details for third-party app vendors").
        assertNull(main.getValue(Constants.EXPORT_PACKAGE), "Export-Package");
        // The plugin system starts the plugin through its Spring context, never an activator of its own.
        assertNull(main.getValue(Constants.BUNDLE_ACTIVATOR), "Bundle-Activator");
        assertNull(main.getValue(Constants.BUNDLE_ACTIVATIONPOLICY), "Bundle-ActivationPolicy");
        // No requirement on the execution environment's name: the host's framework decides it (bnd's -noee).
        String requirements = main.getValue(Constants.REQUIRE_CAPABILITY);
        assertTrue(requirements == null || !requirements.contains("osgi.ee"), "Require-Capability: " + requirements);
    }

    @Test
    void everyClassTheDescriptorNamesIsInTheBundleOrImported() throws Exception {
        Document descriptor = xml("atlassian-plugin.xml");
        Map<String, String> named = new TreeMap<>();
        for (Element e : elements(descriptor.getDocumentElement())) {
            if (!e.getAttribute("class").isBlank()) {
                named.put(e.getAttribute("class").strip(), "<" + e.getTagName() + " class>");
            }
            if (e.getTagName().equals("entity")) {
                named.put(e.getTextContent().strip(), "<ao><entity>");
            }
        }
        assertTrue(named.containsValue("<condition class>"), "descriptor has no condition: test out of date");
        List<String> missing = new ArrayList<>(unreachable(named));

        // A REST module's <package> is scanned inside the bundle: it must hold classes there.
        NodeList packages = descriptor.getElementsByTagName("package");
        for (int i = 0; i < packages.getLength(); i++) {
            String pkg = packages.item(i).getTextContent().strip().replace('.', '/') + "/";
            boolean held = embedded.stream().anyMatch(c -> c.startsWith(pkg) && c.indexOf('/', pkg.length()) < 0);
            if (!held) {
                missing.add(pkg + " (<rest><package>): no class of it in the bundle");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyClassTheSpringContextNamesIsInTheBundleOrImported() throws Exception {
        List<String> contexts = Collections.list(jar.entries()).stream().map(JarEntry::getName)
                .filter(n -> n.startsWith("META-INF/spring/") && n.endsWith(".xml")).toList();
        assertTrue(!contexts.isEmpty(), "no META-INF/spring/*.xml in the bundle");
        Map<String, String> named = new TreeMap<>();
        for (String context : contexts) {
            for (Element e : elements(xml(context).getDocumentElement())) {
                if (GEMINI_NAMESPACE.equals(e.getNamespaceURI()) && e.getLocalName().equals("reference")) {
                    named.put(e.getAttribute("interface").strip(), context + " osgi:reference interface");
                    named.put(GEMINI_REFERENCE_CLASS, context + " osgi:reference (Gemini's bean class)");
                } else if (!e.getAttribute("class").isBlank()) {
                    named.put(e.getAttribute("class").strip(), context + " <" + e.getTagName() + " class>");
                }
            }
        }
        assertEquals(List.of(), unreachable(named));
    }

    @Test
    void everyClassThePluginsCodeRefersToIsInTheBundleOrImported() throws Exception {
        Map<String, String> referenced = new TreeMap<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(PLUGIN_PACKAGE) && name.endsWith(".class")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    String from = name.substring(0, name.length() - ".class".length());
                    for (String type : referencedTypes(in.readAllBytes())) {
                        referenced.putIfAbsent(type.replace('/', '.'), from.replace('/', '.'));
                    }
                }
            }
        }
        assertTrue(referenced.size() > 100, "too few references read: " + referenced.size());
        assertEquals(List.of(), unreachable(referenced));
    }

    /**
     * The named classes (with where they are named) that the bundle can reach neither inside itself
     * nor through a package wire. The bundle's own classes are also loaded through the bundle, which
     * links their supertypes the way Confluence's plugin system will.
     */
    private static List<String> unreachable(Map<String, String> classes) {
        List<String> missing = new ArrayList<>();
        Set<String> wired = wiredPackages();
        for (Map.Entry<String, String> c : classes.entrySet()) {
            String className = c.getKey();
            if (className.startsWith("java.")) {
                continue; // boot delegation: always there
            }
            String internal = className.replace('.', '/');
            if (embedded.contains(internal)) {
                if (internal.startsWith(PLUGIN_PACKAGE)) {
                    try {
                        plugin.loadClass(className);
                    } catch (ClassNotFoundException | LinkageError e) {
                        missing.add(className + " (" + c.getValue() + "): cannot be loaded through the bundle: " + e);
                    }
                }
                continue;
            }
            String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
            if (!wired.contains(pkg)) {
                missing.add(className + " (" + c.getValue() + "): package " + pkg + " neither embedded nor imported");
            }
        }
        return missing;
    }

    /** The packages the resolved bundle is wired to (an unsatisfied optional import has no wire). */
    private static Set<String> wiredPackages() {
        Set<String> packages = new TreeSet<>();
        BundleWiring wiring = plugin.adapt(BundleWiring.class);
        if (wiring == null) {
            return packages; // not resolved: resolvesAndStarts… names the reason
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            packages.add((String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
        }
        return packages;
    }

    /** Every type a class file refers to: supertypes, fields, signatures, calls, annotations, constants. */
    private static Set<String> referencedTypes(byte[] classFile) {
        Set<String> types = new TreeSet<>();
        Remapper collector = new Remapper() {
            @Override
            public String map(String internalName) {
                String element = internalName;
                while (element.startsWith("[")) {
                    element = element.substring(1);
                }
                if (element.startsWith("L") && element.endsWith(";")) {
                    element = element.substring(1, element.length() - 1);
                }
                if (element.length() > 1) {
                    types.add(element);
                }
                return internalName;
            }
        };
        new ClassReader(classFile).accept(new ClassRemapper(new ClassVisitor(Opcodes.ASM9) { }, collector), 0);
        return types;
    }

    /** Class names of the JAR itself and of the embedded JARs on its Bundle-ClassPath. */
    private static Set<String> embeddedClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        String classPath = jar.getManifest().getMainAttributes().getValue(Constants.BUNDLE_CLASSPATH);
        List<String> roots = classPath == null ? List.of(".")
                : List.of(classPath.split(",")).stream().map(String::strip).map(r -> r.split(";")[0]).toList();
        for (String root : roots) {
            if (root.equals(".")) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    addClass(classes, e.getName());
                }
            } else {
                JarEntry nested = jar.getJarEntry(root);
                assertTrue(nested != null, "Bundle-ClassPath names a missing entry: " + root);
                try (JarInputStream in = new JarInputStream(jar.getInputStream(nested))) {
                    for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                        addClass(classes, e.getName());
                    }
                }
            }
        }
        return classes;
    }

    private static void addClass(Set<String> classes, String entry) {
        if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
            classes.add(entry.substring(0, entry.length() - ".class".length()));
        }
    }

    /** The host's exports: package to version, from the list kept with its sources in the repository. */
    static Map<String, String> hostExports() throws IOException {
        Map<String, String> exports = new LinkedHashMap<>();
        try (InputStream in = OsgiBundleIT.class.getResourceAsStream("/osgi/confluence-9-exports.txt")) {
            assertTrue(in != null, "osgi/confluence-9-exports.txt missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.contains("#") ? line.substring(0, line.indexOf('#')).strip() : line.strip();
                if (!entry.isEmpty()) {
                    String[] parts = entry.split(";version=");
                    exports.put(parts[0].strip(), parts[1].strip());
                }
            }
        }
        return exports;
    }

    private static Document xml(String entry) throws Exception {
        JarEntry e = jar.getJarEntry(entry);
        assertTrue(e != null, entry + " missing in the JAR");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = jar.getInputStream(e)) {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("*");
        all.add(root);
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }
}
